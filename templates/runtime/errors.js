// The errors of specsmith's generated clients. None of them carries a credential: URLs and headers are
// redacted before an error is built.
/** @import { ValidationIssue } from './types.js' */
import { brandInstance, isBranded } from './brand.js';

/**
 * Where a failed call went.
 * @typedef {object} CallPlace
 * @property {string} operationId
 * @property {string} method
 * @property {string} url the URL with credentials redacted
 * @property {unknown} [cause]
 * @property {string} [idempotencyKey]
 */

/** What every client error says: which operation, and the request (its URL redacted). */
export class ClientError extends Error {
  /** The brand `instanceof` reads (across copies of the runtime); each subclass declares its own. */
  static brand = 'ClientError';
  /**
   * True for an error of this class made by any copy of the runtime (ES module and CommonJS builds, other packages).
   * @param {unknown} value
   */
  static [Symbol.hasInstance](value) {
    return isBranded(this, value);
  }

  /**
   * @param {string} message
   * @param {CallPlace} place
   */
  constructor(message, { operationId, method, url, cause, idempotencyKey }) {
    super(message, cause === undefined ? undefined : { cause });
    brandInstance(this, new.target);
    // The brand, not the class's name, which a minifier may change; a caller's own subclass keeps its name.
    this.name = Object.hasOwn(new.target, 'brand') ? /** @type {any} */ (new.target).brand : new.target.name;
    /** @readonly */
    this.operationId = operationId;
    /** @readonly */
    this.method = method;
    /** @readonly */
    this.url = url;
    if (idempotencyKey !== undefined)
      /**
       * The idempotency key the request carried, for an operation that takes one.
       * @readonly
       * @type {string | undefined}
       */
      this.idempotencyKey = idempotencyKey;
  }
}

/** The server answered with a status the spec does not document for the operation. */
export class UnexpectedStatusError extends ClientError {
  /** The brand `instanceof` reads (across copies of the runtime). */
  static brand = 'UnexpectedStatusError';

  /** @param {CallPlace & { status: number; headers: Headers; body: string }} details */
  constructor({ status, headers, body, ...where }) {
    super(`${where.operationId}: ${where.method} ${where.url} answered ${status}, which the spec does not document`, where);
    /** @readonly */
    this.status = status;
    /** @readonly */
    this.headers = headers;
    /**
     * The body as received.
     * @readonly
     */
    this.body = body;
  }
}

/**
 * The request never got a complete answer: the connection failed, was reset, or the body was cut short.
 * Its message says what failed, from the innermost cause (`ECONNREFUSED 127.0.0.1:4010`,
 * `ENOTFOUND api.example`), and `code`, `host` and `port` say it as data.
 */
export class NetworkError extends ClientError {
  /** The brand `instanceof` reads (across copies of the runtime). */
  static brand = 'NetworkError';

  /** @param {CallPlace} where */
  constructor(where) {
    const failure = failureOf(where.cause);
    super(`${where.operationId}: ${where.method} ${where.url} failed: ${failure.text}`, where);
    /**
     * The system error's code (`ECONNREFUSED`, `ENOTFOUND`, `ECONNRESET`…), when the platform gives one.
     * @readonly
     * @type {string | undefined}
     */
    this.code = failure.code;
    /**
     * The host (or address) the connection was for, when known.
     * @readonly
     * @type {string | undefined}
     */
    this.host = failure.host;
    /**
     * The port the connection was for, when known.
     * @readonly
     * @type {number | undefined}
     */
    this.port = failure.port;
  }
}

/**
 * The system error under `fetch failed` (its code, address and port), else the cause's message.
 * @param {unknown} cause
 * @returns {{ text: string; code?: string; host?: string; port?: number }}
 */
function failureOf(cause) {
  /** @type {any} */
  let inner = cause;
  while (inner?.cause !== undefined && inner.cause !== null && typeof inner.cause === 'object') inner = inner.cause;
  // Without a system error's code, the innermost reason says more than `fetch failed` (`invalid URL`, `bad port`).
  if (typeof inner?.code !== 'string') return { text: inner instanceof Error ? inner.message : String(inner) };
  const host = inner.address ?? inner.hostname;
  const port = inner.port === undefined ? undefined : Number(inner.port);
  const text = `${inner.code}${host === undefined ? '' : ` ${host}${port === undefined ? '' : `:${port}`}`}`;
  return { text, code: inner.code, ...(host === undefined ? {} : { host: String(host) }), ...(port === undefined ? {} : { port }) };
}

/** No complete answer within `timeoutMs` (retries and reading the body included). */
export class TimeoutError extends ClientError {
  /** The brand `instanceof` reads (across copies of the runtime). */
  static brand = 'TimeoutError';

  /** @param {CallPlace & { timeoutMs: number }} details */
  constructor({ timeoutMs, ...where }) {
    super(`${where.operationId}: ${where.method} ${where.url} timed out after ${timeoutMs} ms`, where);
    /** @readonly */
    this.timeoutMs = timeoutMs;
  }
}

/**
 * The answer is documented but its body is not what the spec says: invalid against the schema, or not
 * JSON where JSON is documented. `body` is the text as received, so nothing the server sent is lost.
 */
export class ResponseValidationError extends ClientError {
  /** The brand `instanceof` reads (across copies of the runtime). */
  static brand = 'ResponseValidationError';

  /** @param {CallPlace & { status: number; headers: Headers; body: string; issues: readonly ValidationIssue[]; reason: string }} details */
  constructor({ status, headers, body, issues, reason, ...where }) {
    const details = issues.length > 0 ? issues.map((issue) => `\n  ${issue.message}`).join('') : ` ${reason}`;
    super(`${where.operationId}: the ${status} answer to ${where.method} ${where.url} does not match the spec:${details}`, where);
    /** @readonly */
    this.status = status;
    /** @readonly */
    this.headers = headers;
    /**
     * The body as received.
     * @readonly
     */
    this.body = body;
    /**
     * Every problem found; empty when the body could not be read as the documented media type.
     * @readonly
     */
    this.issues = issues;
  }
}
