// Receiving the requests an API sends (3.1 `webhooks`, 3.0 `callbacks`): the sender is checked first (the
// credentials its security names, then an HMAC signature over the raw bytes; each compared in constant
// time), and only then is the body decoded, parsed and checked against the spec. Nothing is parsed for a
// request that fails its check.
import { equalInConstantTime, signerOf } from './signing.js';

/** @import { ValidationIssue, WebhookFailure, WebhookRequest, WebhookSecrets, SignatureCheck } from './types.js' */

/**
 * A webhook as a package describes it (the generator's emit/webhooks): how its sender proves itself and the
 * check of its payload, a pair [is*, assert*] of the package's validators.
 * @typedef {object} WebhookDefinition
 * @property {string} method
 * @property {string} [media] the documented media type of the payload
 * @property {boolean} [bodyRequired]
 * @property {string} [unverifiable] why its sender cannot be checked (then parseWebhook refuses to run)
 * @property {SenderCheck[][]} [senders] its security: alternatives (one suffices), each a list of credentials (all must hold)
 * @property {{ header: string }} [signature] an HMAC-SHA256 signature header (`x-request-signing`, `x-signed`)
 * @property {[(value: unknown) => boolean, (value: unknown) => void]} [check]
 */

/**
 * One credential: a bearer token, HTTP Basic, or an API key in a header or cookie (its parameter's name,
 * then its security scheme's, by which the receiver passes the key).
 * @typedef {['bearer'] | ['basic'] | ['apiKey', 'header' | 'cookie', string, string]} SenderCheck
 */

/**
 * Checks a webhook request and reads its payload: `{ ok: true, name, event }`, else a failure that says why
 * (with the status to answer: 400, 401, 404, 405 or 415). The sender is checked first (its credentials, then the
 * signature), and the body is decoded and parsed only after. A secret the webhook needs and the caller did
 * not pass, or a webhook whose sender cannot be checked, is a programming error and throws.
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
  if (webhook.unverifiable !== undefined)
    throw new TypeError(`webhook ${name}: ${webhook.unverifiable}, so parseWebhook cannot check who sent it`);
  if (request.method !== undefined && request.method.toUpperCase() !== webhook.method)
    return refusal('method-not-allowed', 405, `the webhook is sent with ${webhook.method}, not ${request.method.toUpperCase()}`);
  if (webhook.senders !== undefined && !(await sentByOneOf(webhook.senders, name, request, secrets)))
    return refusal('unauthorized', 401, 'the credentials are missing or wrong');
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
  // A payload of another documented media type (text, a form) is given as the text received.
  if (webhook.media !== undefined && !/json/i.test(webhook.media)) return { ok: true, name, event: text };
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
  // The key first: an empty one is a mistake of the receiver's (it throws), whatever the request carries.
  const signer = await signerFor(check.key);
  const given = headerOf(request.headers, check.header ?? 'signature');
  if (given === undefined) return false;
  const expected = await signer(request.rawBody);
  return equalInConstantTime(given.trim(), expected);
}

/**
 * Whether the request carries every credential of one of the alternatives, each compared in constant
 * time. Alternatives whose secrets the caller did not pass are skipped; when none is left, it throws.
 * @param {SenderCheck[][]} alternatives
 * @param {string} name
 * @param {WebhookRequest} request
 * @param {WebhookSecrets} secrets
 */
async function sentByOneOf(alternatives, name, request, secrets) {
  const usable = alternatives.filter((checks) => checks.every((check) => secretOf(check, secrets) !== undefined));
  if (usable.length === 0) {
    const wanted = alternatives.map((checks) =>
      checks.map((check) => (check[0] === 'bearer' ? 'token' : check[0] === 'basic' ? 'basic' : `apiKeys: { ${check[3]} }`)).join(', '),
    );
    throw new TypeError(`webhook ${name}: the spec asks its sender for credentials; pass { ${wanted.join(' } or { ')} }`);
  }
  for (const checks of usable) {
    let all = true;
    for (const check of checks)
      all = (await holds(check, usableSecret(check, await valueOf(secretOf(check, secrets)), name), request)) && all;
    if (all) return true;
  }
  return false;
}

/**
 * The secret as given, once it is one: a token or key that is empty, or Basic credentials without a user
 * name or password, would let in a sender that shows the same nothing (a variable that is not set reads
 * as `undefined`, which a template turns into the text "undefined"). It is the receiver's mistake: it throws.
 * @param {SenderCheck} check
 * @param {unknown} secret
 * @param {string} name
 */
function usableSecret(check, secret, name) {
  if (check[0] === 'basic') {
    const { username, password } = /** @type {any} */ (secret ?? {});
    if (typeof username === 'string' && username !== '' && typeof password === 'string' && password !== '') return secret;
    throw new TypeError(`webhook ${name}: the Basic credentials need a user name and a password`);
  }
  if (typeof secret === 'string' && secret.trim() !== '') return secret;
  throw new TypeError(`webhook ${name}: the ${check[0] === 'bearer' ? 'token' : `API key of ${check[3]}`} is empty or not text`);
}

/**
 * @param {SenderCheck} check
 * @param {WebhookSecrets} secrets
 */
function secretOf(check, secrets) {
  if (check[0] === 'bearer') return secrets.token;
  if (check[0] === 'basic') return secrets.basic;
  return secrets.apiKeys !== undefined && Object.hasOwn(secrets.apiKeys, check[3]) ? secrets.apiKeys[check[3]] : undefined;
}

/**
 * @param {SenderCheck} check
 * @param {any} secret
 * @param {WebhookRequest} request
 */
async function holds(check, secret, request) {
  if (check[0] === 'bearer') return verifySignature(request, { token: secret });
  if (check[0] === 'basic') {
    const given = (headerOf(request.headers, 'authorization') ?? '').trim();
    const expected = `Basic ${base64Text(`${secret.username}:${secret.password}`)}`;
    return equalInConstantTime(given.replace(/^basic +/i, 'Basic '), expected);
  }
  const given = check[1] === 'header' ? headerOf(request.headers, check[2]) : cookieOf(request.headers, check[2]);
  return given !== undefined && equalInConstantTime(given, secret);
}

/**
 * @param {WebhookRequest['headers']} headers
 * @param {string} name
 */
function cookieOf(headers, name) {
  for (const pair of (headerOf(headers, 'cookie') ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at !== -1 && pair.slice(0, at).trim() === name) {
      try {
        return decodeURIComponent(pair.slice(at + 1).trim());
      } catch {
        return pair.slice(at + 1).trim();
      }
    }
  }
  return undefined;
}

/** @param {string} text */
function base64Text(text) {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** @type {{ key: string; signer: Promise<import('./signing.js').Signer> } | undefined} */
let cached;

/**
 * The last key's signer, so that a receiver checking many webhooks with one secret decodes it once.
 * @param {string} key
 */
function signerFor(key) {
  if (cached === undefined || cached.key !== key) cached = { key, signer: signerOf(key) };
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
  const lower = name.toLowerCase();
  const key = Object.keys(record).find((candidate) => candidate.toLowerCase() === lower);
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
