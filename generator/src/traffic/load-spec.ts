import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { checksModule } from '../emit/validators/checks-module.js';
import { dataUrl } from '../util/data-url.js';
import type { JsonSchema } from '../emit/validators/lower-schema.js';
import { loadValidatorRuntime, type ValidatorRuntime } from '../emit/validators/runtime-format.js';
import { compiledOrDiagnosed } from '../emit/validators/emit-validators.js';
import { ValidatorCompileError } from '../emit/validators/schema-check.js';
import { compileValidatorCode } from '../emit/validators/validator-code.js';
import { collectValidators, type ValidatorEntry, type ValidatorSet } from '../emit/validators/validator-set.js';
import { parseDocument } from '../ir/parse-document.js';
import type { ApiModel, OperationNode } from '../ir/types.js';
import { locatorOf } from '../diff/keyword-places.js';
import { loadDocument } from '../load/load-document.js';
import { importChecks, type Check } from '../validate/checks.js';

/** A spec ready for HTTP traffic: the model, the checks compiled so far, and the lowered schemas (to sample values from). */
export interface TrafficSpec {
  model: ApiModel;
  /** Each validator entry's check, by name: all of them, or (on demand) those of the operations prepared so far. */
  checks: ReadonlyMap<string, Check>;
  defs: Readonly<Record<string, JsonSchema>>;
  /** Resolves once `checks` holds the operation's (compiling them the first time an operation is met, on demand). */
  prepare(operation: OperationNode): Promise<void>;
  /** The file, line and column of a node of the shipped document, when the spec is one file (its pointers are the file's). */
  locate(pointer: string): { file: string; line: number; column: number } | undefined;
}

/** When validators are compiled: all at load (`all`), or each operation's on its first request (`on-demand`). */
export type CompileWhen = 'all' | 'on-demand';

/**
 * Reads a spec and compiles its validator entries as the generated packages do (all-errors mode, messages
 * naming the spec's files and lines), into modules imported from memory: all at once, or per operation on
 * demand, so that a server for GitHub's 1,000 operations starts in the time it takes to read the spec.
 */
export async function loadTrafficSpec({
  spec,
  root,
  compile = 'all',
}: {
  spec: string;
  root: string;
  compile?: CompileWhen;
}): Promise<{ spec?: TrafficSpec; diagnostics: Diagnostic[] }> {
  const loaded = await loadDocument({ entry: spec, root, lintOpenApiSchema: false });
  if (!loaded.ok) return { diagnostics: loaded.diagnostics };
  const model = parseDocument(loaded.loaded);
  const runtime = await loadValidatorRuntime();
  const set = collectValidators(model, runtime.formatTypes, { patternRisk: () => undefined, locations: 'source' });
  const checks = new Map<string, Check>();
  const single = loaded.loaded.resolver.files.size === 1 ? locatorOf(loaded.loaded) : undefined;
  const file = loaded.loaded.root.displayPath;
  const locate = (pointer: string) => {
    const found = single?.(file, pointer);
    return found === undefined ? undefined : { file, line: found.line, column: found.column };
  };
  if (compile === 'on-demand') return { spec: { ...onDemand({ model, set, runtime, checks }), locate }, diagnostics: loaded.diagnostics };
  try {
    for (const [name, check] of await compileEntries({ model, set, runtime, entries: set.entries })) checks.set(name, check);
  } catch (error) {
    if (error instanceof ValidatorCompileError) return { diagnostics: [...loaded.diagnostics, ...error.diagnostics] };
    throw error;
  }
  return { spec: { model, checks, defs: set.defs, prepare: async () => {}, locate }, diagnostics: loaded.diagnostics };
}

interface Compilation {
  model: ApiModel;
  set: ValidatorSet;
  runtime: ValidatorRuntime;
}

/** Entries compiled into one module, and its checks. */
async function compileEntries({ model, set, runtime, entries }: Compilation & { entries: ValidatorEntry[] }): Promise<Map<string, Check>> {
  if (entries.length === 0) return new Map();
  const code = compiledOrDiagnosed(model, () => compileValidatorCode({ set: { entries, defs: set.defs }, runtime }));
  return importChecks(dataUrl(checksModule({ code, entries, origins: set.origins(), runtime })));
}

/** Each operation's entries (its parameters, body and responses) compiled the first time it is prepared. */
function onDemand({ model, set, runtime, checks }: Compilation & { checks: Map<string, Check> }): Omit<TrafficSpec, 'locate'> {
  const byName = new Map(set.entries.map((entry) => [entry.name, entry]));
  // By the operation itself: two operations may share an operationId (a webhook's and a path's).
  const pending = new Map<OperationNode, Promise<void>>();
  const prepare = (operation: OperationNode): Promise<void> => {
    let ready = pending.get(operation);
    if (ready === undefined) {
      const { names } = operation;
      const wanted = [names.params.path, names.params.query, names.params.header, names.requestBody, ...Object.values(names.response)];
      const entries = [...new Set(wanted)].map((name) => byName.get(name)).filter((entry) => entry !== undefined);
      ready = compileEntries({ model, set, runtime, entries }).then((compiled) => {
        for (const [name, check] of compiled) checks.set(name, check);
      });
      pending.set(operation, ready);
    }
    return ready;
  };
  return { model, checks, defs: set.defs, prepare };
}
