import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { ajvStatements, refusedSchemas, type RuntimeFormat } from './compile-validators.js';
import type { FromWorker } from './compile-parallel.js';
import type { ValidatorSet } from './validator-set.js';

/**
 * Worker side of compileInWorker (compile-parallel.ts): AJV's code generation over a validator set. Its
 * statements go to the main thread as they come, a batch of about `batchSize` characters at a time, and
 * are rewritten there while this thread compiles the next ones.
 */
const { set, runtimeFile } = workerData as { set: Pick<ValidatorSet, 'entries' | 'defs'>; runtimeFile: string };
const runtime = (await import(pathToFileURL(runtimeFile).href)) as { formats: Record<string, RuntimeFormat> };
const post = (message: FromWorker) => parentPort?.postMessage(message);

/**
 * Small enough that the main thread, once done with its own emission, keeps pace and has little left when
 * the compilation ends; large enough that the messages cost nothing that counts (a few hundred on GitHub's
 * REST description).
 */
const batchSize = 100_000;

// The meta-schema's check first, here rather than on the main thread (refusedSchemas).
const refused = refusedSchemas({ defs: set.defs, formats: runtime.formats });
if (refused.length > 0) post({ refused });
else post({ entries: compile() });

function compile(): string[] {
  let batch: Extract<FromWorker, { statements: string[] }> = { statements: [], defOf: [] };
  let size = 0;
  const flush = () => {
    if (batch.statements.length > 0) post(batch);
    batch = { statements: [], defOf: [] };
    size = 0;
  };
  const entries = ajvStatements({
    set,
    formats: runtime.formats,
    checkSchemas: false,
    take: (statements, defOf) => {
      for (const statement of statements) {
        batch.statements.push(statement);
        size += statement.length;
      }
      batch.defOf.push(...defOf);
      if (size >= batchSize) flush();
    },
  });
  flush();
  return entries;
}
