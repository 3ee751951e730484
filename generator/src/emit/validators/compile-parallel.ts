import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  compileValidatorStatements,
  finishModule,
  refusedSchemas,
  SchemasRefused,
  type CompiledValidators,
  type RuntimeFormat,
} from './compile-validators.js';
import { StatementRewriter } from './rewrite-statements.js';
import { compiledBody, type CompiledBody } from './validator-modules.js';
import type { ValidatorSet } from './validator-set.js';

/**
 * The compilation of a set in a worker thread: the lowered schemas checked against the meta-schema
 * (SchemasRefused when it refuses one), then AJV code generation over every schema, while emitPackage
 * emits the types, the client and validators.js on the main thread. The worker posts AJV's statements in
 * batches as it goes, and this thread rewrites them (StatementRewriter) as they come, between the steps of
 * its own emission and once it is done with it. Where the compiled worker module is not there (the sources
 * run directly, as in tests), it all runs here.
 *
 * One compilation, collecting every problem, answers `is*`, `assert*` and Standard Schema: `is*` asks
 * the same functions to stop at the first problem (stop-at-first.ts). Until issue #12 a second, first-error
 * compilation answered `is*`. Measured against it, interleaved in one process on the curated packages,
 * `is*` is within a tenth (valid payloads 0.85–1.00×, invalid ones 0.94–1.35×: a problem allocates
 * nothing) and stays above typia's speed in bench/validators, while on GitHub's REST description the
 * compiled code per module format went from 50 to 25 MB, the CPU time of a generation from 11.2 to about
 * 8 s and its wall time from 2.33× to 1.8–2× openapi-typescript's (bench/RESULTS.md).
 *
 * On that spec the worker's AJV code generation takes about 2.2 s of one core and the rewrites 1 s. With
 * both in the worker, the main thread waited for it the last 2.2 s of a run; rewritten here as they come,
 * only the module's own steps (withKeySets, cutting the schema constants, parsing them) are left when the worker
 * ends, and a run took 0.92× the time (median of four interleaved pairs).
 *
 * Tried on the compilation itself, without a gain: two workers, each compiling half of the entries (and
 * the schemas they reach, 9% of them in both): the wall time stayed the same for 1.2 s more CPU, 150 MB
 * more peak memory and 5 MB more code. The main thread compiling every fifth entry once it had emitted the
 * rest (the other part's schemas compiled as empty stubs, renamed at the merge): the wall time did not
 * move in three interleaved rounds, for 0.7 s more CPU. Starting the worker before the spec is read: eight
 * pairs, median 1.01×. Two allocating threads slow each other (two such processes ran at 1.2 to 1.4
 * times one's time on the machines measured), so what counts is work that is not done twice.
 */
export async function compileInWorker({
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
  /** The old generation the worker starts with (see defaultHeapBudgetMb). */
  heapBudgetMb?: number;
}): Promise<CompiledBody> {
  const worker = new URL('./compile-worker.js', import.meta.url);
  if (!existsSync(fileURLToPath(worker))) {
    const refused = refusedSchemas({ defs: set.defs, formats });
    if (refused.length > 0) throw new SchemasRefused(refused);
    return compiledBody(compileValidatorStatements({ set, formats }), runtimeNames);
  }
  const workerData = { set: { entries: set.entries, defs: set.defs }, runtimeFile };
  const attempt = (relativePaths: boolean) =>
    compileOnce({ worker, workerData, relativePaths, budget: heapBudgetMb }).catch((error: unknown) => {
      if ((error as { code?: unknown }).code !== 'ERR_WORKER_OUT_OF_MEMORY') throw error;
      return compileOnce({ worker, workerData, relativePaths, budget: undefined });
    });
  const compiled = (await attempt(true)) ?? (await attempt(false));
  return compiledBody(compiled as CompiledValidators, runtimeNames);
}

/**
 * What the worker posts: the schemas the meta-schema refuses, and nothing else; or batches of statements as
 * AJV gave them, then the function name of each entry.
 */
export type FromWorker =
  { refused: { def: string; reason: string }[] } | { statements: string[]; defOf: [string, string][] } | { entries: string[] };

/** One compilation in a worker, its statements rewritten here as they come; undefined when unfit for relativePaths. */
function compileOnce({
  worker,
  workerData,
  relativePaths,
  budget,
}: {
  worker: URL;
  workerData: unknown;
  relativePaths: boolean;
  budget: number | undefined;
}): Promise<CompiledValidators | undefined> {
  return new Promise((resolve, reject) => {
    const rewriter = new StatementRewriter({ relativePaths });
    // No inherited flags: the parent may run with --input-type or -e, which a worker module refuses.
    const thread = new Worker(worker, {
      execArgv: [],
      ...(budget === undefined ? {} : { resourceLimits: { maxOldGenerationSizeMb: budget, maxYoungGenerationSizeMb: youngGenerationMb } }),
      workerData,
    });
    thread.on('message', (message: FromWorker) => {
      try {
        if ('refused' in message) return reject(new SchemasRefused(message.refused));
        if ('entries' in message) return resolve(finishModule(rewriter, message.entries));
        rewriter.add(message.statements, message.defOf);
        if (!rewriter.unfit) return;
        void thread.terminate();
        resolve(undefined);
      } catch (error) {
        void thread.terminate();
        reject(error as Error);
      }
    });
    thread.once('error', reject);
    thread.once('exit', (code) => {
      if (code !== 0) reject(new Error(`validator compilation stopped with exit code ${code}`));
    });
  });
}

/**
 * V8 sizes a thread's heap by how fast it allocates, not by what it keeps: on GitHub's REST description
 * the compilation completes within a 112 MB old generation, yet a worker let its heap reach about 500 MB
 * before collecting, and two such workers (when `is*` had a compilation of its own) were most of the run's
 * peak. With this budget V8 collects sooner. With one worker it went from 160 to 320 MB: collecting less
 * often took 4% off a GitHub REST run (three interleaved pairs) for 15 to 65 MB more peak, under 850 MB.
 * A compilation that needs more than the budget runs out of it (ERR_WORKER_OUT_OF_MEMORY) and runs again
 * without one: slower, never refused.
 */
const defaultHeapBudgetMb = 320;

/**
 * AJV's code generation makes short-lived objects at a high rate: with V8's default young generation a
 * quarter of a compilation's time went to collecting them. Three times the default semi-space (96 MB of
 * young generation, 32 MB semi-spaces), with the old generation's budget down from 192 to 160 MB to pay
 * for it, took a GitHub REST run from a median of 7.8 s to 7.1 s (seven interleaved pairs, with the loaded
 * document no longer kept, generate.ts), its peak from 892–924 MB to 920–942 MB.
 */
const youngGenerationMb = 96;
