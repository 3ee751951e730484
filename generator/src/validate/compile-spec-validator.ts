import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { checksModule } from '../emit/validators/checks-module.js';
import { loadValidatorRuntime } from '../emit/validators/runtime-format.js';
import { compiledOrDiagnosed } from '../emit/validators/emit-validators.js';
import { ValidatorCompileError } from '../emit/validators/schema-check.js';
import { compileValidatorCode } from '../emit/validators/validator-code.js';
import { didYouMean } from '../util/did-you-mean.js';
import { collectValidators, type ValidatorEntry } from '../emit/validators/validator-set.js';
import { parseDocument } from '../ir/parse-document.js';
import type { ApiModel } from '../ir/types.js';
import { loadDocument } from '../load/load-document.js';
import type { ValidateTarget } from './validate-target.js';

/** One target of a spec compiled into an ES module that exports its check under `name` (checks-module.ts). */
export interface CompiledTarget {
  name: string;
  code: string;
  /** Absolute paths of every file the spec was read from. */
  files: string[];
}

export type CompileResult =
  { ok: true; compiled: CompiledTarget; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[]; problem?: string };

/**
 * Reads a spec and compiles the validator of one target with the same lowering, compilation (validator-code.ts),
 * formats and messages as the generated packages (all-errors mode: the CLI reports every issue).
 */
export async function compileSpecTarget({
  spec,
  target,
  root,
}: {
  spec: string;
  target: ValidateTarget;
  root: string;
}): Promise<CompileResult> {
  const result = await compileSpecTargets({ spec, targets: [target], root });
  if (!result.ok) return result;
  const name = result.names[0];
  if (name === undefined) return { ok: false, diagnostics: result.diagnostics, problem: result.problems[0]! };
  return { ok: true, compiled: { name, code: result.code, files: result.files }, diagnostics: result.diagnostics };
}

export type CompileManyResult =
  | {
      ok: true;
      /** Per target: the name the module exports its check under, or undefined when the spec has no such target. */
      names: (string | undefined)[];
      /** Per target without a name: what the spec has instead. */
      problems: (string | undefined)[];
      code: string;
      files: string[];
      diagnostics: Diagnostic[];
    }
  | { ok: false; diagnostics: Diagnostic[]; problem?: string };

/** Several targets of one spec in one module (one load, one compilation), for fixture folders. */
export async function compileSpecTargets({
  spec,
  targets,
  root,
}: {
  spec: string;
  targets: ValidateTarget[];
  root: string;
}): Promise<CompileManyResult> {
  // The OpenAPI schema check is left to `specsmith generate` and CI (references and operations are still checked).
  const loaded = await loadDocument({ entry: spec, root, lintOpenApiSchema: false });
  if (!loaded.ok) return { ok: false, diagnostics: loaded.diagnostics };
  const model = parseDocument(loaded.loaded);
  const runtime = await loadValidatorRuntime();
  // Notes (unknown formats, risky patterns) are for `specsmith generate`; the CLI does not print them.
  const set = collectValidators(model, runtime.formatTypes, {
    patternRisk: () => undefined,
    // The spec on disk is what the user runs this against, so messages name its files and lines.
    locations: 'source',
  });
  const found = targets.map((target) => findEntry(model, set.entries, target));
  const entries = [...new Set(found.filter((entry): entry is ValidatorEntry => typeof entry !== 'string'))];
  const files = [...loaded.loaded.resolver.files.keys()];
  const names = found.map((entry) => (typeof entry === 'string' ? undefined : entry.name));
  const problems = found.map((entry) => (typeof entry === 'string' ? entry : undefined));
  if (entries.length === 0) return { ok: true, names, problems, code: '', files, diagnostics: loaded.diagnostics };
  let compiled;
  try {
    compiled = compiledOrDiagnosed(model, () => compileValidatorCode({ set: { entries, defs: set.defs }, runtime }));
  } catch (error) {
    if (error instanceof ValidatorCompileError) return { ok: false, diagnostics: [...loaded.diagnostics, ...error.diagnostics] };
    throw error;
  }
  const code = checksModule({ code: compiled, entries, origins: set.origins(), runtime });
  return { ok: true, names, problems, code, files, diagnostics: loaded.diagnostics };
}

const parts: Record<string, (names: ApiModel['operations'][number]['names']) => string | undefined> = {
  body: (names) => names.requestBody,
  path: (names) => names.params.path,
  query: (names) => names.params.query,
  headers: (names) => names.params.header,
};

/** The validator entry a target names, or a sentence saying what is available instead. */
function findEntry(model: ApiModel, entries: ValidatorEntry[], target: ValidateTarget): ValidatorEntry | string {
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  if ('schema' in target) {
    const named = model.schemas.find((schema) => schema.specName === target.schema || schema.name === target.schema);
    const entry = byName.get(named?.name ?? target.schema);
    if (entry !== undefined) return entry;
    const names = model.schemas.map((schema) => schema.specName);
    return `no schema ${JSON.stringify(target.schema)}.${didYouMean(target.schema, names)} The spec has ${names.join(', ') || 'none'}.`;
  }
  const operation = model.operations.find((candidate) => candidate.id === target.operation);
  if (operation === undefined) {
    const ids = model.operations.map((candidate) => candidate.id);
    return `no operation ${JSON.stringify(target.operation)}.${didYouMean(target.operation, ids)} The spec has ${ids.join(', ') || 'none'}.`;
  }
  const status = /^response\.(.+)$/.exec(target.part)?.[1];
  const name = status !== undefined ? operation.names.response[status] : parts[target.part]?.(operation.names);
  const entry = name === undefined ? undefined : byName.get(name);
  if (entry !== undefined) return entry;
  const available = [
    ...Object.entries(parts)
      .filter(([, nameOf]) => byName.has(nameOf(operation.names) ?? ''))
      .map(([part]) => part),
    ...Object.entries(operation.names.response)
      .filter(([, typeName]) => byName.has(typeName))
      .map(([code]) => `response.${code}`),
  ];
  return `${operation.id} has no ${JSON.stringify(target.part)} to validate.${didYouMean(target.part, available)} It has ${available.join(', ') || 'nothing'}.`;
}
