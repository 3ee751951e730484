import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OperationNode, ResponseNode, SecuritySchemeNode } from '../ir/types.js';
import { preferredContents } from '../emit/types/emit-operations.js';
import type { ValidationIssue } from '../validate/validate-target.js';
import type { MockSpec } from './load-mock.js';
import { readParameters } from './read-parameters.js';
import { checkSecurity } from './check-security.js';
import { acceptsBody, allowedHeaders, allowOrigin, answerPreflight, isPreflight, negotiate } from './http-manners.js';
import { chooseResponse, readPreference, responseBody, type Preference } from './respond.js';
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
  /** One line a request (`GET /v3/1 -> 200 (2 ms)`), and one for each warning. @default nothing */
  log?: (line: string) => void;
  /** Check each operation's security requirements (401 when credentials are missing). @default true */
  auth?: boolean;
  /** Answer CORS requests and preflights, so a browser app on another origin can call the mock. @default true */
  cors?: boolean;
}

/**
 * A real HTTP server for a spec's operations: routes by method and path template, checks every part of a
 * request with the spec's validators (a 400 `application/problem+json` lists each issue), and answers with
 * the documented example or a value built from the schema, which the response's validator accepts.
 */
export async function startMockServer({
  mock,
  port = 0,
  host = '127.0.0.1',
  log,
  auth = true,
  cors = true,
}: MockOptions): Promise<MockServer> {
  const site: Site = {
    mock,
    routes: buildRoutes(mock.model.operations),
    basePaths: [...new Set(mock.model.operations.flatMap((operation) => operation.servers.map((server) => basePath(server.url))))],
    schemas: new Map(mock.model.schemas.map((named) => [named.name, named])),
    securitySchemes: new Map(mock.model.securitySchemes.map((scheme) => [scheme.name, scheme])),
    auth,
    cors,
    log: log ?? (() => {}),
  };
  const server = createServer((request, response) => {
    const started = Date.now();
    response.on('finish', () => log?.(`${request.method} ${request.url} -> ${response.statusCode} (${Date.now() - started} ms)`));
    handle(site, request, response).catch((error: unknown) => {
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

/** What every request is answered from: the spec, its routes and the server's settings. */
interface Site {
  mock: MockSpec;
  routes: ReturnType<typeof buildRoutes>;
  basePaths: string[];
  schemas: ReadonlyMap<string, MockSpec['model']['schemas'][number]>;
  securitySchemes: ReadonlyMap<string, SecuritySchemeNode>;
  auth: boolean;
  cors: boolean;
  log: (line: string) => void;
}

/**
 * One request, in the order an HTTP server owes its answers: the path (404, or 400 when its
 * percent-encoding does not decode), a CORS preflight, the method (405 with the path's own `Allow`), the
 * credentials (401), the body's size (413) and media type (415), every part against the spec (400), then the
 * documented response the client can accept (406 when none).
 */
async function handle(site: Site, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const { mock } = site;
  const url = new URL(request.url ?? '/', 'http://localhost');
  const method = (request.method ?? 'GET').toUpperCase();
  if (site.cors) allowOrigin(request, response);
  if (!decodes(url.pathname))
    return problem(response, 400, 'Bad Request', `the path ${url.pathname} has percent-encoding that does not decode as UTF-8`);
  const match = matchRoute({ routes: site.routes, method, path: url.pathname, basePaths: site.basePaths });
  if (match.kind === 'none') return problem(response, 404, 'Not Found', `no operation of the spec has the path ${url.pathname}`);
  if (site.cors && isPreflight(request))
    return answerPreflight(response, { methods: match.methods, headers: allowedHeaders(match.operations, mock.model.securitySchemes) });
  if (match.kind === 'method') {
    response.setHeader('allow', match.methods.join(', '));
    if (method === 'OPTIONS') return void response.writeHead(204).end();
    return problem(response, 405, 'Method Not Allowed', `${url.pathname} takes ${match.methods.join(', ')}`);
  }
  const { operation } = match.route;
  if (site.auth) {
    const verdict = checkSecurity({
      requirements: operation.security ?? mock.model.security,
      schemes: site.securitySchemes,
      credentials: { headers: request.headers, search: url.searchParams },
    });
    if (!verdict.ok) return unauthorized(site, { operation, request, response, challenges: verdict.challenges, detail: verdict.detail });
  }
  const raw = await readBody(request);
  if (raw === undefined) {
    // The rest of the body is not read: the connection cannot carry another request (RFC 9110 §15.5.14).
    response.setHeader('connection', 'close');
    return problem(response, 413, 'Content Too Large', `the body is larger than ${maxBodyBytes} bytes`);
  }
  const contentType = request.headers['content-type'];
  const body = operation.requestBody;
  if (raw.length > 0 && body !== undefined && contentType !== undefined && !acceptsBody(body.contents, contentType)) {
    const documented = body.contents.map((media) => media.mediaType);
    response.setHeader(`accept-${method.toLowerCase()}`, documented.join(', '));
    return problem(response, 415, 'Unsupported Media Type', `${operation.id} takes ${documented.join(' or ')}, not ${contentType}`);
  }
  const parts = readParameters({
    operation,
    schemas: site.schemas,
    pathValues: match.values,
    search: url.searchParams,
    headers: request.headers,
  });
  const issues = [...emptyValues(operation, url.searchParams), ...checkRequest({ mock, operation, parts, raw, contentType })];
  if (issues.length > 0)
    return problem(response, 400, 'Bad Request', `the request does not match the spec of ${operation.id}: ${issues.length} issue(s)`, {
      issues,
    });
  const preference = readPreference(header(request, 'prefer'));
  const chosen = chooseResponse(operation, preference);
  if (typeof chosen === 'string') return problem(response, 400, 'Bad Request', chosen);
  await answer(site, { operation, request, response, chosen, preference, head: method === 'HEAD' });
}

/** The chosen documented response, in a media type the request's `Accept` allows. */
async function answer(
  site: Site,
  {
    operation,
    request,
    response,
    chosen,
    preference,
    head,
  }: {
    operation: OperationNode;
    request: IncomingMessage;
    response: ServerResponse;
    chosen: { response: ResponseNode; status: number };
    preference: Preference;
    head: boolean;
  },
): Promise<void> {
  // JSON first (what the client's types describe), then the response's other media types.
  const offered = [
    ...new Set([...preferredContents(chosen.response.contents), ...chosen.response.contents].map((media) => media.mediaType)),
  ];
  const mediaType = offered.length === 0 ? undefined : negotiate(offered, header(request, 'accept'));
  if (offered.length > 0 && mediaType === undefined)
    return problem(
      response,
      406,
      'Not Acceptable',
      `${operation.id} answers ${offered.join(' or ')}, which Accept: ${header(request, 'accept')} refuses`,
    );
  const body =
    mediaType === undefined
      ? ({ kind: 'none' } as const)
      : responseBody({ mock: site.mock, operation, response: chosen.response, mediaType, preference });
  if (body.kind === 'problem') return problem(response, 500, 'Internal Server Error', body.detail);
  if (body.kind === 'unknown-example')
    return problem(
      response,
      400,
      'Bad Request',
      `Prefer asks for example=${preference.example ?? ''}; this response documents ${body.names.length === 0 ? 'no named example' : body.names.join(', ')}`,
      { examples: body.names },
    );
  response.statusCode = chosen.status;
  if (body.kind === 'none') return void response.end();
  if (body.warning !== undefined) {
    response.setHeader('x-specsmith-warning', body.warning.replace(/[\r\n]+/g, ' '));
    site.log(`warning: ${operation.id} ${chosen.status}: ${body.warning}`);
  }
  const text = /json/i.test(body.mediaType) ? JSON.stringify(body.value) : String(body.value);
  response.setHeader('content-type', body.mediaType);
  response.setHeader('content-length', Buffer.byteLength(text));
  response.end(head ? undefined : text);
}

/** 401 with a challenge per scheme (RFC 9110 §15.5.2), and the spec's documented 401 body where it has one. */
async function unauthorized(
  site: Site,
  {
    operation,
    request,
    response,
    challenges,
    detail,
  }: { operation: OperationNode; request: IncomingMessage; response: ServerResponse; challenges: string[]; detail: string },
): Promise<void> {
  // The request is answered without its body: read and drop it, so the connection can carry the next one.
  for await (const _chunk of request);
  response.setHeader('www-authenticate', challenges.length === 0 ? 'Bearer realm="specsmith mock"' : challenges.join(', '));
  const documented = operation.responses.find((candidate) => candidate.status === '401' || candidate.status.toUpperCase() === '4XX');
  if (documented === undefined) return problem(response, 401, 'Unauthorized', detail);
  await answer(site, {
    operation,
    request,
    response,
    chosen: { response: documented, status: 401 },
    preference: {},
    head: request.method === 'HEAD',
  });
}

/** A query parameter sent empty (`?name=`) where the spec does not allow it (OpenAPI 3.1 §4.8.12.2). */
function emptyValues(operation: OperationNode, search: URLSearchParams): Issue[] {
  return operation.parameters.query
    .filter(
      (parameter) =>
        parameter.allowEmptyValue !== true && search.has(parameter.name) && search.getAll(parameter.name).every((value) => value === ''),
    )
    .map((parameter) => ({
      in: 'query',
      path: `/${parameter.name}`,
      keyword: 'allowEmptyValue',
      params: {},
      message: `must not be empty (the spec does not set allowEmptyValue)`,
    }));
}

function decodes(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
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
