// The request pipeline of specsmith's generated clients, built on the platform `fetch`. Inlined into every
// generated package's client module with serialize.js and errors.js; the package passes each operation
// in as data (see the generator's emit/client), so this file knows no spec.
//
// An operation: { id, method, path, servers: [{ url, variables }], params: [[name, in, style, explode]],
//   body?: { mediaType, required }, security?: [[schemeName, ...], ...], responses: { [status]: { media?, check? } },
//   check: { path?, query?, header?, cookie?, body? } }  (`check`s throw the package's ValidationError)

/** Private state of each client, out of reach of `util.inspect`, `JSON.stringify` and enumeration. */
const states = new WeakMap();
const idempotent = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE']);
const retriedStatuses = new Set([408, 429, 502, 503, 504]);
const redacted = '[REDACTED]';

/** A client without methods; the package's `createClient` adds one per operation. */
export function createCore(options, schemes, methodsOf) {
  const client = { [Symbol.toStringTag]: 'SpecsmithClient' };
  states.set(client, { options: options ?? {}, schemes, bases: new Map(), token: undefined });
  if (methodsOf !== undefined) Object.assign(client, methodsOf(client));
  return Object.freeze(client);
}

export async function callOperation(core, operation, input, init) {
  const state = states.get(core);
  if (state === undefined) throw new TypeError(`${operation.id}: the first argument must be a client made by createClient`);
  const { options } = state;
  const values = input ?? {};
  if (options.validateRequests !== false) checkRequest(operation, values);
  const timeoutMs = init?.timeoutMs ?? options.timeoutMs;
  const deadline = timeoutMs === undefined ? undefined : Date.now() + timeoutMs;
  const retry = init?.retry ?? (idempotent.has(operation.method) ? options.retry : undefined);
  const abort = abortScope(timeoutMs, init?.signal);
  let url = '';
  try {
    let refreshed = false;
    for (let attempt = 1; ; attempt++) {
      const request = await buildRequest({ state, operation, values, init, refresh: refreshed && attempt > 1 });
      url = requestView(operation, request).url;
      const outcome = await send({ state, operation, request, abort, timeoutMs });
      if (outcome.error !== undefined) {
        const wait = retry === undefined ? undefined : backoff(retry, attempt);
        if (wait === undefined || !fits(deadline, wait)) throw outcome.error;
        await sleep(wait, abort.signal);
        continue;
      }
      const { response } = outcome;
      if (response.status === 401 && !refreshed && typeof options.auth?.token === 'function') {
        refreshed = true;
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
      return await readResult({ state, operation, request, response, abort, timeoutMs });
    }
  } catch (error) {
    throw abort.translate(error, { operationId: operation.id, method: operation.method, url, timeoutMs });
  } finally {
    abort.dispose();
  }
}

/** Request parts are checked before a byte is sent; a missing required body is a problem of its own. */
function checkRequest(operation, values) {
  const { check } = operation;
  if (check.path !== undefined) check.path(values.path ?? {});
  if (check.query !== undefined) check.query(values.query ?? {});
  if (check.header !== undefined) check.header(values.headers ?? {});
  if (check.cookie !== undefined) check.cookie(values.cookies ?? {});
  if (check.body !== undefined && (values.body !== undefined || operation.body?.required)) check.body(values.body);
}

async function buildRequest({ state, operation, values, init, refresh }) {
  const { options } = state;
  let path = operation.path;
  const query = [];
  const headers = {};
  setHeaders(headers, options.headers);
  const cookies = [];
  for (const [name, location, style, explode] of operation.params) {
    const value = (
      location === 'path' ? values.path : location === 'query' ? values.query : location === 'header' ? values.headers : values.cookies
    )?.[name];
    if (location === 'path') path = path.split(`{${name}}`).join(serializePath(name, value, style, explode));
    else if (value === undefined) continue;
    else if (location === 'query') query.push(...serializeQuery(name, value, style, explode));
    else if (location === 'header') headers[name.toLowerCase()] = serializeHeader(value, explode);
    else cookies.push(...serializeCookie(name, value, explode));
  }
  setHeaders(headers, init?.headers);
  const secrets = await applyAuth({ state, operation, headers, query, cookies, refresh });
  if (cookies.length > 0) headers.cookie = cookies.join('; ');
  let body;
  if (operation.body !== undefined && values.body !== undefined) {
    const serialized = serializeBody(operation.body.mediaType, values.body);
    body = serialized.body;
    if (serialized.contentType !== undefined) headers['content-type'] = serialized.contentType;
  }
  if (operation.accept !== undefined && headers.accept === undefined) headers.accept = operation.accept;
  const url = `${baseOf(state, operation)}${path}${query.length > 0 ? `?${query.join('&')}` : ''}`;
  return { method: operation.method, url, headers, body, secrets };
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
async function applyAuth({ state, operation, headers, query, cookies, refresh }) {
  const auth = state.options.auth;
  const secrets = { headers: new Set(), query: new Set() };
  if (auth === undefined) return secrets;
  const requirement = operation.security.find((names) => names.every((name) => fitsScheme(state.schemes[name], auth)));
  for (const name of requirement ?? []) {
    const scheme = state.schemes[name];
    if (scheme.type === 'http' && /^basic$/i.test(scheme.scheme ?? '')) {
      const encoded = base64(`${auth.username}:${auth.password}`);
      headers.authorization = `Basic ${encoded}`;
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
      const token = await tokenOf(state, refresh);
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

/** A token, or a token provider's answer (asked again, once, after a 401). */
async function tokenOf(state, refresh) {
  const { token } = state.options.auth;
  if (typeof token !== 'function') return String(token);
  if (state.token === undefined || refresh) state.token = String(await token({ refresh }));
  return state.token;
}

function base64(text) {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

async function send({ state, operation, request, abort, timeoutMs }) {
  const { options } = state;
  const view = requestView(operation, request);
  options.onRequest?.(view);
  const started = Date.now();
  const fetchImpl = options.fetch ?? globalThis.fetch;
  try {
    const init = { method: request.method, headers: request.headers, body: request.body, signal: abort.signal };
    const response = await fetchImpl(request.url, init);
    options.onResponse?.(
      {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
        url: view.url,
        durationMs: Date.now() - started,
      },
      view,
    );
    return { response };
  } catch (error) {
    const where = { operationId: operation.id, method: request.method, url: view.url, cause: error };
    if (abort.signal?.aborted) throw abort.translate(error, { ...where, timeoutMs });
    return { error: new NetworkError(where) };
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

/** The documented response a status falls under: the exact code, then its range (`4XX`), then `default`. */
function responseFor(operation, status) {
  const { responses } = operation;
  return responses[status] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
}

async function readResult({ state, operation, request, response, abort, timeoutMs }) {
  const url = requestView(operation, request).url;
  const where = { operationId: operation.id, method: request.method, url };
  const documented = responseFor(operation, response.status);
  const { status, headers } = response;
  if (documented === undefined) {
    const body = await readText(response, where, abort, timeoutMs);
    throw new UnexpectedStatusError({ ...where, status, headers, body });
  }
  let data;
  if (documented.media === undefined) {
    await discard(response);
  } else if (/json/i.test(documented.media)) {
    const text = await readText(response, where, abort, timeoutMs);
    const type = headers.get('content-type');
    const fail = (reason, issues = [], cause) =>
      new ResponseValidationError({ ...where, status, headers, body: text, issues, reason, cause });
    if (type !== null && !/json/i.test(type) && text !== '')
      throw fail(`its content type is ${type}, where the spec documents ${documented.media}`);
    try {
      data = text === '' ? undefined : JSON.parse(text);
    } catch (error) {
      throw fail(`its body is not JSON (${error.message})`, [], error);
    }
    const mode = state.options.validateResponses ?? true;
    if (mode !== false && documented.check !== undefined) {
      try {
        documented.check(data);
      } catch (error) {
        if (!Array.isArray(error?.issues)) throw error;
        if (mode !== 'warn') throw fail('', error.issues, error);
        state.options.onValidationWarning?.({ operationId: operation.id, status, issues: error.issues, data, body: text });
      }
    }
  } else if (/^text\//i.test(documented.media)) {
    data = await readText(response, where, abort, timeoutMs);
  } else {
    data = await readBody(() => response.blob(), where, abort, timeoutMs);
  }
  return { status, data, headers, response };
}

const readText = (response, where, abort, timeoutMs) => readBody(() => response.text(), where, abort, timeoutMs);

async function readBody(read, where, abort, timeoutMs) {
  try {
    return await read();
  } catch (error) {
    if (abort.signal?.aborted) throw abort.translate(error, { ...where, timeoutMs });
    throw new NetworkError({ ...where, cause: error });
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
  return new Promise((resolve, reject) => {
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
