import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { compileValidatorStatements, type RuntimeFormat } from './compile-validators.js';
import type { ValidatorSet } from './validator-set.js';

/** Worker side of compileInWorkers (compile-parallel.ts): one AJV compilation of a validator set. */
const { set, allErrors, checkSchemas, runtimeFile } = workerData as {
  set: Pick<ValidatorSet, 'entries' | 'defs'>;
  allErrors: boolean;
  checkSchemas: boolean;
  runtimeFile: string;
};
const runtime = (await import(pathToFileURL(runtimeFile).href)) as { formats: Record<string, RuntimeFormat> };
parentPort?.postMessage(compileValidatorStatements({ set, formats: runtime.formats, allErrors, checkSchemas }));
