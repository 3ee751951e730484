import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { listen, maxBodyBytes, readBody } from '../traffic/http-server.js';
import { problemReply, send } from '../traffic/reply.js';
import { ExchangeChecker, type ExchangeIssue, type ResponseRecord } from '../traffic/check-exchange.js';
import type { TrafficSpec } from '../traffic/load-spec.js';
import { credentialNames, redactedUrl } from '../traffic/redact.js';

/** What the proxy does with a violation: only report it, mark the answer, or refuse. */
export type ErrorMode = 'report' | 'warn' | 'refuse';

/** One exchange the proxy saw, as its report lists it. */
export interface ProxiedExchange {
  method: string;
  /** The request's path and query, credentials in the query redacted. */
  url: string;
  operation?: string;
  status: number;
  issues: ExchangeIssue[];
  /** No operation of the spec has the request (it was forwarded as it is). */
  unmatched?: string;
}

export interface ProxyServer {
  url: string;
  server: Server;
  /** Every exchange so far, in the order the answers went out. */
  exchanges: ProxiedExchange[];
  close(): Promise<void>;
}

export interface ProxyOptions {
  spec: TrafficSpec;
  /** The real server: its origin, and a base path requests are appended to. */
  target: string;
  port?: number;
  host?: string;
  /** @default 'report' */
  errors?: ErrorMode;
  /** One line a request, and one for each violation. @default nothing */
  log?: (line: string) => void;
  /** How requests are sent upstream. @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
}

/** Hop-by-hop headers (RFC 9110 §7.6.1) and what the proxy sets itself. */
const notForwarded = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
  'host',
  'content-length',
]);

/**
 * `specsmith proxy`: forwards every request to the real server (a provider's sandbox) and checks the
 * request and the response against the spec (ExchangeChecker). Violations are logged with the operation,
 * the direction and the place, never with a credential. With `errors: 'refuse'` an invalid request is
 * answered 400 without being forwarded and an invalid response is replaced by a 502; with `'warn'` both go
 * through with an `x-specsmith-violation` header.
 */
export async function startProxyServer({
  spec,
  target,
  port = 0,
  host = '127.0.0.1',
  errors = 'report',
  log = () => {},
  fetch = globalThis.fetch,
}: ProxyOptions): Promise<ProxyServer> {
  const checker = new ExchangeChecker(spec);
  const secrets = credentialNames(spec.model.securitySchemes);
  const exchanges: ProxiedExchange[] = [];
  const upstream = new URL(target);
  const server = createServer((request, response) => {
    const started = Date.now();
    const shown = redactedUrl(request.url ?? '/', secrets.query);
    response.on('finish', () => log(`${request.method} ${shown} -> ${response.statusCode} (${Date.now() - started} ms)`));
    forward({ request, response, checker, upstream, errors, fetch, shown })
      .then((exchange) => {
        exchanges.push(exchange);
        for (const issue of exchange.issues) log(`violation: ${describe(exchange, issue, secrets.headers)}`);
      })
      .catch((error: unknown) => {
        if (!response.headersSent) send(response, problemReply(502, 'Bad Gateway', `the target did not answer: ${causeOf(error)}`));
        else response.destroy();
      });
  });
  const listening = await listen(server, port, host);
  return { ...listening, server, exchanges };
}

async function forward({
  request,
  response,
  checker,
  upstream,
  errors,
  fetch,
  shown,
}: {
  request: IncomingMessage;
  response: ServerResponse;
  checker: ExchangeChecker;
  upstream: URL;
  errors: ErrorMode;
  fetch: typeof globalThis.fetch;
  shown: string;
}): Promise<ProxiedExchange> {
  const method = (request.method ?? 'GET').toUpperCase();
  const body = await readBody(request);
  if (body === undefined) {
    response.setHeader('connection', 'close');
    send(response, problemReply(413, 'Content Too Large', `the body is larger than ${maxBodyBytes} bytes`));
    return { method, url: shown, status: 413, issues: [] };
  }
  // One leading slash: `//host/x` is a path here, as it is upstream (see below).
  const path = `/${(request.url ?? '/').replace(/^\/+/, '')}`;
  const record = { method, url: path, headers: request.headers, body };
  const requestCheck = await checker.check(record);
  const requestIssues = requestCheck.matched ? requestCheck.issues : [];
  const operation = requestCheck.matched ? requestCheck.operation.id : undefined;
  const base = { method, url: shown, ...(operation === undefined ? {} : { operation }) };
  if (errors === 'refuse' && requestIssues.length > 0) {
    send(response, problemReply(400, 'Bad Request', `the request does not match the spec of ${operation}`, { issues: requestIssues }));
    return { ...base, status: 400, issues: requestIssues };
  }
  // The target's origin and base path, then the request's own path: never a URL the request names
  // (`GET //other.example/x` must not leave for other.example with the caller's credentials).
  const target = `${upstream.origin}${upstream.pathname.replace(/\/+$/, '')}${path}`;
  const answer = await fetch(target, {
    method,
    headers: forwardedHeaders(request.headers),
    redirect: 'manual',
    ...(body.length === 0 || method === 'GET' || method === 'HEAD' ? {} : { body }),
  });
  const headers: Record<string, string | string[]> = Object.fromEntries(
    [...answer.headers].map(([name, value]) => [name.toLowerCase(), value]),
  );
  // Each Set-Cookie is a header of its own (RFC 6265 §3): keep them all, not the last.
  const cookies = answer.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  const received: ResponseRecord = { status: answer.status, headers, body: Buffer.from(await answer.arrayBuffer()) };
  const exchangeCheck = await checker.check(record, received);
  if (!exchangeCheck.matched) {
    relay(response, received, []);
    return { ...base, status: received.status, issues: [], unmatched: exchangeCheck.reason };
  }
  const issues = exchangeCheck.issues;
  const responseIssues = issues.filter((issue) => issue.direction === 'response');
  if (errors === 'refuse' && responseIssues.length > 0) {
    send(
      response,
      problemReply(502, 'Bad Gateway', `the target's answer does not match the spec of ${operation}`, { issues: responseIssues }),
    );
    return { ...base, status: received.status, issues };
  }
  relay(response, received, errors === 'warn' ? issues : []);
  return { ...base, status: received.status, issues };
}

/** The target's answer as it came (its body already decoded by fetch, so without Content-Encoding). */
function relay(response: ServerResponse, received: ResponseRecord, marks: ExchangeIssue[]): void {
  response.statusCode = received.status;
  for (const [name, value] of Object.entries(received.headers))
    if (!notForwarded.has(name) && name !== 'content-encoding' && value !== undefined) response.setHeader(name, value);
  if (marks.length > 0)
    response.setHeader(
      'x-specsmith-violation',
      marks.map((issue) => `${issue.direction} ${issue.in}${issue.path}: ${issue.message}`.replace(/[\r\n]+/g, ' ')).join('; '),
    );
  response.setHeader('content-length', received.body.length);
  response.end(received.body);
}

function forwardedHeaders(headers: IncomingMessage['headers']): Record<string, string> {
  const forwarded: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers))
    if (!notForwarded.has(name) && value !== undefined) forwarded[name] = Array.isArray(value) ? value.join(', ') : value;
  return forwarded;
}

/** `POST /v3/PRIVATE (createPrivateCustomer) request body/address/city: must be string`, with no credential in it. */
export function describe(exchange: ProxiedExchange, issue: ExchangeIssue, secretHeaders: ReadonlySet<string>): string {
  const credential = issue.in === 'header' && secretHeaders.has(issue.path.slice(1).toLowerCase());
  return `${exchange.method} ${exchange.url} (${exchange.operation ?? '?'}) ${issue.direction} ${issue.in}${issue.path}: ${credential ? '(a credential: redacted)' : issue.message}`;
}

/** What failed, host, port and code (`ECONNREFUSED 127.0.0.1:9`), from a fetch error's causes. */
function causeOf(error: unknown): string {
  let current = error as { message?: string; cause?: unknown; code?: string; address?: string; port?: number };
  while (current?.cause !== undefined && typeof current.cause === 'object') current = current.cause as typeof current;
  if (current?.code !== undefined)
    return `${current.code}${current.address === undefined ? '' : ` ${current.address}${current.port === undefined ? '' : `:${current.port}`}`}`;
  return current?.message ?? String(error);
}
