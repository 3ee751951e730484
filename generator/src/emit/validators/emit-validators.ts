import { createDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { ApiModel } from '../../ir/types.js';
import type { FileContent } from '../../shared/file-content.js';
import { validatorNames } from './emit-validator-types.js';
import type { ValidatorNote } from './lower-schema.js';
import { loadValidatorRuntime } from './runtime-format.js';
import { compileFailures, entryOrigin, refusedSchemas, ValidatorCompileError } from './schema-check.js';
import { shareIdenticalEntries } from './shared-entries.js';
import { compileValidatorCode, FallbackRefused, type ValidatorCode } from './validator-code.js';
import { collectValidators, type ValidatorEntry, type ValidatorSet } from './validator-set.js';
import { compiledModule, facadeModules, validatorModules, type ModuleFormat } from './validator-modules.js';

export interface EmittedValidators {
  entries: ValidatorEntry[];
  /** What validators.js exports: `ValidationError`, then `is*`, `assert*` and `*Schema` per entry. */
  exportNames: string[];
  notes: ValidatorNote[];
  /**
   * Compiles the checks (validator-code.ts) and makes the validators' modules: called once the types and
   * the client are written, so that their texts and the checks' are never in memory together (on GitHub's
   * REST description that was 40 MB of the run's peak).
   */
  modules(): CompiledValidatorModules;
}

export interface CompiledValidatorModules {
  /**
   * The modules by file name (validator-modules.ts), in each format asked for, with the header. The
   * compiled modules and the runtime come as bytes to write as they are, validators.js as text to format.
   */
  files: Map<string, FileContent>;
  /**
   * The entries left to AJV, as warnings at their schemas; when there are any, the package depends on
   * `ajv`, whose runtime helpers AJV's code requires.
   */
  fallbacks: Diagnostic[];
}

/**
 * The validators of a package as modules: the runtime templates, the checks compiled once (validator-code.ts)
 * as a module of top-level functions that collect every problem (`assert*`, Standard Schema) or stop at
 * the first (`is*`), the fallback module of AJV's code when an entry needs one, and validators.js binding
 * each entry's faces as exports of their own. A bundler that follows one import keeps that validator's
 * functions, the ones it calls and the runtime helpers they use, and nothing else. A schema the 2020-12
 * meta-schema refuses stops generation here (ValidatorCompileError), before anything is written.
 */
export async function emitValidators(
  model: ApiModel,
  header: string,
  formats: readonly ModuleFormat[] = ['esm', 'commonjs'],
): Promise<EmittedValidators | undefined> {
  const runtime = await loadValidatorRuntime();
  const set = shareIdenticalEntries(collectValidators(model, runtime.formatTypes));
  if (set.entries.length === 0) return undefined;
  const refused = refusedSchemas(set.defs);
  if (refused.length > 0)
    throw new ValidatorCompileError(
      compileFailures(
        model,
        refused.map(({ def, reason }) => ({ entry: { name: def }, reason })),
      ),
    );
  const exportNames = ['ValidationError', ...set.entries.flatMap((entry) => Object.values(validatorNames(entry)))];
  const modules = () => {
    const code = compiledOrDiagnosed(model, () => compileValidatorCode({ set, runtime }));
    const files = validatorFiles({ set, code, header, formats });
    return { files, fallbacks: fallbackWarnings(model, code.fellBack) };
  };
  return { entries: set.entries, exportNames, notes: set.notes, modules };
}

function validatorFiles({
  set,
  code,
  header,
  formats,
}: {
  set: ValidatorSet;
  code: ValidatorCode;
  header: string;
  formats: readonly ModuleFormat[];
}): Map<string, FileContent> {
  const files = new Map<string, FileContent>();
  const file = (module: string, format: ModuleFormat) => `${module}.${format === 'esm' ? 'js' : 'cjs'}`;
  const facades = facadeModules({ entries: set.entries, defs: set.defs, origins: set.origins(), formats });
  for (const format of formats) {
    files.set(file(validatorModules.facade, format), `${header}${facades.get(format) ?? ''}`);
    files.set(file(validatorModules.compiled, format), compiledModule({ header, body: code.body, entries: set.entries, format }));
    if (code.fallback !== undefined) files.set(file(validatorModules.fallback, format), [Buffer.from(code.fallback({ format, header }))]);
  }
  return files;
}

/** The compilation, or a ValidatorCompileError at each schema that AJV, left to compile it, refused. */
export function compiledOrDiagnosed(model: ApiModel, compile: () => ValidatorCode): ValidatorCode {
  try {
    return compile();
  } catch (error) {
    if (!(error instanceof FallbackRefused)) throw error;
    throw new ValidatorCompileError(
      compileFailures(
        model,
        error.entries.map((entry) => ({ entry, reason: error.reason })),
      ),
    );
  }
}

/** One warning per entry left to AJV, at its schema (the operation's, for an operation part), naming the keywords. */
function fallbackWarnings(model: ApiModel, fellBack: ValidatorCode['fellBack']): Diagnostic[] {
  return fellBack.map(({ entry, gaps }) => {
    const origin = entryOrigin(model, entry.name);
    const keywords = [...new Set(gaps.map((gap) => gap.keyword || gap.reason))].join(', ');
    return createDiagnostic({
      code: 'validator-fallback',
      severity: 'warning',
      message: `the validator of ${entry.name} is compiled by AJV, not by specsmith's emitter, because of ${keywords} (at ${gaps[0]?.schemaPath ?? '#'}); it is slower, its messages cite no spec line, and the package depends on ajv`,
      file: origin?.file ?? model.source,
      pointer: origin?.pointer ?? '',
      line: origin?.line,
      column: origin?.column,
    });
  });
}
