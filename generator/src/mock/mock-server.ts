import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OperationNode } from '../ir/types.js';
import type { ValidationIssue } from '../validate/validate-target.js';
import type { MockSpec } from './load-mock.js';
import { readParameters } from './read-parameters.js';
import { chooseResponse, readPreference, responseBody } from './respond.js';
import { buildRoutes, matchRoute } from './routes.js';

/** The largest request body the mock reads; a larger one is answered 413. */
const maxBodyBytes = 10 * 1024 * 1024;

export interface MockServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export interface MockOptions {
  mock: MockSpec;
  port?: number;
  host?: string;
  /** One line a request (`GET /v3/1 -> 200 (2 ms)`). @default nothing */
  log?: (line: string) => void;
}

/**
 * A real HTTP server for a spec's operations: routes by method and path template, checks every part of a
 * request with the spec's validators (a 400 `application/problem+json` lists each issue), and answers with
 * the documented example or a value built from the schema, which the response's validator accepts.
 */
export async function startMockServer({ mock, port = 0, host = '127.0.0.1', log }: MockOptions): Promise<MockServer> {
  const routes = buildRoutes(mock.model.operations);
  const basePaths = [...new Set(mock.model.operations.flatMap((operation) => operation.servers.map((server) => basePath(server.url))))];
  const schemas = new Map(mock.model.schemas.map((named) => [named.name, named]));
  const server = createServer((request, response) => {
    const started = Date.now();
    response.on('finish', () => log?.(`${request.method} ${request.url} -> ${response.statusCode} (${Date.now() - started} ms)`));
    handle({ request, response, mock, routes, basePaths, schemas }).catch((error: unknown) => {
      if (!response.headersSent) problem(response, 500, 'Internal Server Error', (error as Error).message ?? String(error));
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shown}:${address.port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

/** The path of a server URL, its variables at their defaults: `/customer` of `https://{env}.example.com/customer`. */
function basePath(url: string): string {
  try {
    return new URL(url.replace(/\{[^}]+\}/g, 'x'), 'http://localhost').pathname.replace(/\/+$/, '');
  } catch {
    return '';
  }
}

async function handle({
  request,
  response,
  mock,
  routes,
  basePaths,
  schemas,
}: {
  request: IncomingMessage;
  response: ServerResponse;
  mock: MockSpec;
  routes: ReturnType<typeof buildRoutes>;
  basePaths: string[];
  schemas: Map<string, MockSpec['model']['schemas'][number]>;
}): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const method = (request.method ?? 'GET').toUpperCase();
  const match = matchRoute({ routes, method, path: url.pathname, basePaths });
  if (match.kind === 'none') return problem(response, 404, 'Not Found', `no operation of the spec has the path ${url.pathname}`);
  if (match.kind === 'method') {
    response.setHeader('allow', match.allowed.join(', '));
    return problem(response, 405, 'Method Not Allowed', `${url.pathname} takes ${match.allowed.join(', ')}`);
  }
  const { operation } = match.route;
  const raw = await readBody(request);
  if (raw === undefined) return problem(response, 413, 'Content Too Large', `the body is larger than ${maxBodyBytes} bytes`);
  const parts = readParameters({ operation, schemas, pathValues: match.values, search: url.searchParams, headers: request.headers });
  const issues = checkRequest({ mock, operation, parts, raw, contentType: request.headers['content-type'] });
  if (issues.length > 0)
    return problem(response, 400, 'Bad Request', `the request does not match the spec of ${operation.id}: ${issues.length} issue(s)`, {
      issues,
    });
  const preference = readPreference(header(request, 'prefer'));
  const chosen = chooseResponse(operation, preference);
  if (typeof chosen === 'string') return problem(response, 400, 'Bad Request', chosen);
  const body = responseBody({ mock, operation, response: chosen.response, preference });
  if (body.kind === 'problem') return problem(response, 500, 'Internal Server Error', body.detail);
  response.statusCode = chosen.status;
  if (body.kind === 'none') return void response.end();
  response.setHeader('content-type', body.mediaType);
  response.end(/json/i.test(body.mediaType) ? JSON.stringify(body.value) : String(body.value));
}

interface Issue extends ValidationIssue {
  in: string;
}

/** Every issue of the request's path, query, headers and body, each saying which part it is in. */
function checkRequest({
  mock,
  operation,
  parts,
  raw,
  contentType,
}: {
  mock: MockSpec;
  operation: OperationNode;
  parts: ReturnType<typeof readParameters>;
  raw: Buffer;
  contentType: string | undefined;
}): Issue[] {
  const issues: Issue[] = [];
  const check = (part: string, name: string, value: unknown) => {
    for (const issue of mock.checks.get(name)?.(value) ?? []) issues.push({ in: part, ...issue });
  };
  const { names } = operation;
  if (operation.parameters.path.length > 0) check('path', names.params.path, parts.path);
  if (operation.parameters.query.length > 0) check('query', names.params.query, parts.query);
  if (operation.parameters.header.length > 0) check('header', names.params.header, parts.headers);
  const body = operation.requestBody;
  if (body === undefined) return issues;
  if (raw.length === 0) {
    if (body.required) issues.push({ in: 'body', path: '', keyword: 'required', params: {}, message: 'the request body is required' });
    return issues;
  }
  if (body.contents.some((media) => /json/i.test(media.mediaType))) {
    if (contentType !== undefined && !/json/i.test(contentType))
      issues.push({
        in: 'body',
        path: '',
        keyword: 'contentType',
        params: { contentType },
        message: `the body is ${contentType}, not JSON`,
      });
    let value: unknown;
    try {
      value = JSON.parse(raw.toString('utf8'));
    } catch (error) {
      issues.push({ in: 'body', path: '', keyword: 'json', params: {}, message: `the body is not JSON: ${(error as Error).message}` });
      return issues;
    }
    check('body', names.requestBody, value);
  }
  return issues;
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** An RFC 9457 problem document. */
function problem(response: ServerResponse, status: number, title: string, detail: string, extra: Record<string, unknown> = {}): void {
  response.statusCode = status;
  response.setHeader('content-type', 'application/problem+json');
  response.end(JSON.stringify({ type: 'about:blank', title, status, detail, ...extra }));
}
