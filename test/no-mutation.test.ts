import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitPackage } from '../generator/src/emit/package/emit-package.js';
import { loadDocument, parseDocument } from '../generator/src/index.js';
import { listSpecs } from './support/fixtures.js';
import { fixturesDir, repoRoot } from './support/paths.js';

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}

describe('the pipeline does not mutate its input', () => {
  it.each(listSpecs(fixturesDir))('%s', async (file) => {
    const loaded = await loadDocument({ entry: path.join(fixturesDir, file), root: repoRoot });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
    const files = [...loaded.loaded.resolver.files.values()];
    const before = structuredClone(files.map((source) => source.value));
    for (const source of files) deepFreeze(source.value);
    // Frozen input: any write in parse or emit throws in strict-mode module code.
    const model = parseDocument(loaded.loaded);
    await emitPackage({
      model,
      packageName: '@fixtures/frozen',
      format: { mode: 'none', limit: 0 },
      command: 'test',
      write: async () => {},
    });
    expect(files.map((source) => source.value)).toEqual(before);
  });
});
