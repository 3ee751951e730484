import { keySegment } from './schema-places.js';

/**
 * A `$ref` this emitter resolves: a fragment that is a JSON pointer into the document being compiled
 * (RFC 6901, URI-encoded as JSON Schema 2020-12 §8.2.3.1 writes it), `#` for the document itself. Refs by
 * `$id`, `$anchor` or to other documents are not resolved here: the schema is then not covered.
 */
export function refTokens(ref: string): string[] | undefined {
  if (ref === '#') return [];
  if (!ref.startsWith('#/')) return undefined;
  try {
    return ref
      .slice(2)
      .split('/')
      .map((token) => decodeURIComponent(token).replace(/~1/g, '/').replace(/~0/g, '~'));
  } catch {
    return undefined;
  }
}

/** The value at a pointer's tokens (own members only), or undefined when it names nothing. */
export function valueAtTokens(document: unknown, tokens: readonly string[]): unknown {
  let node = document;
  for (const token of tokens) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

/** Keywords that hold schemas under keys (`$defs/X`, `properties/x`): after one of them comes a key. */
const keyedKeywords = new Set([
  '$defs',
  'definitions',
  'properties',
  'patternProperties',
  'dependentSchemas',
  'prefixItems',
  'allOf',
  'anyOf',
  'oneOf',
]);

/**
 * The schema path AJV reports for the schema at a pointer's tokens: keywords as they are, the key after a
 * keyword that holds schemas under keys escaped (schema-context.ts keySegment).
 */
export function schemaPathOf(tokens: readonly string[]): string {
  let path = '#';
  let atKey = false;
  for (const token of tokens) {
    path += `/${atKey ? keySegment(token) : token}`;
    atKey = !atKey && keyedKeywords.has(token);
  }
  return path;
}

/** A function name's hint from a schema's place: `validate` and its last token (names.ts makes it camel case). */
export function functionHint(tokens: readonly string[]): string {
  const last = tokens.length === 0 ? 'Root' : tokens[tokens.length - 1]!;
  return `validate ${last}`;
}
