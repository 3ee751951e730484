import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitPackage } from '../generator/src/emit/package/emit-package.js';
import { loadDocument, parseDocument } from '../generator/src/index.js';
import type { FileContent } from '../generator/src/shared/file-content.js';
import { openPackage } from '../generator/src/write/write-package.js';
import { readTree } from './support/files.js';
import { fixturesDir, repoRoot, temporaryDirectory } from './support/paths.js';

/** A package folder with an earlier output in it, and what its parent holds besides. */
function earlierPackage() {
  const parent = temporaryDirectory('write-package');
  const outDir = path.join(parent, 'pkg');
  mkdirSync(outDir);
  writeFileSync(path.join(outDir, 'old.js'), 'old');
  return { parent, outDir };
}

describe('a package folder written file by file', () => {
  it('replaces the old folder only on commit, with text and pieces of bytes written as given', async () => {
    const { parent, outDir } = earlierPackage();
    const writer = await openPackage(outDir);
    await writer.write('index.js', 'text ✓\n');
    await writer.write('nested/mod.cjs', [Buffer.from('head\n'), Buffer.from('body ✓\n'), Buffer.from('tail\n')]);
    // Until the commit the old output is what a reader sees.
    expect(readTree(outDir)).toEqual({ 'old.js': 'old' });
    await writer.commit();
    expect(readTree(outDir)).toEqual({ 'index.js': 'text ✓\n', 'nested/mod.cjs': 'head\nbody ✓\ntail\n' });
    expect(readdirSync(parent)).toEqual(['pkg']);
  });

  it('leaves the old folder as it was when discarded, and nothing of the new one', async () => {
    const { parent, outDir } = earlierPackage();
    const writer = await openPackage(outDir);
    await writer.write('index.js', 'new');
    await writer.discard();
    expect(readTree(outDir)).toEqual({ 'old.js': 'old' });
    expect(readdirSync(parent)).toEqual(['pkg']);
  });

  it('puts the old folder back when the new one cannot take its place', async () => {
    const { parent, outDir } = earlierPackage();
    const writer = await openPackage(outDir);
    await writer.write('index.js', 'new');
    // The new folder gone before the commit (a cleaner, another run): its rename fails.
    rmSync(path.join(parent, `.pkg.specsmith-new-${process.pid}`), { recursive: true });
    await expect(writer.commit()).rejects.toMatchObject({ code: 'ENOENT' });
    expect(readTree(outDir)).toEqual({ 'old.js': 'old' });
    expect(readdirSync(parent)).toEqual(['pkg']);
  });

  it('removes the new folders of runs that stopped before the end, and only those', async () => {
    const { parent, outDir } = earlierPackage();
    // A process that has exited: its pid names no running process.
    const stopped = spawnSync(process.execPath, ['-e', '0']).pid;
    const leftovers = [
      `.pkg.specsmith-new-${stopped}`,
      `.pkg.specsmith-new-${process.ppid}`,
      `.pkg.specsmith-old-${stopped}`,
      '.pkgx.specsmith-new-1x',
    ];
    for (const name of leftovers) {
      mkdirSync(path.join(parent, name));
      writeFileSync(path.join(parent, name, 'index.js'), 'left over');
    }
    const writer = await openPackage(outDir);
    await writer.write('index.js', 'new');
    await writer.commit();
    // A running process's folder stays, and so does an old folder: it may hold the only previous package.
    expect(readdirSync(parent).sort()).toEqual(
      [`.pkg.specsmith-new-${process.ppid}`, `.pkg.specsmith-old-${stopped}`, '.pkgx.specsmith-new-1x', 'pkg'].sort(),
    );
  });

  it('creates the folder when there was none', async () => {
    const outDir = path.join(temporaryDirectory('write-package'), 'a', 'b');
    const writer = await openPackage(outDir);
    await writer.write('package.json', '{}');
    await writer.commit();
    expect(readTree(outDir)).toEqual({ 'package.json': '{}' });
  });
});

describe('emitPackage hands each file to the writer as it is made', () => {
  it('gives the compiled validator modules as bytes, one body shared by both module formats', async () => {
    const loaded = await loadDocument({ entry: path.join(fixturesDir, 'object-basic.yaml'), root: repoRoot });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
    const written = new Map<string, FileContent>();
    const result = await emitPackage({
      model: parseDocument(loaded.loaded),
      packageName: '@fixtures/pieces',
      format: { mode: 'none', limit: 0 },
      command: 'test',
      write: async (relative, content) => {
        expect(written.has(relative), `${relative} written once`).toBe(false);
        written.set(relative, content);
      },
    });
    expect(result.files).toEqual([...written.keys()]);
    const module = 'validators-compiled';
    const esm = written.get(`${module}.js`);
    const commonJs = written.get(`${module}.cjs`);
    if (!Array.isArray(esm) || !Array.isArray(commonJs)) throw new Error(`${module} is not in pieces`);
    // The statements are encoded once: both files write the same buffer between their own head and tail.
    expect(esm[1]).toBe(commonJs[1]);
    const text = (pieces: readonly Uint8Array[]) => Buffer.concat(pieces).toString('utf8');
    expect(text(esm)).toMatch(/^\/\/ Generated by specsmith[\s\S]*\nexport \{ [^\n]+ \};\n$/);
    expect(text(commonJs)).toMatch(/^\/\/ Generated by specsmith[^\n]*\n[^\n]*\n\n'use strict';\n[\s\S]*\nexports\.\w+ = validate\w+;\n$/);
    expect(typeof written.get('validators.js')).toBe('string');
  });
});
