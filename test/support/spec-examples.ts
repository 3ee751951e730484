import { pathToFileURL } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { LoadedDocument } from '../../generator/src/load/load-document.js';
import { appendPointer } from '../../generator/src/util/json-pointer.js';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/** One example written in a spec, with the schema it has to satisfy (both as pointers into the entry file). */
export interface SpecExample {
  /** Where the example value sits. */
  pointer: string;
  value: unknown;
  /** The schema it is an example of. */
  schemaPointer: string;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Keywords whose value is a schema, a list of schemas or a map of schemas (JSON Schema 2020-12). */
const schemaKeywords = {
  single: ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedProperties'],
  list: ['allOf', 'anyOf', 'oneOf', 'prefixItems'],
  map: ['properties', 'patternProperties', '$defs', 'dependentSchemas'],
} as const;

/** Every `example`/`examples` of the entry file: on schemas, parameters, headers and media types. */
export function collectExamples(document: Json): SpecExample[] {
  const found: SpecExample[] = [];
  walkNode(document, '', found);
  return found;
}

function walkNode(node: unknown, pointer: string, found: SpecExample[]): void {
  if (Array.isArray(node)) return node.forEach((item, index) => walkNode(item, appendPointer(pointer, index), found));
  if (!isObject(node)) return;
  if (isObject(node.schema)) collectHolderExamples(node, pointer, found);
  for (const [key, value] of Object.entries(node)) {
    if (key === 'example' || key === 'examples') continue;
    const child = appendPointer(pointer, key);
    const isSchemaMap = child === '/components/schemas';
    if (key === 'schema' && isObject(value)) walkSchema(value, child, found);
    else if (isSchemaMap && isObject(value))
      Object.entries(value).forEach(([name, schema]) => walkSchema(schema, appendPointer(child, name), found));
    else walkNode(value, child, found);
  }
}

/** A parameter, header or media type: `example`, or `examples` as a map of Example objects. */
function collectHolderExamples(holder: Json, pointer: string, found: SpecExample[]): void {
  const schemaPointer = appendPointer(pointer, 'schema');
  if ('example' in holder) found.push({ pointer: appendPointer(pointer, 'example'), value: holder.example, schemaPointer });
  if (!isObject(holder.examples)) return;
  for (const [name, example] of Object.entries(holder.examples)) {
    if (isObject(example) && 'value' in example) {
      found.push({ pointer: `${appendPointer(appendPointer(pointer, 'examples'), name)}/value`, value: example.value, schemaPointer });
    }
  }
}

function walkSchema(schema: unknown, pointer: string, found: SpecExample[]): void {
  if (!isObject(schema)) return;
  if ('example' in schema) found.push({ pointer: `${pointer}/example`, value: schema.example, schemaPointer: pointer });
  if (Array.isArray(schema.examples)) {
    schema.examples.forEach((value, index) => found.push({ pointer: `${pointer}/examples/${index}`, value, schemaPointer: pointer }));
  }
  for (const key of schemaKeywords.single) walkSchema(schema[key], `${pointer}/${key}`, found);
  for (const key of schemaKeywords.list) {
    const list = schema[key];
    if (Array.isArray(list)) list.forEach((item, index) => walkSchema(item, `${pointer}/${key}/${index}`, found));
  }
  for (const key of schemaKeywords.map) {
    const map = schema[key];
    if (isObject(map)) Object.entries(map).forEach(([name, item]) => walkSchema(item, appendPointer(`${pointer}/${key}`, name), found));
  }
}

/**
 * Compiles schemas of a loaded OpenAPI 3.1 document with AJV (2020-12, strict formats in full mode).
 * Every file of the load is registered under its file URL, so relative `$ref`s between files resolve.
 * OpenAPI's own keywords (`example`, `discriminator`, `x-*`…) are annotations here and ignored.
 */
export function schemaCompiler(loaded: LoadedDocument): (pointer: string) => ValidateFunction {
  const ajv = new Ajv2020({ strictSchema: false, strictTypes: true, validateSchema: false, allErrors: true });
  addFormats(ajv, { mode: 'full' });
  for (const file of loaded.resolver.files.values()) ajv.addSchema(file.value as Json, pathToFileURL(file.absolutePath).href);
  const base = pathToFileURL(loaded.root.absolutePath).href;
  return (pointer) => ajv.compile({ $ref: `${base}#${encodeURI(pointer)}` });
}
