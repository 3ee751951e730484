import { createDiagnostic, type Diagnostic, type Severity } from '../diagnostics/diagnostic.js';
import { closestName } from '../util/did-you-mean.js';
import { appendPointer } from '../util/json-pointer.js';
import { knownDialects, usesKnownDialect } from './dialects.js';
import type { OriginIndex } from './origins.js';
import { isRef, type Resolver } from './resolver.js';

type Json = Record<string, unknown>;

/** The keywords of JSON Schema 2020-12's vocabularies (core, applicator, unevaluated, validation, meta-data, format, content). */
const jsonSchemaKeywords = [
  ...['$schema', '$id', '$ref', '$anchor', '$dynamicRef', '$dynamicAnchor', '$vocabulary', '$comment', '$defs'],
  ...['prefixItems', 'items', 'contains', 'additionalProperties', 'properties', 'patternProperties', 'dependentSchemas'],
  ...['propertyNames', 'if', 'then', 'else', 'allOf', 'anyOf', 'oneOf', 'not', 'unevaluatedItems', 'unevaluatedProperties'],
  ...['type', 'const', 'enum', 'multipleOf', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum', 'maxLength'],
  ...['minLength', 'pattern', 'maxItems', 'minItems', 'uniqueItems', 'maxContains', 'minContains', 'maxProperties'],
  ...['minProperties', 'required', 'dependentRequired', 'title', 'description', 'default', 'deprecated', 'readOnly'],
  ...['writeOnly', 'examples', 'format', 'contentEncoding', 'contentMediaType', 'contentSchema'],
];
/** The fixed fields OpenAPI 3.1 adds to a Schema Object (§4.8.24.2). */
const openApiKeywords = ['discriminator', 'xml', 'externalDocs', 'example'];
const knownList = [...jsonSchemaKeywords, ...openApiKeywords];
const known = new Set(knownList);

/** Where subschemas sit: a map of them, one, or a list (JSON Schema 2020-12 §10, §8.2.4, §8.4). */
const schemaMaps = new Set(['properties', 'patternProperties', '$defs', 'dependentSchemas']);
const singleSchemas = new Set(['items', 'contains', 'additionalProperties', 'propertyNames', 'if', 'then', 'else', 'not']);
const moreSingleSchemas = new Set(['unevaluatedItems', 'unevaluatedProperties', 'contentSchema']);
const schemaLists = new Set(['prefixItems', 'allOf', 'anyOf', 'oneOf']);

export type KeywordTypoSeverity = 'error' | 'warning';

/**
 * Keys of 3.1 Schema Objects that are neither JSON Schema 2020-12 keywords, OpenAPI's own, nor `x-`
 * extensions. One or two edits from a known keyword (`maxLenght`), it is an error with the keyword it
 * probably meant: a misspelt limit would otherwise vanish without a word. Anything else is a warning
 * (a vocabulary of the spec's own). A `$schema` or `jsonSchemaDialect` naming another dialect turns
 * the check off where it applies. Schemas in other files are checked where a `$ref` reaches them.
 */
export function lintSchemaKeywords({
  document,
  resolver,
  origins,
  typos = 'error',
}: {
  document: Json;
  resolver: Resolver;
  origins: OriginIndex;
  /** How a near-miss of a known keyword is reported. @default 'error' */
  typos?: KeywordTypoSeverity;
}): Diagnostic[] {
  if (!usesKnownDialect(document)) return [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<object>();
  const visitSchema = (node: unknown): void => {
    if (node === null || typeof node !== 'object' || Array.isArray(node) || seen.has(node)) return;
    seen.add(node);
    const schema = node as Json;
    if (typeof schema.$schema === 'string' && !knownDialects.has(schema.$schema)) return;
    if (isRef(schema)) visitSchema(resolver.resolveOnce(schema)?.value);
    for (const [key, value] of Object.entries(schema)) {
      if (!known.has(key) && !key.startsWith('x-')) diagnostics.push(unknownKeyword({ schema, key, origins, typos }));
      if (schemaMaps.has(key) && isObject(value)) Object.values(value).forEach(visitSchema);
      else if (singleSchemas.has(key) || moreSingleSchemas.has(key)) visitSchema(value);
      else if (schemaLists.has(key) && Array.isArray(value)) value.forEach(visitSchema);
    }
  };
  forEachSchemaPosition(document, (schema) => visitSchema(schema), resolver);
  return diagnostics;
}

function unknownKeyword({
  schema,
  key,
  origins,
  typos,
}: {
  schema: Json;
  key: string;
  origins: OriginIndex;
  typos: KeywordTypoSeverity;
}): Diagnostic {
  const where = origins.ofKey(schema, key) ?? origins.of(schema);
  // A typo is one or two edits (Levenshtein, case aside), whatever the keyword's length.
  const meant = closestName(key, knownList, 2);
  const near = meant !== undefined;
  const severity: Severity = near ? typos : 'warning';
  const message = near
    ? `unknown keyword ${JSON.stringify(key)}; did you mean ${JSON.stringify(meant)}? As written it is ignored, and so is its value`
    : key === 'nullable'
      ? 'keyword "nullable" is OpenAPI 3.0\'s: 3.1 writes null into the type (`type: [string, "null"]`) and JSON Schema tools ignore it; specsmith reads it as 3.0 does'
      : `unknown keyword ${JSON.stringify(key)}: not JSON Schema 2020-12 nor OpenAPI 3.1; name an extension x-${key} to say it is one`;
  return createDiagnostic({
    code: 'schema-keyword-unknown',
    severity,
    message,
    file: where?.file ?? '',
    pointer: where?.pointer ?? appendPointer('', key),
    line: where?.line,
    column: where?.column,
  });
}

/**
 * Every place of an OpenAPI 3.1 document that holds a Schema Object: `components.schemas`, and the
 * `schema` of parameters, headers and media types wherever they are (paths, components, callbacks,
 * webhooks), following `$ref`s to Path Items, Parameters, Responses and the rest. Examples and
 * extensions are data and are not entered.
 */
function forEachSchemaPosition(document: Json, visit: (schema: unknown) => void, resolver: Resolver): void {
  const seen = new Set<object>();
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) return node.forEach(walk);
    const object = node as Json;
    if (isRef(object)) walk(resolver.resolveOnce(object)?.value);
    for (const [key, value] of Object.entries(object)) {
      if (key.startsWith('x-') || key === 'example' || key === 'examples' || key === 'default' || key === 'enum') continue;
      if (key === 'schema') visit(value);
      else walk(value);
    }
  };
  const components = isObject(document.components) ? document.components : {};
  if (isObject(components.schemas)) Object.values(components.schemas).forEach(visit);
  walk({ ...document, components: { ...components, schemas: {} } });
}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
