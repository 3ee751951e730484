import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { createDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { ApiModel, SourceRef } from '../../ir/types.js';
import { templatePath } from '../package/template-path.js';
import { compileBoth } from './compile-parallel.js';
import { compileValidators, type RuntimeFormat } from './compile-validators.js';
import { validatorNames } from './emit-validator-types.js';
import type { ValidatorNote } from './lower-schema.js';
import { collectValidators, type ValidatorEntry } from './validator-set.js';

/** AJV refused a lowered schema: a fault of specsmith's lowering, reported as diagnostics where the schema is written. */
export class ValidatorCompileError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((diagnostic) => diagnostic.message).join('\n'));
    this.name = 'ValidatorCompileError';
  }
}

/**
 * The entries AJV cannot compile, each a diagnostic at its schema's place (the operation's, for an
 * operation part). Compiling them one by one costs time, so it is done only after a failure.
 */
export function culprits({
  model,
  set,
  formats,
  error,
}: {
  model: ApiModel;
  set: ReturnType<typeof collectValidators>;
  formats: Readonly<Record<string, RuntimeFormat>>;
  error: unknown;
}): Diagnostic[] {
  const origins = new Map<string, SourceRef | undefined>(model.schemas.map((named) => [named.name, named.schema.meta.origin]));
  for (const operation of model.operations) {
    const { params, response, requestBody } = operation.names;
    for (const name of [...Object.values(params), ...Object.values(response), requestBody]) origins.set(name, operation.origin);
  }
  const failing = set.entries.flatMap((entry) => {
    try {
      compileValidators({ set: { ...set, entries: [entry] }, formats, allErrors: true, checkSchemas: false });
      return [];
    } catch (cause) {
      return [{ entry, reason: cause instanceof Error ? cause.message : String(cause) }];
    }
  });
  const found = failing.length > 0 ? failing : [{ entry: undefined, reason: error instanceof Error ? error.message : String(error) }];
  return found.map(({ entry, reason }) => {
    const origin =
      entry === undefined ? undefined : (origins.get(entry.name.replace(/(Request|Response)$/, '')) ?? origins.get(entry.name));
    return createDiagnostic({
      code: 'validator-compile-failed',
      message: `the validator of ${entry?.name ?? 'the spec'} could not be compiled (${reason}); this is a fault of specsmith, please report it with the schema`,
      file: origin?.file ?? model.source,
      pointer: origin?.pointer ?? '',
      line: origin?.line,
      column: origin?.column,
    });
  });
}

export interface EmittedValidators {
  entries: ValidatorEntry[];
  /** Statements that define every validator (runtime helpers, API, compiled checks), without exports. */
  body: string;
  /** What the module exports: a name and the expression it is bound to. */
  exports: { name: string; expression: string }[];
  notes: ValidatorNote[];
}

/**
 * The validators of a package as module code: the runtime templates inlined (so the package has no
 * runtime dependency and no `require`), then the checks precompiled twice, stopping at the first
 * problem (`is*`) and collecting every problem (`assert*`, Standard Schema).
 */
export async function emitValidators(model: ApiModel): Promise<EmittedValidators | undefined> {
  const runtimeFile = templatePath('validators/runtime.js');
  const runtime = (await import(pathToFileURL(runtimeFile).href)) as { formats: Record<string, RuntimeFormat> };
  const formatTypes = new Map(Object.entries(runtime.formats).map(([name, definition]) => [name, definition.type]));
  const set = collectValidators(model, formatTypes);
  if (set.entries.length === 0) return undefined;
  const templates = await Promise.all([readFile(runtimeFile, 'utf8'), readFile(templatePath('validators/api.js'), 'utf8')]);
  const [first, all] = await compileBoth({ set, formats: runtime.formats, runtimeFile }).catch((error: unknown) => {
    throw new ValidatorCompileError(culprits({ model, set, formats: runtime.formats, error }));
  });
  const validators = set.entries.map(
    (entry, index) => `    createValidator(${JSON.stringify(entry.name)}, firstError[${index}], allErrors[${index}], ruleOrigins),`,
  );
  // One closure holds the runtime and the compiled checks, so none of their names meets an export's.
  const body = [
    'const { ValidationError, validators } = (() => {',
    ...templates.map((text) => text.replace(/^export /gm, '')),
    `const ruleOrigins = ${JSON.stringify(set.origins)};`,
    `const firstError = ${first};`,
    `const allErrors = ${all};`,
    `return {\n  ValidationError,\n  validators: [\n${validators.join('\n')}\n  ],\n};`,
    '})();',
  ].join('\n');
  const exports = [{ name: 'ValidationError', expression: 'ValidationError' }];
  set.entries.forEach((entry, index) => {
    const names = validatorNames(entry);
    exports.push(
      { name: names.is, expression: `validators[${index}].is` },
      { name: names.assert, expression: `validators[${index}].assert` },
      { name: names.schema, expression: `validators[${index}].schema` },
    );
  });
  return { entries: set.entries, body, exports, notes: set.notes };
}
