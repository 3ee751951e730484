import { Ajv2020 } from 'ajv/dist/2020.js';
import { createDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { ApiModel, SourceRef } from '../../ir/types.js';
import type { JsonSchema } from './lower-schema.js';
import type { ValidatorEntry } from './validator-set.js';

/** Lowered schemas that JSON Schema 2020-12's meta-schema refuses: a check of them would check something else. */
export class ValidatorCompileError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((diagnostic) => diagnostic.message).join('\n'));
    this.name = 'ValidatorCompileError';
  }
}

/**
 * The named schemas, as lowered, that the 2020-12 meta-schema refuses, each with AJV's reason (its public
 * `validateSchema`). A spec can carry one past the OpenAPI schema check (a schema of another `$schema`
 * dialect with `minLength: -1`); compiling it would make a check that means nothing, so generation stops
 * there. About a tenth of a second on GitHub's REST description.
 */
export function refusedSchemas(defs: Readonly<Record<string, JsonSchema>>): { def: string; reason: string }[] {
  const ajv = new Ajv2020({ strict: false, logger: false });
  // Each problem as its place, keyword and parameters: the meta-schema's own wording is not the package's.
  const problems = () =>
    (ajv.errors ?? []).map((error) => `${error.instancePath || '/'} fails ${error.keyword} ${JSON.stringify(error.params)}`).join('; ');
  return Object.entries(defs).flatMap(([def, schema]) =>
    ajv.validateSchema(schema) === true ? [] : [{ def, reason: `schema is invalid: ${problems()}` }],
  );
}

/** A diagnostic for each validator (named schema or operation part) that cannot be compiled, at its place. */
export function compileFailures(model: ApiModel, failures: { entry: Pick<ValidatorEntry, 'name'>; reason: string }[]): Diagnostic[] {
  return failures.map(({ entry, reason }) => {
    const origin = entryOrigin(model, entry.name);
    return createDiagnostic({
      code: 'validator-compile-failed',
      message: `the validator of ${entry.name} could not be compiled (${reason})`,
      file: origin?.file ?? model.source,
      pointer: origin?.pointer ?? '',
      line: origin?.line,
      column: origin?.column,
    });
  });
}

/** Where an entry's schema is written: the named schema's place, or the operation's for an operation part. */
export function entryOrigin(model: ApiModel, name: string): SourceRef | undefined {
  const named = model.schemas.find(
    (schema) => schema.name === name || `${schema.name}Request` === name || `${schema.name}Response` === name,
  );
  if (named !== undefined) return named.schema.meta.origin;
  const operation = model.operations.find(({ names }) =>
    [...Object.values(names.params), ...Object.values(names.response), names.requestBody].includes(name),
  );
  return operation?.origin;
}
