import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { compileValidatorStatements, type CompiledValidators, type RuntimeFormat } from './compile-validators.js';
import type { ValidatorSet } from './validator-set.js';

/**
 * The first-error and all-errors compilations of a set, side by side in two worker threads: each is
 * AJV code generation over every schema, independent of the other, so two cores halve the wall time on
 * a large spec. Where the compiled worker module is not there (the sources run directly, as in tests),
 * both run here, one after the other.
 */
export async function compileBoth({
  set,
  formats,
  runtimeFile,
}: {
  set: ValidatorSet;
  formats: Readonly<Record<string, RuntimeFormat>>;
  runtimeFile: string;
}): Promise<[first: CompiledValidators, all: CompiledValidators]> {
  const worker = new URL('./compile-worker.js', import.meta.url);
  if (!existsSync(fileURLToPath(worker))) {
    return [compileValidatorStatements({ set, formats, allErrors: false }), compileValidatorStatements({ set, formats, allErrors: true })];
  }
  const run = (allErrors: boolean) =>
    new Promise<CompiledValidators>((resolve, reject) => {
      // No inherited flags: the parent may run with --input-type or -e, which a worker module refuses.
      const thread = new Worker(worker, {
        execArgv: [],
        workerData: { set: { entries: set.entries, defs: set.defs }, allErrors, runtimeFile },
      });
      thread.once('message', resolve);
      thread.once('error', reject);
      thread.once('exit', (code) => {
        if (code !== 0) reject(new Error(`validator compilation stopped with exit code ${code}`));
      });
    });
  return Promise.all([run(false), run(true)]);
}
