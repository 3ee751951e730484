import type { CoverageGap } from './construct/coverage.js';
import { constructedBody, constructValidators } from './construct/construct-validators.js';
import { fallbackModule, type FallbackEntry } from './fallback-module.js';
import type { ValidatorRuntime } from './runtime-format.js';
import type { CompiledBody } from './validator-modules.js';
import type { ValidatorEntry, ValidatorSet } from './validator-set.js';

/** Where and how the fallback module is written: its format, header, and the specifiers it imports by. */
export type FallbackOptions = Omit<Parameters<typeof fallbackModule>[0], 'defs' | 'entries' | 'formats'>;

/** The compiled checks of a validator set, as `generate`, `validate` and `mock` all run them. */
export interface ValidatorCode {
  /** The module of checks emitted by construction (construct/): one function per schema, each entry's check its schema's. */
  body: CompiledBody;
  /** The entries the emitter does not cover, with why; their checks call AJV's code in the fallback module. */
  fellBack: { entry: ValidatorEntry; gaps: CoverageGap[] }[];
  /** AJV's standalone module for those entries; undefined when every entry is covered. */
  fallback: ((options: FallbackOptions) => string) | undefined;
}

/**
 * The one place validators are compiled: every entry of the set emitted by construction, and the few
 * schemas the emitter leaves to AJV (`unevaluated*`, a `$ref` by `$id`) compiled by AJV's standaloneCode behind
 * the same entry signature.
 */
export function compileValidatorCode({
  set,
  runtime,
}: {
  set: Pick<ValidatorSet, 'entries' | 'defs'>;
  runtime: Pick<ValidatorRuntime, 'exports' | 'formats' | 'formatTypes'>;
}): ValidatorCode {
  const constructed = constructValidators({
    defs: set.defs,
    entries: set.entries,
    formats: runtime.formatTypes,
    // Every name the runtime module exports is kept free in the compiled module, whether it imports it or not.
    runtimeExports: runtime.exports,
    fallback: true,
  });
  const fellBack = constructed.uncovered.map(({ entry, gaps }) => ({ entry, gaps }));
  const fallbackEntries = new Map<string, FallbackEntry>();
  for (const { entry, imported } of constructed.uncovered)
    if (imported !== undefined) fallbackEntries.set(imported, { exported: imported, def: entry.compiledAs ?? entry.def });
  const entries = [...fallbackEntries.values()];
  const body = constructedBody(constructed);
  if (entries.length === 0) return { body, fellBack, fallback: undefined };
  const fallback = (options: FallbackOptions) => fallbackModule({ ...options, defs: set.defs, entries, formats: runtime.formats });
  // Compiled once here, so that a schema AJV refuses too (a pattern no engine compiles) is known before any file is written.
  try {
    fallback({ format: 'esm' });
  } catch (error) {
    throw new FallbackRefused(
      fellBack.map(({ entry }) => entry),
      error instanceof Error ? error.message : String(error),
    );
  }
  return { body, fellBack, fallback };
}

/** AJV refused the schemas left to it: neither compiler can check them. */
export class FallbackRefused extends Error {
  constructor(
    readonly entries: ValidatorEntry[],
    readonly reason: string,
  ) {
    super(`AJV cannot compile ${entries.map((entry) => entry.name).join(', ')}: ${reason}`);
    this.name = 'FallbackRefused';
  }
}
