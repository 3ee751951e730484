import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { formats } from '../templates/validators/runtime.js';
import { compileValidatorStatements } from '../generator/src/emit/validators/compile-validators.js';
import { compiledBody, templateExports, type CompiledBody } from '../generator/src/emit/validators/validator-modules.js';
import type { compileInWorker as CompileInWorker } from '../generator/src/emit/validators/compile-parallel.js';
import { repoRoot } from './support/paths.js';
import { codeNames, manyEnums, petAndOwner } from './support/validator-sets.js';

/**
 * The worker threads exist only in the built generator (`make` builds it before the tests): run from
 * the sources, compileInWorker compiles in the test's own thread.
 */
const built = path.join(repoRoot, 'generator/dist/emit/validators');
const { compileInWorker } = (await import(pathToFileURL(path.join(built, 'compile-parallel.js')).href)) as {
  compileInWorker: typeof CompileInWorker;
};

const runtimeFile = path.join(repoRoot, 'templates/validators/runtime.js');
const runtimeNames = [runtimeFile, path.join(repoRoot, 'templates/validators/api.js')].flatMap((file) =>
  templateExports(readFileSync(file, 'utf8')),
);
const set = {
  ...petAndOwner,
  origins: () => ({ files: [], notes: [], defs: {} }),
  notes: [],
};
const text = (body: CompiledBody) => Buffer.from(body.bytes).toString('utf8');
type Schemas = Parameters<typeof compileValidatorStatements>[0]['set'];
const inThisThread = (of: Schemas = set) => text(compiledBody(compileValidatorStatements({ set: of, formats }), runtimeNames));
const asSet = (of: Schemas) => ({ ...set, ...of });

describe('the compilation in a worker thread', () => {
  it('gives the code a compilation in this thread gives', async () => {
    const compiled = text(await compileInWorker({ set, formats, runtimeFile, runtimeNames }));
    expect(compiled).toBe(inThisThread());
    expect(compiled).toMatch(/^function validate\d+\(data, instancePath="", stop\)\{/m);
  });

  it('rewrites the statements of a compilation posted in many batches as they come, to the code one batch gives', async () => {
    const compiled = text(await compileInWorker({ set: asSet(manyEnums), formats, runtimeFile, runtimeNames }));
    // More than ten batches of the worker's (compile-worker.ts).
    expect(compiled.length).toBeGreaterThan(1_500_000);
    expect(compiled).toBe(inThisThread(manyEnums));
  });

  it('compiles again without relative paths when a statement does not fit them', async () => {
    const compiled = text(await compileInWorker({ set: asSet(codeNames), formats, runtimeFile, runtimeNames }));
    expect(compiled).toBe(inThisThread(codeNames));
    expect(compiled).toMatch(/^function validate\d+\(data, \{instancePath="", parentData, /m);
    expect(compiled).not.toMatch(/nestedErrors/);
  });

  it('reports the schemas the meta-schema refuses, and compiles nothing', async () => {
    const refusing = asSet({ ...petAndOwner, defs: { ...petAndOwner.defs, Owner: { type: 'string', minLength: -1 } } });
    await expect(compileInWorker({ set: refusing, formats, runtimeFile, runtimeNames })).rejects.toMatchObject({
      name: 'SchemasRefused',
      refused: [{ def: 'Owner', reason: expect.stringContaining('minimum') as unknown }],
    });
  });

  it('runs again without a heap budget when one runs out of it', async () => {
    // A budget no compilation fits in: the worker is stopped by V8, as it would be on a spec too large.
    const starved = new Worker(path.join(built, 'compile-worker.js'), {
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: 1 },
      workerData: { set: { entries: set.entries, defs: set.defs }, runtimeFile, runtimeNames },
    });
    await expect(new Promise((resolve, reject) => starved.once('message', resolve).once('error', reject))).rejects.toMatchObject({
      code: 'ERR_WORKER_OUT_OF_MEMORY',
    });
    expect(text(await compileInWorker({ set, formats, runtimeFile, runtimeNames, heapBudgetMb: 1 }))).toBe(inThisThread());
  });
});
