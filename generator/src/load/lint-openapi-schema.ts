import type { ErrorObject } from 'ajv';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { appendPointer, parsePointer } from '../util/json-pointer.js';
import type { OpenApiMinor } from './lint-version.js';
import type { OpenApiSchemas } from './openapi-schema.js';
import { locate, type OriginIndex } from './origins.js';

const combinators = new Set(['oneOf', 'anyOf', 'allOf', 'if', 'not', 'false schema', '$ref', '$dynamicRef']);

/**
 * Validates the root document against the OpenAPI schema of its version, one diagnostic per real problem.
 * `document` may be a view with fragments of other files inlined: a problem inside one is reported in
 * that file, at its own pointer.
 */
export function lintOpenApiSchema({
  document,
  minor,
  file,
  origins,
  schemas,
}: {
  document: unknown;
  minor: OpenApiMinor;
  file: string;
  origins: OriginIndex;
  schemas: OpenApiSchemas;
}): Diagnostic[] {
  return distill(schemas.validate(minor, document)).map((error) => {
    const pointer = pointerOf(error);
    const origin = locate(origins, document, parsePointer(pointer) ?? []);
    const elsewhere = origin !== undefined && origin.file !== file;
    return createDiagnostic({
      code: 'openapi-schema',
      message: messageOf(error),
      file: elsewhere ? origin.file : file,
      pointer: elsewhere ? origin.pointer : pointer,
      line: origin?.line,
      column: origin?.column,
    });
  });
}

/**
 * AJV in all-errors mode reports every failed branch of every `oneOf` (a Schema Object is
 * `oneOf: [Schema, Reference]`, a Parameter one of four locations). Keep the specific errors: drop
 * combinator summaries, and drop errors of a `Reference` branch when a sibling branch says more.
 */
function distill(errors: readonly ErrorObject[]): ErrorObject[] {
  const specific = errors.filter((error) => !combinators.has(error.keyword));
  const pool = specific.length > 0 ? specific : [...errors];
  const isReferenceBranch = (error: ErrorObject) => /\/(Reference|reference)\b/.test(error.schemaPath);
  const filtered = pool.filter(
    (error) =>
      !isReferenceBranch(error) ||
      !pool.some((other) => !isReferenceBranch(other) && (other.instancePath + '/').startsWith(error.instancePath + '/')),
  );
  const seen = new Set<string>();
  // Where an `anyOf` failed (a `type` that is neither a name nor a list of names), its branches' errors
  // are one problem: the first says it.
  const anyOfAt = new Set(errors.filter((error) => error.keyword === 'anyOf').map((error) => error.instancePath));
  const said = new Set<string>();
  return filtered.filter((error) => {
    if (anyOfAt.has(error.instancePath)) {
      if (said.has(error.instancePath)) return false;
      said.add(error.instancePath);
    }
    const key = `${pointerOf(error)}\u0000${messageOf(error)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function pointerOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') return appendPointer(error.instancePath, String(params.additionalProperty));
  if (error.keyword === 'unevaluatedProperties') return appendPointer(error.instancePath, String(params.unevaluatedProperty));
  return error.instancePath;
}

function messageOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `missing required field ${JSON.stringify(params.missingProperty)}`;
    case 'additionalProperties':
      return `unknown field ${JSON.stringify(params.additionalProperty)}`;
    case 'unevaluatedProperties':
      return `unknown field ${JSON.stringify(params.unevaluatedProperty)}`;
    case 'enum':
      return `must be one of ${(params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ')}`;
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)}`;
    case 'type':
      return `must be of type ${String(params.type)}`;
    case 'pattern':
      return `must match the pattern ${String(params.pattern)}`;
    case 'minProperties':
      return `must have at least ${String(params.limit)} field(s)`;
    case 'minItems':
      return `must have at least ${String(params.limit)} item(s)`;
    case 'format':
      return `must be a valid ${String(params.format)}`;
    default:
      return error.message ?? `fails the ${error.keyword} rule`;
  }
}
