// HMAC-SHA256 signatures in base64, as `x-request-signing` describes them: the client signs the bytes it
// sends, a webhook receiver checks the bytes it got. Node's own HMAC when the platform has it (a few µs),
// else Web Crypto (browsers, workers).

/**
 * Signs text or bytes: base64 of the HMAC-SHA256.
 * @typedef {(data: string | Uint8Array) => string | Promise<string>} Signer
 */

/**
 * A signer for a shared secret given as base64 text (whitespace ignored); the HMAC key is the decoded bytes.
 * @param {string} text
 * @returns {Promise<Signer>}
 */
export async function signerOf(text) {
  const bytes = Uint8Array.from(atob(text.replace(/\s+/g, '')), (char) => char.charCodeAt(0));
  // An empty key signs anything anyone can sign: a secret read from an unset or blank variable is a mistake.
  if (bytes.length === 0) throw new TypeError('the signing key is empty: pass the shared secret as base64 text');
  /** @type {{ createHmac(algorithm: string, key: Uint8Array): { update(data: string | Uint8Array): { digest(encoding: 'base64'): string } } } | undefined} */
  const native = /** @type {any} */ (globalThis).process?.getBuiltinModule?.('node:crypto');
  if (native !== undefined) return (data) => native.createHmac('sha256', bytes).update(data).digest('base64');
  const key = await globalThis.crypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return async (data) => {
    const message = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    const mac = new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', key, /** @type {Uint8Array<ArrayBuffer>} */ (message)));
    let binary = '';
    for (const byte of mac) binary += String.fromCharCode(byte);
    return btoa(binary);
  };
}

/**
 * Whether two texts are equal, in a time that depends on their lengths only, never on where they differ:
 * a signature or a token an attacker sends learns nothing from how long the comparison took.
 * @param {string} given
 * @param {string} expected
 */
export function equalInConstantTime(given, expected) {
  const length = Math.max(given.length, expected.length);
  let difference = given.length ^ expected.length;
  for (let at = 0; at < length; at++) difference |= (given.charCodeAt(at) | 0) ^ (expected.charCodeAt(at) | 0);
  return difference === 0;
}
