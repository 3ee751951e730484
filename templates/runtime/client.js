// The request pipeline of specsmith's generated clients, built on the platform `fetch`. The package's
// client module passes each operation in as data (see the generator's emit/client), so this file knows
// no spec.
//
// An operation: { id, method, path, servers: [{ url, variables }], params: [[name, in, style, explode]],
//   body?: { mediaType, required }, security?: [[schemeName, ...], ...], responses: { [status]: { media? } },
//   idempotency?: { header }, signing?: { header } }
// Its checks, when the package validates, come beside it: { path?, query?, header?, body?, responses:
//   { [status]: check } }, each check a pair [is*, assert*] of the package's validators.
import { NetworkError, ResponseValidationError, TimeoutError, UnexpectedStatusError } from './errors.js';
import { serializeBody, serializeCookie, serializeHeader, serializePath, serializeQuery } from './serialize.js';
import { signerOf } from './signing.js';

/** Private state of each client, out of reach of `util.inspect`, `JSON.stringify` and enumeration. */
const states = new WeakMap();
const idempotent = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE']);
const retriedStatuses = new Set([408, 429, 502, 503, 504]);
const redacted = '[REDACTED]';

/** A client without methods; the package's `createClient` adds one per operation. */
export function createCore(options, schemes, methodsOf) {
  const client = { [Symbol.toStringTag]: 'SpecsmithClient' };
  states.set(client, {
    options: options ?? {},
    schemes,
    bases: new Map(),
    secrets: new WeakMap(),
    token: undefined,
    basic: undefined,
    signer: undefined,
  });
  if (methodsOf !== undefined) Object.assign(client, methodsOf(client));
  return Object.freeze(client);
}

/**
 * One call of an operation: checks the request (when the package validates and the client does not turn
 * it off), sends it with retries, reads and checks the answer.
 * @param {object} core a client made by `createCore`
 * @param {any} operation the operation's data (see the top of this file)
 * @param {any} input the call's parameters and body
 * @param {any} init the call's options
 * @param {any} [checks] the operation's validators, when the package's module validates
 */
export async function callOperation(core, operation, input, init, checks) {
  const state = states.get(core);
  if (state === undefined) throw new TypeError(`${operation.id}: the first argument must be a client made by createClient`);
  const { options } = state;
  const values = input ?? {};
  if (checks !== undefined && options.validateRequests !== false) checkRequest(operation, checks, values);
  const timeoutMs = init?.timeoutMs ?? options.timeoutMs;
  const deadline = timeoutMs === undefined ? undefined : Date.now() + timeoutMs;
  // An operation that takes an idempotency key gets one per call (the caller's, else a new UUID), sent on
  // every attempt: the server answers a retry with what the first attempt did, so it is retried like a GET.
  const idempotencyKey = idempotencyKeyOf(operation, values, init);
  const retry = init?.retry ?? (idempotent.has(operation.method) || idempotencyKey !== undefined ? options.retry : undefined);
  const abort = abortScope(timeoutMs, init?.signal);
  let request;
  try {
    let refreshed = false;
    let refreshNow = false;
    for (let attempt = 1; ; attempt++) {
      // A bearer token is awaited only when the client has one to fetch; other calls take no extra tick.
      const bearer =
        options.auth?.token === undefined
          ? undefined
          : refreshNow
            ? await tokenOf(state, true)
            : (state.token ?? (await tokenOf(state, false)));
      refreshNow = false;
      request = buildRequest({ state, operation, values, init, token: bearer, idempotencyKey });
      if (operation.signing !== undefined) await sign(state, operation, request, pathOf(operation, values));
      const response = await send({ state, operation, request, abort, timeoutMs });
      if (response instanceof NetworkError) {
        const wait = retry === undefined ? undefined : backoff(retry, attempt);
        if (wait === undefined || !fits(deadline, wait)) throw response;
        await sleep(wait, abort.signal);
        continue;
      }
      if (response.status === 401 && !refreshed && typeof options.auth?.token === 'function') {
        refreshed = true;
        refreshNow = true;
        await discard(response);
        continue;
      }
      if (retry !== undefined && retriedStatuses.has(response.status)) {
        const wait = retryDelay(retry, attempt, response.headers.get('retry-after'));
        if (wait !== undefined && fits(deadline, wait)) {
          await discard(response);
          await sleep(wait, abort.signal);
          continue;
        }
      }
      return await readResult({ state, operation, checks, request, response, abort, timeoutMs });
    }
  } catch (error) {
    const url = request === undefined ? '' : redactUrl(request.url, request.secrets.query);
    const key = idempotencyKey === undefined ? {} : { idempotencyKey };
    throw abort.translate(error, { operationId: operation.id, method: operation.method, url, timeoutMs, ...key });
  } finally {
    abort.dispose();
  }
}

/**
 * Request parts are checked before a byte is sent: each check is a pair of the package's validators, the
 * fast `is*` first and, only when it fails, `assert*` to throw a ValidationError with every problem.
 */
function checkRequest(operation, check, values) {
  if (check.path !== undefined) verify(check.path, values.path ?? {});
  if (check.query !== undefined) verify(check.query, values.query ?? {});
  if (check.header !== undefined) verify(check.header, values.headers ?? {});
  if (check.body !== undefined && (values.body !== undefined || operation.body?.required)) verify(check.body, values.body);
}

function verify([is, assert], value) {
  if (!is(value)) assert(value);
}

/** The path template split once into literal text and parameter names: `['/v4/', {name: 'id'}]`. */
const templates = new WeakMap();

function pathOf(operation, values) {
  let parts = templates.get(operation);
  if (parts === undefined) {
    parts = operation.path.split(/(\{[^}]+\})/).map((part) => (/^\{[^}]+\}$/.test(part) ? { name: part.slice(1, -1) } : part));
    templates.set(operation, parts);
  }
  let path = '';
  for (const part of parts) {
    if (typeof part === 'string') path += part;
    else {
      const parameter = operation.params.find(([name, location]) => name === part.name && location === 'path');
      path += serializePath(part.name, values.path?.[part.name], parameter?.[2] ?? 'simple', parameter?.[3] ?? false);
    }
  }
  return path;
}

/**
 * The request signature (`x-request-signing`): base64(HMAC-SHA256(key, the body exactly as it goes out)),
 * or over the operation's path when there is no body. The key is the base64-decoded shared secret, given
 * as `signing: { key }` (text, or a function that returns it); it is read once per client (each call for a
 * function) and kept out of every view of the request. Node's own HMAC when the platform has it (a few µs),
 * else Web Crypto (browsers, workers).
 */
async function sign(state, operation, request, path) {
  const given = state.options.signing?.key;
  if (given === undefined)
    throw new TypeError(`${operation.id}: the spec asks for a request signature; pass signing: { key } to createClient`);
  if (state.signer === undefined || typeof given === 'function')
    state.signer = await signerOf(String(typeof given === 'function' ? await given() : given));
  request.headers[operation.signing.header] = await state.signer(request.body === undefined ? path : request.body);
}

/** The key an idempotent call carries: the one in its headers, `init.idempotencyKey`, else a new UUID; none for other operations. */
function idempotencyKeyOf(operation, values, init) {
  const header = operation.idempotency?.header;
  if (header === undefined) return undefined;
  const given = values.headers?.[header] ?? init?.idempotencyKey;
  return given === undefined ? globalThis.crypto.randomUUID() : String(given);
}

function buildRequest({ state, operation, values, init, token, idempotencyKey }) {
  const { options } = state;
  const path = pathOf(operation, values);
  const query = [];
  const headers = {};
  setHeaders(headers, options.headers);
  const cookies = [];
  for (const [name, location, style, explode] of operation.params) {
    if (location === 'path') continue;
    const value = (location === 'query' ? values.query : location === 'header' ? values.headers : values.cookies)?.[name];
    if (value === undefined) continue;
    else if (location === 'query') query.push(...serializeQuery(name, value, style, explode));
    else if (location === 'header') headers[name.toLowerCase()] = serializeHeader(value, explode);
    else cookies.push(...serializeCookie(name, value, explode));
  }
  setHeaders(headers, init?.headers);
  if (idempotencyKey !== undefined) headers[operation.idempotency.header.toLowerCase()] = idempotencyKey;
  const secrets = applyAuth({ state, operation, headers, query, cookies, token });
  if (cookies.length > 0) headers.cookie = cookies.join('; ');
  let body;
  if (operation.body !== undefined && values.body !== undefined) {
    const serialized = serializeBody(operation.body.mediaType, values.body);
    body = serialized.body;
    if (serialized.contentType !== undefined) headers['content-type'] = serialized.contentType;
  }
  if (operation.accept !== undefined && headers.accept === undefined) headers.accept = operation.accept;
  const url = `${baseOf(state, operation)}${path}${query.length > 0 ? `?${query.join('&')}` : ''}`;
  return { method: operation.method, url, headers, body, secrets, idempotencyKey };
}

/** Header names are case-insensitive (RFC 9110 §5.1): kept in lower case so a later value replaces an earlier one. */
function setHeaders(headers, more) {
  if (more === undefined) return;
  const entries = typeof Headers !== 'undefined' && more instanceof Headers ? [...more] : Object.entries(more);
  for (const [name, value] of entries) if (value !== undefined) headers[name.toLowerCase()] = String(value);
}

/** The server URL for an operation: `baseUrl`, or its first server with the variables filled in (cached). */
function baseOf(state, operation) {
  let base = state.bases.get(operation.servers);
  if (base !== undefined) return base;
  const { options } = state;
  if (options.baseUrl !== undefined) base = String(options.baseUrl);
  else {
    const server = operation.servers[0];
    if (server === undefined) throw new TypeError(`${operation.id}: the spec names no server for it; pass baseUrl to createClient`);
    base = server.url.replace(/\{([^}]+)\}/g, (_, name) =>
      String(options.serverVariables?.[name] ?? server.variables[name] ?? `{${name}}`),
    );
  }
  base = base.replace(/\/+$/, '');
  state.bases.set(operation.servers, base);
  return base;
}

/**
 * Credentials for the first security requirement of the operation that the client's `auth` satisfies
 * (OpenAPI 3.1 §4.8.30); the values written are remembered so that every view of the request hides them.
 */
function applyAuth({ state, operation, headers, query, cookies, token }) {
  const auth = state.options.auth;
  if (auth === undefined) return noSecrets;
  // Where the credentials go depends only on the client and the operation: worked out on the first call.
  const known = state.secrets.get(operation);
  const secrets = known ?? { headers: new Set(), query: new Set() };
  if (known === undefined) state.secrets.set(operation, secrets);
  const requirement = operation.security.find((names) => names.every((name) => fitsScheme(state.schemes[name], auth)));
  for (const name of requirement ?? []) {
    const scheme = state.schemes[name];
    if (scheme.type === 'http' && /^basic$/i.test(scheme.scheme ?? '')) {
      state.basic ??= `Basic ${base64(`${auth.username}:${auth.password}`)}`;
      headers.authorization = state.basic;
      secrets.headers.add('authorization');
    } else if (scheme.type === 'apiKey') {
      const key = String(auth.apiKey);
      if (scheme.in === 'query') {
        query.push(`${encodeURIComponent(scheme.name)}=${encodeURIComponent(key)}`);
        secrets.query.add(scheme.name);
      } else if (scheme.in === 'cookie') {
        cookies.push(`${scheme.name}=${encodeURIComponent(key)}`);
        secrets.headers.add('cookie');
      } else {
        headers[scheme.name.toLowerCase()] = key;
        secrets.headers.add(scheme.name.toLowerCase());
      }
    } else {
      headers.authorization = `Bearer ${token}`;
      secrets.headers.add('authorization');
    }
  }
  return secrets;
}

function fitsScheme(scheme, auth) {
  if (scheme === undefined) return false;
  if (auth.scheme !== undefined && auth.scheme !== scheme.id) return false;
  if (scheme.type === 'http' && /^basic$/i.test(scheme.scheme ?? '')) return 'username' in auth && 'password' in auth;
  if (scheme.type === 'apiKey') return 'apiKey' in auth;
  return 'token' in auth;
}

const noSecrets = { headers: new Set(), query: new Set() };

/** A token, or a token provider's answer (asked again, once, after a 401). */
async function tokenOf(state, refresh) {
  const { token } = state.options.auth;
  if (typeof token !== 'function') state.token = String(token);
  else if (state.token === undefined || refresh) state.token = String(await token({ refresh }));
  return state.token;
}

function base64(text) {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

async function send({ state, operation, request, abort, timeoutMs }) {
  const { options } = state;
  // What hooks see is built only when there are hooks: the common call pays nothing for it.
  const view = options.onRequest === undefined && options.onResponse === undefined ? undefined : requestView(operation, request);
  if (view !== undefined) options.onRequest?.(view);
  const started = view === undefined ? 0 : Date.now();
  const fetchImpl = options.fetch ?? globalThis.fetch;
  try {
    const init = { method: request.method, headers: request.headers, body: request.body, signal: abort.signal };
    const response = await fetchImpl(request.url, init);
    if (view !== undefined) {
      const { status, statusText, headers } = response;
      options.onResponse?.({ status, statusText, headers, url: view.url, durationMs: Date.now() - started }, view);
    }
    return response;
  } catch (error) {
    const url = redactUrl(request.url, request.secrets.query);
    const where = { operationId: operation.id, method: request.method, url, cause: error, ...keyOf(request) };
    if (abort.signal?.aborted) throw abort.translate(error, { ...where, timeoutMs });
    return new NetworkError(where);
  }
}

/** What hooks and errors see of a request: no credential in its URL, headers or anywhere else. */
function requestView(operation, request) {
  const headers = {};
  for (const [name, value] of Object.entries(request.headers)) {
    const lower = name.toLowerCase();
    headers[name] =
      lower === 'authorization' || lower === 'proxy-authorization' || request.secrets.headers.has(lower) ? redacted : String(value);
  }
  return { operationId: operation.id, method: request.method, url: redactUrl(request.url, request.secrets.query), headers };
}

function redactUrl(url, names) {
  if (names.size === 0) return url;
  const [head, search] = url.split('?');
  const pairs = search.split('&').map((pair) => {
    const name = decodeURIComponent(pair.split('=')[0]);
    return names.has(name) ? `${encodeURIComponent(name)}=${encodeURIComponent(redacted)}` : pair;
  });
  return `${head}?${pairs.join('&')}`;
}

/** The request's idempotency key, for errors to carry (a caller logs it to find the attempt). */
const keyOf = (request) => (request.idempotencyKey === undefined ? {} : { idempotencyKey: request.idempotencyKey });

/** The documented response a status falls under: the exact code, then its range (`4XX`), then `default`. */
function responseKey(operation, status) {
  const { responses } = operation;
  if (Object.hasOwn(responses, status)) return String(status);
  const range = `${String(status)[0]}XX`;
  if (Object.hasOwn(responses, range)) return range;
  return Object.hasOwn(responses, 'default') ? 'default' : undefined;
}

async function readResult({ state, operation, checks, request, response, abort, timeoutMs }) {
  // Where the call went, for errors only: the common call builds none of it.
  const where = () => ({
    operationId: operation.id,
    method: request.method,
    url: redactUrl(request.url, request.secrets.query),
    ...keyOf(request),
  });
  const key = responseKey(operation, response.status);
  const { status, headers } = response;
  if (key === undefined) {
    const body = await readBody(response, 'text', where, abort, timeoutMs);
    throw new UnexpectedStatusError({ ...where(), status, headers, body });
  }
  let data;
  const documented = operation.responses[key];
  const check = checks?.responses?.[key];
  const media = documented.media;
  if (media === undefined) await discard(response);
  else if (media.includes('json')) data = await readJson({ state, operation, documented, check, response, where, abort, timeoutMs });
  else data = await readBody(response, media.startsWith('text/') ? 'text' : 'blob', where, abort, timeoutMs);
  return { status, data, headers, response };
}

/** A documented JSON body: parsed, then checked with the fast `is*` and, only when that fails, `assert*` for the issues. */
async function readJson({ state, operation, documented, check, response, where, abort, timeoutMs }) {
  const text = await readBody(response, 'text', where, abort, timeoutMs);
  const { status, headers } = response;
  const fail = (reason, issues = [], cause) =>
    new ResponseValidationError({ ...where(), status, headers, body: text, issues, reason, ...(cause === undefined ? {} : { cause }) });
  const type = headers.get('content-type');
  if (type !== null && !/json/i.test(type) && text !== '')
    throw fail(`its content type is ${type}, where the spec documents ${documented.media}`);
  let data;
  try {
    data = text === '' ? undefined : JSON.parse(text);
  } catch (error) {
    throw fail(`its body is not JSON (${error instanceof Error ? error.message : String(error)})`, [], error);
  }
  const mode = state.options.validateResponses ?? true;
  if (mode === false || check === undefined || check[0](data)) return data;
  try {
    check[1](data);
  } catch (/** @type {any} */ error) {
    if (!Array.isArray(error?.issues)) throw error;
    if (mode !== 'warn') throw fail('', error.issues, error);
    state.options.onValidationWarning?.({ operationId: operation.id, status, issues: error.issues, data, body: text });
  }
  return data;
}

async function readBody(response, as, where, abort, timeoutMs) {
  try {
    return as === 'text' ? await response.text() : await response.blob();
  } catch (error) {
    if (abort.signal?.aborted) throw abort.translate(error, { ...where(), timeoutMs });
    throw new NetworkError({ ...where(), cause: error });
  }
}

/** A response that will not be read is cancelled, so its connection is freed. */
async function discard(response) {
  try {
    await response.body?.cancel();
  } catch {
    // Nothing to free.
  }
}

/** Exponential backoff with jitter (half fixed, half random), capped by `maxDelayMs`; undefined when attempts are spent. */
function backoff(retry, attempt) {
  if (attempt >= (retry.attempts ?? 3)) return undefined;
  const cap = Math.min(retry.maxDelayMs ?? 30_000, (retry.baseDelayMs ?? 100) * 2 ** (attempt - 1));
  return cap / 2 + Math.random() * (cap / 2);
}

/**
 * The wait before retrying a 408/429/502/503/504: `Retry-After` in seconds or as an HTTP date
 * (RFC 9110 §10.2.3) when the server sends one, never sooner; else the backoff. Undefined when the
 * attempts are spent or the server asks for longer than `maxDelayMs`.
 */
function retryDelay(retry, attempt, retryAfter) {
  const fallback = backoff(retry, attempt);
  if (fallback === undefined || retryAfter === null) return fallback;
  const asked = /^\s*\d+\s*$/.test(retryAfter) ? Number(retryAfter) * 1000 : Date.parse(retryAfter) - Date.now();
  if (Number.isNaN(asked)) return fallback;
  const wait = Math.max(0, asked);
  return wait > (retry.maxDelayMs ?? 30_000) ? undefined : wait;
}

const fits = (deadline, wait) => deadline === undefined || Date.now() + wait < deadline;

function sleep(ms, signal) {
  return new Promise((/** @type {(value?: undefined) => void} */ resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener('abort', stop);
      resolve();
    }
    function stop() {
      clearTimeout(timer);
      reject(signal.reason);
    }
    signal?.addEventListener('abort', stop, { once: true });
  });
}

/**
 * One signal for a call: the caller's, and the deadline of `timeoutMs`. Nothing is allocated when the
 * call has neither. `translate` turns the deadline's abort into a TimeoutError and leaves the caller's
 * own abort as it is.
 */
function abortScope(timeoutMs, signal) {
  if (timeoutMs === undefined && signal === undefined) return { signal: undefined, translate: (error) => error, dispose() {} };
  const controller = new AbortController();
  const deadline = { reason: 'timeout' };
  const timer = timeoutMs === undefined ? undefined : setTimeout(() => controller.abort(deadline), timeoutMs);
  const follow = () => controller.abort(signal.reason);
  if (signal?.aborted) follow();
  else signal?.addEventListener('abort', follow, { once: true });
  return {
    signal: controller.signal,
    translate(error, where) {
      if (controller.signal.aborted && controller.signal.reason === deadline) {
        return error instanceof TimeoutError ? error : new TimeoutError({ ...where, cause: error });
      }
      if (controller.signal.aborted && signal?.aborted) return signal.reason;
      return error;
    },
    dispose() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', follow);
    },
  };
}
