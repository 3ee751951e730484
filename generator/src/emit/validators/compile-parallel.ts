import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { compileValidatorStatements, type RuntimeFormat } from './compile-validators.js';
import { compiledBody, type CompiledBody } from './validator-modules.js';
import type { ValidatorSet } from './validator-set.js';

/**
 * The first-error and all-errors compilations of a set, side by side in two worker threads: each is
 * AJV code generation over every schema, independent of the other, so two cores halve the wall time on
 * a large spec, and emitPackage emits the types on the main thread meanwhile. Where the compiled worker
 * module is not there (the sources run directly, as in tests), both run here, one after the other.
 *
 * Why two compilations and not one (measured by bench/validators, issue #12):
 * - `is*` answered by the all-errors functions: on valid payloads 1.25× and 0.68× a hand-written check's
 *   speed where the first-error ones reach 1.52× and 1.46× (typia 1.06× and 0.79×), and on invalid ones
 *   0.21× and 0.08× (typia 0.93× and 1.11×). It would fall below both targets of the validators.
 * - `assert*` and Standard Schema from the first-error functions would report one issue, not every one.
 * - All-errors compiled lazily at the first `assert*` needs a JSON Schema compiler in the package at run
 *   time: AJV as a dependency, and `new Function`, which a Content-Security-Policy without
 *   'unsafe-eval' refuses. The packages are precompiled and have no runtime dependency.
 * So both are compiled, and what is cut is what each costs: AJV does not evaluate the functions it
 * generates (create-ajv.ts), only the first-error compilation checks the schemas against the
 * meta-schema, and the types no longer wait for them. On GitHub's REST description each compilation takes
 * about 3 s of one core. Each comes back as the encoded body of its modules (compiledBody), moved from the
 * worker without a copy.
 */
export async function compileBoth({
  set,
  formats,
  runtimeFile,
  runtimeNames,
  heapBudgetMb = defaultHeapBudgetMb,
}: {
  set: ValidatorSet;
  formats: Readonly<Record<string, RuntimeFormat>>;
  runtimeFile: string;
  /** What the runtime module exports (compiledBody imports those the code uses). */
  runtimeNames: string[];
  /** The old generation a worker starts with (see defaultHeapBudgetMb). */
  heapBudgetMb?: number;
}): Promise<[first: CompiledBody, all: CompiledBody]> {
  const worker = new URL('./compile-worker.js', import.meta.url);
  if (!existsSync(fileURLToPath(worker))) {
    return [
      compiledBody(compileValidatorStatements({ set, formats, allErrors: false }), runtimeNames),
      compiledBody(compileValidatorStatements({ set, formats, allErrors: true, checkSchemas: false }), runtimeNames),
    ];
  }
  const start = (allErrors: boolean, budget: number | undefined) =>
    new Promise<CompiledBody>((resolve, reject) => {
      // No inherited flags: the parent may run with --input-type or -e, which a worker module refuses.
      const thread = new Worker(worker, {
        execArgv: [],
        ...(budget === undefined
          ? {}
          : { resourceLimits: { maxOldGenerationSizeMb: budget, maxYoungGenerationSizeMb: youngGenerationMb } }),
        // The same schemas go to both: the first-error compilation checks them against the meta-schema once.
        workerData: { set: { entries: set.entries, defs: set.defs }, allErrors, checkSchemas: !allErrors, runtimeFile, runtimeNames },
      });
      thread.once('message', resolve);
      thread.once('error', reject);
      thread.once('exit', (code) => {
        if (code !== 0) reject(new Error(`validator compilation stopped with exit code ${code}`));
      });
    });
  const run = (allErrors: boolean) =>
    start(allErrors, heapBudgetMb).catch((error: unknown) => {
      if ((error as { code?: unknown }).code !== 'ERR_WORKER_OUT_OF_MEMORY') throw error;
      return start(allErrors, undefined);
    });
  return Promise.all([run(false), run(true)]);
}

/**
 * V8 sizes a thread's heap by how fast it allocates, not by what it keeps: on GitHub's REST description
 * each compilation completes within a 112 MB old generation, yet each worker let its heap reach about 500 MB before
 * collecting, and the two together were most of the run's peak. With this budget V8 collects sooner. A
 * compilation that needs more than the budget runs out of it (ERR_WORKER_OUT_OF_MEMORY) and runs again
 * without one: slower, never refused.
 */
const defaultHeapBudgetMb = 160;

/**
 * AJV's code generation makes short-lived objects at a high rate: with V8's default young generation a
 * quarter of a compilation's time went to collecting them. Three times the default semi-space (96 MB of
 * young generation, 32 MB semi-spaces), with the old generation's budget down from 192 to 160 MB to pay
 * for it, took a GitHub REST run from a median of 7.8 s to 7.1 s (seven interleaved pairs, with the loaded
 * document no longer kept, generate.ts), its peak from 892–924 MB to 920–942 MB.
 */
const youngGenerationMb = 96;
