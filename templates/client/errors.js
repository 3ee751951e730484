// The errors of specsmith's generated clients. Inlined into every generated package's client module.
// None of them carries a credential: URLs and headers are redacted before an error is built.

/** What every client error says: which operation, and the request (its URL redacted). */
export class ClientError extends Error {
  constructor(message, { operationId, method, url, cause, idempotencyKey }) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = new.target.name;
    this.operationId = operationId;
    this.method = method;
    this.url = url;
    if (idempotencyKey !== undefined) this.idempotencyKey = idempotencyKey;
  }
}

/** The server answered with a status the spec does not document for the operation. */
export class UnexpectedStatusError extends ClientError {
  constructor({ status, headers, body, ...where }) {
    super(`${where.operationId}: ${where.method} ${where.url} answered ${status}, which the spec does not document`, where);
    this.status = status;
    this.headers = headers;
    this.body = body;
  }
}

/**
 * The request never got a complete answer: the connection failed, was reset, or the body was cut short.
 * Its message says what failed, from the innermost cause: `ECONNREFUSED 127.0.0.1:4010`, `ENOTFOUND api.example`.
 */
export class NetworkError extends ClientError {
  constructor(where) {
    super(`${where.operationId}: ${where.method} ${where.url} failed: ${failureOf(where.cause)}`, where);
  }
}

/** The system error under `fetch failed` (its code, address and port), else the cause's message. */
function failureOf(cause) {
  let inner = cause;
  while (inner?.cause !== undefined && inner.cause !== null && typeof inner.cause === 'object') inner = inner.cause;
  if (typeof inner?.code !== 'string') return cause instanceof Error ? cause.message : String(cause);
  const host = inner.address ?? inner.hostname;
  return `${inner.code}${host === undefined ? '' : ` ${host}${inner.port === undefined ? '' : `:${inner.port}`}`}`;
}

/** No complete answer within `timeoutMs` (retries and reading the body included). */
export class TimeoutError extends ClientError {
  constructor({ timeoutMs, ...where }) {
    super(`${where.operationId}: ${where.method} ${where.url} timed out after ${timeoutMs} ms`, where);
    this.timeoutMs = timeoutMs;
  }
}

/**
 * The answer is documented but its body is not what the spec says: invalid against the schema, or not
 * JSON where JSON is documented. `body` is the text as received, so nothing the server sent is lost.
 */
export class ResponseValidationError extends ClientError {
  constructor({ status, headers, body, issues, reason, ...where }) {
    const details = issues.length > 0 ? issues.map((issue) => `\n  ${issue.message}`).join('') : ` ${reason}`;
    super(`${where.operationId}: the ${status} answer to ${where.method} ${where.url} does not match the spec:${details}`, where);
    this.status = status;
    this.headers = headers;
    this.body = body;
    this.issues = issues;
  }
}
