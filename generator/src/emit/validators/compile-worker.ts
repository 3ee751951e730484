import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { compileValidatorStatements, type RuntimeFormat } from './compile-validators.js';
import { compiledBody } from './validator-modules.js';
import type { ValidatorSet } from './validator-set.js';

/** Worker side of compileInWorker (compile-parallel.ts): the AJV compilation of a validator set. */
const { set, runtimeFile, runtimeNames } = workerData as {
  set: Pick<ValidatorSet, 'entries' | 'defs'>;
  runtimeFile: string;
  runtimeNames: string[];
};
const runtime = (await import(pathToFileURL(runtimeFile).href)) as { formats: Record<string, RuntimeFormat> };
// The main thread checks the schemas against the meta-schema meanwhile (emitValidators).
const body = compiledBody(compileValidatorStatements({ set, formats: runtime.formats }), runtimeNames);
// The bytes are moved to the main thread, not copied.
parentPort?.postMessage(body, [body.bytes.buffer]);
