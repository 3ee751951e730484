import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { createDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { ApiModel, SourceRef } from '../../ir/types.js';
import { templatePath } from '../template-path.js';
import { compileInWorker } from './compile-parallel.js';
import { compileValidators, SchemasRefused, type RuntimeFormat } from './compile-validators.js';
import { validatorNames } from './emit-validator-types.js';
import type { ValidatorNote } from './lower-schema.js';
import { collectValidators, type ValidatorEntry, type ValidatorSet } from './validator-set.js';
import { shareIdenticalEntries } from './shared-entries.js';
import type { FileContent } from '../../shared/file-content.js';
import {
  compiledModule,
  facadeModules,
  runtimeModule,
  templateExports,
  validatorModules,
  type CompiledBody,
  type ModuleFormat,
} from './validator-modules.js';

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
  const failing = set.entries.flatMap((entry) => {
    try {
      compileValidators({ set: { ...set, entries: [entry] }, formats, checkSchemas: false });
      return [];
    } catch (cause) {
      return [{ name: entry.name, reason: cause instanceof Error ? cause.message : String(cause) }];
    }
  });
  const found = failing.length > 0 ? failing : [{ name: undefined, reason: error instanceof Error ? error.message : String(error) }];
  return compileFailures(model, found);
}

/** A diagnostic for each validator (named schema or operation part) that could not be compiled, at its place. */
export function compileFailures(model: ApiModel, failures: { name: string | undefined; reason: string }[]): Diagnostic[] {
  const origins = new Map<string, SourceRef | undefined>(model.schemas.map((named) => [named.name, named.schema.meta.origin]));
  for (const operation of model.operations) {
    const { params, response, requestBody } = operation.names;
    for (const name of [...Object.values(params), ...Object.values(response), requestBody]) origins.set(name, operation.origin);
  }
  return failures.map(({ name, reason }) => {
    const origin = name === undefined ? undefined : (origins.get(name.replace(/(Request|Response)$/, '')) ?? origins.get(name));
    return createDiagnostic({
      code: 'validator-compile-failed',
      message: `the validator of ${name ?? 'the spec'} could not be compiled (${reason}); this is a fault of specsmith, please report it with the schema`,
      file: origin?.file ?? model.source,
      pointer: origin?.pointer ?? '',
      line: origin?.line,
      column: origin?.column,
    });
  });
}

export interface EmittedValidators {
  entries: ValidatorEntry[];
  /** What validators.js exports: `ValidationError`, then `is*`, `assert*` and `*Schema` per entry. */
  exportNames: string[];
  /**
   * The validators' modules by file name (validator-modules.ts), in each format asked for, with the header;
   * they settle once the compilations in the worker threads finish, so that the caller emits the types
   * meanwhile. The compiled modules and the runtime come as bytes to write as they are, validators.js as
   * text to format. Rejects with a ValidatorCompileError when AJV refuses a schema.
   */
  files: Promise<Map<string, FileContent>>;
  notes: ValidatorNote[];
}

/**
 * The validators of a package as modules: the runtime templates (so the package has no runtime
 * dependency), the checks precompiled once as a module of top-level functions that collect every problem
 * (`assert*`, Standard Schema) or stop at the first (`is*`, stop-at-first.ts), and
 * validators.js binding each entry's faces as exports of their own. A bundler that follows one import
 * keeps that validator's functions, the ones it calls and the runtime helpers they use, and nothing else.
 */
export async function emitValidators(
  model: ApiModel,
  header: string,
  formats: readonly ModuleFormat[] = ['esm', 'commonjs'],
): Promise<EmittedValidators | undefined> {
  const runtimeFile = templatePath('validators/runtime.js');
  const runtime = (await import(pathToFileURL(runtimeFile).href)) as { formats: Record<string, RuntimeFormat> };
  const formatTypes = new Map(Object.entries(runtime.formats).map(([name, definition]) => [name, definition.type]));
  const set = shareIdenticalEntries(collectValidators(model, formatTypes));
  if (set.entries.length === 0) return undefined;
  const templates = await Promise.all([readFile(runtimeFile, 'utf8'), readFile(templatePath('validators/api.js'), 'utf8')]);
  const runtimeNames = templates.flatMap(templateExports);
  const compiled = compileInWorker({ set, formats: runtime.formats, runtimeFile, runtimeNames }).catch((error: unknown) => {
    if (error instanceof SchemasRefused)
      throw new ValidatorCompileError(
        compileFailures(
          model,
          error.refused.map(({ def, reason }) => ({ name: def, reason })),
        ),
      );
    throw new ValidatorCompileError(culprits({ model, set, formats: runtime.formats, error }));
  });
  const files = validatorFiles({ set, templates, header, compiled, formats });
  // Awaited by the caller after the types are out; until then a failure must not count as unhandled.
  files.catch(() => {});
  const exportNames = ['ValidationError', ...set.entries.flatMap((entry) => Object.values(validatorNames(entry)))];
  return { entries: set.entries, exportNames, files, notes: set.notes };
}

async function validatorFiles({
  set,
  templates,
  header,
  compiled,
  formats,
}: {
  set: ValidatorSet;
  templates: string[];
  header: string;
  compiled: Promise<CompiledBody>;
  formats: readonly ModuleFormat[];
}): Promise<Map<string, FileContent>> {
  // validators.js and the runtime do not wait for the compilation: they are made while the worker runs.
  const files = new Map<string, FileContent>();
  const file = (module: string, format: ModuleFormat) => `${module}.${format === 'esm' ? 'js' : 'cjs'}`;
  const origins = set.origins();
  const facades = facadeModules({ entries: set.entries, defs: set.defs, origins, formats });
  for (const format of formats) {
    files.set(file(validatorModules.facade, format), `${header}${facades.get(format) ?? ''}`);
    // The templates are kept as prettier writes them with the packages' options (test/runtime-module.test.ts),
    // so the runtime goes out as it is: formatting it again cost 0.2 s a package.
    files.set(file(validatorModules.runtime, format), [Buffer.from(`${header}${runtimeModule(templates, format)}`)]);
  }
  const body = await compiled;
  for (const format of formats)
    files.set(file(validatorModules.compiled, format), compiledModule({ header, body, entries: set.entries, format }));
  return files;
}
