import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { listen, maxBodyBytes, readBody } from '../traffic/http-server.js';
import { credentialNames, redactedUrl } from '../traffic/redact.js';
import type { OperationNode, ResponseNode, SecuritySchemeNode } from '../ir/types.js';
import { preferredContents } from '../emit/types/emit-operations.js';
import { checkRequest, emptyValues } from '../traffic/check-request.js';
import type { TrafficSpec } from '../traffic/load-spec.js';
import { readParameters } from '../traffic/read-parameters.js';
import { checkSecurity } from './check-security.js';
import { acceptsBody, allowedHeaders, allowOrigin, answerPreflight, isPreflight, negotiate } from './http-manners.js';
import { merge, MockState } from './mock-state.js';
import { problemReply, send, type Reply } from '../traffic/reply.js';
import { chooseResponse, readPreference, responseBody, type Preference } from './respond.js';
import { basePathOf, buildRoutes, matchRoute } from '../traffic/routes.js';

export interface MockServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export interface MockOptions {
  mock: TrafficSpec;
  port?: number;
  host?: string;
  /** One line a request (`GET /v3/1 -> 200 (2 ms)`), and one for each warning. @default nothing */
  log?: (line: string) => void;
  /** Check each operation's security requirements (401 when credentials are missing). @default true */
  auth?: boolean;
  /** Answer CORS requests and preflights, so a browser app on another origin can call the mock. @default true */
  cors?: boolean;
  /** Keep what writes make, for reads to find (`--stateful`, see MockState), and replay idempotency keys. @default false */
  stateful?: boolean;
  /** Items to start from, by the URL path that reads each (`--seed FILE`): `{ "/v3/151077912": {…} }`. @default {} */
  seed?: Record<string, unknown>;
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
  stateful = false,
  seed = {},
}: MockOptions): Promise<MockServer> {
  const site: Site = {
    mock,
    routes: buildRoutes(mock.model.operations),
    basePaths: [...new Set(mock.model.operations.flatMap((operation) => operation.servers.map((server) => basePathOf(server.url))))],
    schemas: new Map(mock.model.schemas.map((named) => [named.name, named])),
    securitySchemes: new Map(mock.model.securitySchemes.map((scheme) => [scheme.name, scheme])),
    auth,
    cors,
    ...(stateful ? { state: new MockState(mock.model.operations) } : {}),
    log: log ?? (() => {}),
  };
  if (site.state !== undefined) seedState(site, seed);
  const secrets = credentialNames(mock.model.securitySchemes).query;
  const server = createServer((request, response) => {
    const started = Date.now();
    // The log never shows a credential sent in the query (an API key, an access token).
    const shown = () => redactedUrl(request.url ?? '/', secrets);
    response.on('finish', () => log?.(`${request.method} ${shown()} -> ${response.statusCode} (${Date.now() - started} ms)`));
    handle(site, request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, problemReply(500, 'Internal Server Error', (error as Error).message ?? String(error)));
      else response.destroy();
    });
  });
  const listening = await listen(server, port, host);
  return { ...listening, server };
}

/** Preloads the state from `{ "URL path": item }`; a path no GET reads is an error, named. */
function seedState(site: Site, seed: Record<string, unknown>): void {
  for (const [path, item] of Object.entries(seed)) {
    const match = matchRoute({ routes: site.routes, method: 'GET', path, basePaths: site.basePaths });
    if (match.kind !== 'found' || !site.state!.seed(match.route.operation, decodedValues(match.values), item))
      throw new Error(`--seed: no GET operation of the spec reads ${path}`);
  }
}

/** What every request is answered from: the spec, its routes and the server's settings. */
interface Site {
  mock: TrafficSpec;
  routes: ReturnType<typeof buildRoutes>;
  basePaths: string[];
  schemas: ReadonlyMap<string, TrafficSpec['model']['schemas'][number]>;
  securitySchemes: ReadonlyMap<string, SecuritySchemeNode>;
  auth: boolean;
  cors: boolean;
  /** With `--stateful`: what writes made, and the answers idempotency keys keep. */
  state?: MockState;
  log: (line: string) => void;
}

/**
 * One request, in the order an HTTP server owes its answers: the path (404, or 400 when its
 * percent-encoding does not decode), a CORS preflight, the method (405 with the path's own `Allow`), the
 * credentials (401), the body's size (413) and media type (415), every part against the spec (400), then the
 * documented response the client can accept (406 when none), through the state when it is kept.
 */
async function handle(site: Site, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const { mock } = site;
  const url = new URL(request.url ?? '/', 'http://localhost');
  const method = (request.method ?? 'GET').toUpperCase();
  const head = method === 'HEAD';
  const reply = (answer: Reply) => send(response, answer, { head });
  if (site.cors) allowOrigin(request, response);
  if (!decodes(url.pathname))
    return reply(problemReply(400, 'Bad Request', `the path ${url.pathname} has percent-encoding that does not decode as UTF-8`));
  const match = matchRoute({ routes: site.routes, method, path: url.pathname, basePaths: site.basePaths });
  if (match.kind === 'none') return reply(problemReply(404, 'Not Found', `no operation of the spec has the path ${url.pathname}`));
  if (site.cors && isPreflight(request))
    return answerPreflight(response, { methods: match.methods, headers: allowedHeaders(match.operations, mock.model.securitySchemes) });
  if (match.kind === 'method') {
    response.setHeader('allow', match.methods.join(', '));
    if (method === 'OPTIONS') return reply({ status: 204, headers: {} });
    return reply(problemReply(405, 'Method Not Allowed', `${url.pathname} takes ${match.methods.join(', ')}`));
  }
  const { operation } = match.route;
  await mock.prepare(operation);
  if (site.auth) {
    const verdict = checkSecurity({
      requirements: operation.security ?? mock.model.security,
      schemes: site.securitySchemes,
      credentials: { headers: request.headers, search: url.searchParams },
    });
    if (!verdict.ok) {
      // Answered without its body: read and drop it, so the connection can carry the next request.
      for await (const _chunk of request);
      return reply(
        unauthorized(site, { operation, accept: header(request, 'accept'), challenges: verdict.challenges, detail: verdict.detail }),
      );
    }
  }
  const raw = await readBody(request);
  if (raw === undefined) {
    // The rest of the body is not read: the connection cannot carry another request (RFC 9110 §15.5.14).
    response.setHeader('connection', 'close');
    return reply(problemReply(413, 'Content Too Large', `the body is larger than ${maxBodyBytes} bytes`));
  }
  const contentType = request.headers['content-type'];
  const body = operation.requestBody;
  if (raw.length > 0 && body !== undefined && contentType !== undefined && !acceptsBody(body.contents, contentType)) {
    const documented = body.contents.map((media) => media.mediaType);
    response.setHeader(`accept-${method.toLowerCase()}`, documented.join(', '));
    return reply(problemReply(415, 'Unsupported Media Type', `${operation.id} takes ${documented.join(' or ')}, not ${contentType}`));
  }
  const parts = readParameters({
    operation,
    schemas: site.schemas,
    pathValues: match.values,
    search: url.searchParams,
    headers: request.headers,
  });
  let sent: unknown;
  const issues = [
    ...emptyValues(operation, url.searchParams),
    ...checkRequest({ spec: mock, operation, parts, raw, contentType, onBody: (value) => (sent = value) }),
  ];
  if (issues.length > 0)
    return reply(
      problemReply(400, 'Bad Request', `the request does not match the spec of ${operation.id}: ${issues.length} issue(s)`, { issues }),
    );
  const key = operation.idempotency === undefined ? undefined : header(request, operation.idempotency.header.toLowerCase());
  const replayed = key === undefined ? undefined : site.state?.replay(operation, key);
  if (replayed !== undefined) return reply({ ...replayed, headers: { ...replayed.headers, 'idempotent-replayed': 'true' } });
  const answer = documentedAnswer(site, { operation, request, values: decodedValues(match.values), body: sent });
  if (key !== undefined) site.state?.remember(operation, key, answer);
  reply(answer);
}

/** The answer the spec documents for a valid request: the response `Prefer` picks, through the state when it is kept. */
function documentedAnswer(
  site: Site,
  {
    operation,
    request,
    values,
    body,
  }: { operation: OperationNode; request: IncomingMessage; values: Record<string, string>; body: unknown },
): Reply {
  const preference = readPreference(header(request, 'prefer'));
  const accept = header(request, 'accept');
  const chosen = chooseResponse(operation, preference);
  if (typeof chosen === 'string') return problemReply(400, 'Bad Request', chosen);
  // Only a success is read from or written to the state: `Prefer: code=` asking for an error changes nothing.
  const success = chosen.status >= 200 && chosen.status < 300;
  const step = (success ? site.state?.step({ operation, values, body }) : undefined) ?? { kind: 'none' };
  if (step.kind === 'not-found') {
    const documented = operation.responses.find((candidate) => candidate.status === '404' || candidate.status.toUpperCase() === '4XX');
    if (documented === undefined) return problemReply(404, 'Not Found', step.detail);
    return answerWith(site, { operation, chosen: { response: documented, status: 404 }, preference: {}, accept });
  }
  let committed = false;
  const shape =
    step.kind === 'none'
      ? undefined
      : step.kind === 'read'
        ? (documented: unknown) => merge(documented, step.item)
        : (documented: unknown) => ((committed = true), step.commit(documented));
  const answer = answerWith(site, { operation, chosen, preference, accept, ...(shape === undefined ? {} : { shape }) });
  // A write is kept once its answer is a success, whether or not that answer has a JSON body to shape.
  if (step.kind === 'write' && !committed && answer.status >= 200 && answer.status < 300) step.commit(undefined);
  return answer;
}

/**
 * The chosen documented response, in a media type `Accept` allows (406 when none); `shape` turns the
 * documented body into the one to send (the state's item laid over it, a fresh id).
 */
function answerWith(
  site: Site,
  {
    operation,
    chosen,
    preference,
    accept,
    shape,
  }: {
    operation: OperationNode;
    chosen: { response: ResponseNode; status: number };
    preference: Preference;
    accept: string | undefined;
    shape?: (documented: unknown) => unknown;
  },
): Reply {
  // JSON first (what the client's types describe), then the response's other media types.
  const offered = [
    ...new Set([...preferredContents(chosen.response.contents), ...chosen.response.contents].map((media) => media.mediaType)),
  ];
  const mediaType = offered.length === 0 ? undefined : negotiate(offered, accept);
  if (offered.length > 0 && mediaType === undefined)
    return problemReply(406, 'Not Acceptable', `${operation.id} answers ${offered.join(' or ')}, which Accept: ${accept} refuses`);
  const body =
    mediaType === undefined
      ? ({ kind: 'none' } as const)
      : responseBody({ mock: site.mock, operation, response: chosen.response, mediaType, preference });
  if (body.kind === 'problem') return problemReply(500, 'Internal Server Error', body.detail);
  if (body.kind === 'unknown-example')
    return problemReply(
      400,
      'Bad Request',
      `Prefer asks for example=${preference.example ?? ''}; this response documents ${body.names.length === 0 ? 'no named example' : body.names.join(', ')}`,
      { examples: body.names },
    );
  if (body.kind === 'none') return { status: chosen.status, headers: {} };
  const headers: Record<string, string> = { 'content-type': body.mediaType };
  if (body.warning !== undefined) {
    headers['x-specsmith-warning'] = body.warning.replace(/[\r\n]+/g, ' ');
    site.log(`warning: ${operation.id} ${chosen.status}: ${body.warning}`);
  }
  const json = /json/i.test(body.mediaType);
  const value = json && shape !== undefined ? shape(body.value) : body.value;
  return { status: chosen.status, headers, body: json ? JSON.stringify(value) : String(value) };
}

/** 401 with a challenge per scheme (RFC 9110 §15.5.2), and the spec's documented 401 body where it has one. */
function unauthorized(
  site: Site,
  { operation, accept, challenges, detail }: { operation: OperationNode; accept: string | undefined; challenges: string[]; detail: string },
): Reply {
  const challenge = { 'www-authenticate': challenges.length === 0 ? 'Bearer realm="specsmith mock"' : challenges.join(', ') };
  const documented = operation.responses.find((candidate) => candidate.status === '401' || candidate.status.toUpperCase() === '4XX');
  const answer =
    documented === undefined
      ? problemReply(401, 'Unauthorized', detail)
      : answerWith(site, { operation, chosen: { response: documented, status: 401 }, preference: {}, accept });
  return { ...answer, headers: { ...answer.headers, ...challenge } };
}

/** Path values as the state keys them: percent-decoded. */
const decodedValues = (values: Record<string, string>) =>
  Object.fromEntries(Object.entries(values).map(([name, value]) => [name, decodeURIComponent(value)]));

function decodes(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}
