import { appendPointer, getAtPointer, parsePointer } from '../util/json-pointer.js';

type Json = Record<string, unknown>;

/** A documented example: its name (for `examples` entries), where its value is written, and the value. */
export interface DocumentedExample {
  name?: string;
  /** JSON pointer of the value in the document (after following `$ref`s). */
  pointer: string;
  value: unknown;
}

/**
 * The examples a spec writes for one media type of a request body or response (`node` is the pointer of
 * the Request Body or Response Object): the media type's `example`, its named `examples`, then its schema's
 * `example` and `examples`, in that order (OpenAPI 3.1 §4.8.14, §4.8.19).
 */
export function mediaExamples(document: unknown, node: string, mediaType: string): DocumentedExample[] {
  const owner = resolve(document, node);
  if (owner === undefined) return [];
  const media = resolve(document, appendPointer(appendPointer(`${owner.pointer}`, 'content'), mediaType));
  if (media === undefined) return [];
  const found: DocumentedExample[] = [];
  if ('example' in media.value) found.push({ pointer: appendPointer(media.pointer, 'example'), value: media.value.example });
  for (const name of Object.keys(asObject(media.value.examples) ?? {})) {
    const example = resolve(document, appendPointer(appendPointer(media.pointer, 'examples'), name));
    if (example !== undefined && 'value' in example.value)
      found.push({ name, pointer: appendPointer(example.pointer, 'value'), value: example.value.value });
  }
  const schema = resolve(document, appendPointer(media.pointer, 'schema'));
  if (schema !== undefined && 'example' in schema.value)
    found.push({ pointer: appendPointer(schema.pointer, 'example'), value: schema.value.example });
  if (schema !== undefined && Array.isArray(schema.value.examples))
    schema.value.examples.forEach((value, index) =>
      found.push({ pointer: appendPointer(appendPointer(schema.pointer, 'examples'), String(index)), value }),
    );
  return found;
}

const asObject = (value: unknown): Json | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;

/** The object at a pointer, local `$ref`s followed, with the pointer it was found at. */
function resolve(document: unknown, pointer: string): { pointer: string; value: Json } | undefined {
  let at = pointer;
  for (let steps = 0; steps < 32; steps++) {
    const value = asObject(getAtPointer(document, parsePointer(at) ?? []));
    const ref = value?.$ref;
    if (typeof ref !== 'string' || !ref.startsWith('#')) return value === undefined ? undefined : { pointer: at, value };
    at = decodeURIComponent(ref.slice(1));
  }
  return undefined;
}
