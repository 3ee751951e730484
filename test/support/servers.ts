import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { loadTrafficSpec, type TrafficSpec } from '../../generator/src/traffic/load-spec.js';
import { startMockServer } from '../../generator/src/mock/mock-server.js';
import { sampleValue } from '../../generator/src/mock/sample-value.js';
import type { OperationNode } from '../../generator/src/ir/types.js';
import { repoRoot } from './paths.js';

/** A request as a test server saw it. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  at: number;
}

export interface TestServer {
  url: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

/** A real server on 127.0.0.1 and a free port that records every request and answers with `handle`. */
export async function startServer(handle: (request: SeenRequest, response: ServerResponse, index: number) => void): Promise<TestServer> {
  const requests: SeenRequest[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const seen = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      };
      requests.push(seen);
      handle(seen, response, requests.length - 1);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface RunningMock {
  mock: TrafficSpec;
  url: string;
  /** Requests that reached the server. */
  count(): number;
  close(): Promise<void>;
}

/** `specsmith mock` for a curated spec, in this process, counting the requests that reach it. */
export async function startCuratedMock(provider: string, options: { stateful?: boolean } = {}): Promise<RunningMock> {
  const { spec: mock, diagnostics } = await loadTrafficSpec({ spec: path.join('specs', provider, 'openapi.yaml'), root: repoRoot });
  if (mock === undefined) throw new Error(JSON.stringify(diagnostics));
  const server = await startMockServer({ mock, ...options });
  let requests = 0;
  server.server.on('request', () => (requests += 1));
  return { mock, url: server.url, count: () => requests, close: () => server.close() };
}

/** A valid input for an operation: each part built from its schema and checked by its validator. */
export function validInput(mock: TrafficSpec, operation: OperationNode): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const part = (field: string, name: string) => {
    const schema = mock.defs[name];
    if (schema === undefined) return;
    const value = sampleValue(schema, mock.defs);
    const issues = mock.checks.get(name)?.(value);
    if (issues !== undefined) throw new Error(`the sample of ${name} is invalid: ${issues.map((issue) => issue.message).join('; ')}`);
    input[field] = value;
  };
  const { names } = operation;
  if (operation.parameters.path.length > 0) part('path', names.params.path);
  if (operation.parameters.query.length > 0) part('query', names.params.query);
  if (operation.parameters.header.length > 0) part('headers', names.params.header);
  if (operation.requestBody !== undefined) part('body', names.requestBody);
  return input;
}
