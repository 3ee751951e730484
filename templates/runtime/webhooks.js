// Receiving the requests an API sends (3.1 `webhooks`, 3.0 `callbacks`): the sender is checked first (an
// HMAC signature over the raw bytes, or a bearer token, each compared in constant time), and only then is
// the body decoded, parsed and checked against the spec. Nothing is parsed for a request that fails its check.
import { equalInConstantTime, signerOf } from './signing.js';

/** @import { ValidationIssue, WebhookFailure, WebhookRequest, WebhookSecrets, SignatureCheck } from './types.js' */

/**
 * A webhook as a package describes it (the generator's emit/webhooks): how its sender proves itself and the
 * check of its payload, a pair [is*, assert*] of the package's validators.
 * @typedef {object} WebhookDefinition
 * @property {string} method
 * @property {string} [media] the documented media type of the payload
 * @property {boolean} [bodyRequired]
 * @property {{ header: string }} [signature] an HMAC-SHA256 signature header (`x-request-signing`, `x-signed`)
 * @property {boolean} [bearer] an `Authorization: Bearer` token (an http bearer security scheme)
 * @property {[(value: unknown) => boolean, (value: unknown) => void]} [check]
 */

/**
 * Checks a webhook request and reads its payload: `{ ok: true, name, event }`, else a failure that says why
 * (with the status to answer: 401, 400, 404 or 415). A missing secret the webhook needs is a programming
 * error and throws.
 * @param {Readonly<Record<string, WebhookDefinition>>} webhooks
 * @param {string} name
 * @param {WebhookRequest} request
 * @param {WebhookSecrets} [secrets]
 * @returns {Promise<{ ok: true; name: string; event: unknown } | WebhookFailure>}
 */
export async function receiveWebhook(webhooks, name, request, secrets = {}) {
  const webhook = Object.hasOwn(webhooks, name) ? webhooks[name] : undefined;
  if (webhook === undefined)
    return refusal('unknown-webhook', 404, `no webhook is named ${JSON.stringify(name)}; the spec has ${Object.keys(webhooks).join(', ')}`);
  if (webhook.bearer) {
    if (secrets.token === undefined) throw new TypeError(`webhook ${name}: the spec asks for a bearer token; pass { token }`);
    const token = await valueOf(secrets.token);
    if (!(await verifySignature(request, { token }))) return refusal('unauthorized', 401, 'the bearer token is missing or wrong');
  }
  if (webhook.signature !== undefined) {
    if (secrets.signing === undefined) throw new TypeError(`webhook ${name}: the spec asks for a signature; pass { signing: { key } }`);
    const key = await valueOf(secrets.signing.key);
    if (!(await verifySignature(request, { key, header: webhook.signature.header })))
      return refusal('bad-signature', 401, `the ${webhook.signature.header} header is missing or does not sign the body as received`);
  }
  const type = headerOf(request.headers, 'content-type');
  if (webhook.media !== undefined && type !== undefined && !/json/i.test(type) && /json/i.test(webhook.media))
    return refusal('unsupported-media-type', 415, `the body is ${type}, where the spec documents ${webhook.media}`);
  let text;
  try {
    text = typeof request.rawBody === 'string' ? request.rawBody : new TextDecoder('utf-8', { fatal: true }).decode(request.rawBody);
  } catch {
    return refusal('malformed', 400, 'the body is not UTF-8');
  }
  if (text === '') {
    if (webhook.bodyRequired) return refusal('malformed', 400, 'the body is empty, where the spec requires one');
    return { ok: true, name, event: undefined };
  }
  let event;
  try {
    event = JSON.parse(text);
  } catch (error) {
    return refusal('malformed', 400, `the body is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (webhook.check !== undefined && !webhook.check[0](event)) {
    try {
      webhook.check[1](event);
    } catch (/** @type {any} */ error) {
      if (!Array.isArray(error?.issues)) throw error;
      return refusal(
        'invalid',
        400,
        `the payload does not match the spec:${error.issues.map((issue) => `\n  ${issue.message}`).join('')}`,
        error.issues,
      );
    }
  }
  return { ok: true, name, event };
}

/**
 * Whether a request carries what its sender signs it with: base64(HMAC-SHA256(key, the raw body)) in a
 * header (`Signature` unless told), the key being the base64-decoded shared secret; or an
 * `Authorization: Bearer` token. The body must be the bytes as received, before any parsing: whitespace
 * changes the signature. Comparisons take the same time wherever the texts differ.
 * @param {WebhookRequest} request
 * @param {SignatureCheck} check
 * @returns {Promise<boolean>}
 */
export async function verifySignature(request, check) {
  if ('token' in check) {
    const given = headerOf(request.headers, 'authorization') ?? '';
    const match = /^Bearer +(.+)$/i.exec(given.trim());
    return check.token !== '' && equalInConstantTime(match?.[1] ?? '', check.token);
  }
  const given = headerOf(request.headers, check.header ?? 'signature');
  if (given === undefined || check.key === '') return false;
  const signer = await signerFor(check.key);
  const expected = await signer(request.rawBody);
  return equalInConstantTime(given.trim(), expected);
}

/** @type {{ key: string; signer: Promise<import('./signing.js').Signer> } | undefined} */
let cached;

/**
 * The last key's signer, so that a receiver checking many webhooks with one secret decodes it once.
 * @param {string} key
 */
function signerFor(key) {
  if (cached?.key !== key) cached = { key, signer: signerOf(key) };
  return cached.signer;
}

/**
 * A header of a Fetch `Headers` or of a Node request's header object (any case; a list's first value).
 * @param {WebhookRequest['headers']} headers
 * @param {string} name
 * @returns {string | undefined}
 */
function headerOf(headers, name) {
  if (typeof (/** @type {any} */ (headers).get) === 'function') return /** @type {Headers} */ (headers).get(name) ?? undefined;
  const record = /** @type {Readonly<Record<string, string | readonly string[] | undefined>>} */ (headers);
  const key = Object.keys(record).find((candidate) => candidate.toLowerCase() === name);
  const value = key === undefined ? undefined : record[key];
  return Array.isArray(value) ? value[0] : /** @type {string | undefined} */ (value);
}

/**
 * @template T
 * @param {T | (() => T | Promise<T>)} given
 * @returns {Promise<T>}
 */
async function valueOf(given) {
  return typeof given === 'function' ? await /** @type {() => T | Promise<T>} */ (given)() : given;
}

/**
 * @param {WebhookFailure['reason']} reason
 * @param {WebhookFailure['status']} status
 * @param {string} message
 * @param {readonly ValidationIssue[]} [issues]
 * @returns {WebhookFailure}
 */
function refusal(reason, status, message, issues = []) {
  return { ok: false, reason, status, message, issues };
}
