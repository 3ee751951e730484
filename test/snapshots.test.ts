import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareStrings } from '../generator/src/diagnostics/diagnostic.js';
import { validatorModules } from '../generator/src/emit/validators/validator-modules.js';
import { listFiles } from './support/files.js';
import { listSpecs, scenarioName } from './support/fixtures.js';
import { generateFixture } from './support/generate-fixture.js';
import { fixturesDir, repoRoot, snapshotsDir, temporaryDirectory } from './support/paths.js';

const scenarios = listSpecs(fixturesDir).map((file) => ({ name: scenarioName(file), spec: path.join(fixturesDir, file) }));
const expected = new Set<string>();
/**
 * The runtime module (runtime.js and runtime.cjs) is templates/runtime as esbuild bundles it, the same in
 * every package and tested by behaviour; its declarations (runtime.d.cts) are snapshotted. The compiled checks
 * (validators-compiled.js, emitted by construction: one function per schema) and validators.js, which binds
 * each validator's exports, are snapshotted; their CommonJS twins are the same code with another import and
 * export syntax. No fixture here falls back to AJV (validators-fallback), which test/validators.test.ts covers.
 */
const snapshotted = new Set([`${validatorModules.compiled}.js`, `${validatorModules.facade}.js`]);
const compiled = Object.values(validatorModules)
  .filter((module) => module !== validatorModules.fallback)
  .flatMap((module) => [`${module}.cjs`, `${module}.js`])
  .filter((file) => !snapshotted.has(file))
  .sort(compareStrings);
/**
 * The client module imports the runtime's pipeline (tested by behaviour in client.test.ts) and holds what
 * the spec decides: operation data, their checks, functions, exports. The CommonJS module is the same code
 * with another import and export syntax.
 */
const client = { esm: 'client.js', commonJs: 'client.cjs' };
/** The webhooks module (parseWebhook over each webhook's data), the same way. */
const webhooks = { esm: 'webhooks.js', commonJs: 'webhooks.cjs' };

describe('generated packages match their snapshots', () => {
  it.each(scenarios)('$name', async ({ name, spec }) => {
    const { result, outDir } = await generateFixture({ spec, label: 'snapshots', name });
    expect(result.diagnostics).toEqual([]);
    expect(result.ok).toBe(true);
    const files = listFiles(outDir);
    expect(files).toEqual(
      [
        'README.md',
        client.commonJs,
        client.esm,
        'index.cjs',
        'index.d.cts',
        'index.d.ts',
        'index.js',
        'openapi.json',
        'package.json',
        'runtime.d.cts',
        'runtime.d.ts',
        'types.cjs',
        'types.d.cts',
        'types.d.ts',
        'types.js',
        webhooks.commonJs,
        webhooks.esm,
        ...compiled,
        ...snapshotted,
      ].sort(compareStrings),
    );
    for (const file of files.filter((name) => !compiled.includes(name) && name !== client.commonJs && name !== webhooks.commonJs)) {
      expected.add(`${name}/${file}`);
      await expect(readFileSync(path.join(outDir, file), 'utf8')).toMatchFileSnapshot(path.join(snapshotsDir, name, file));
    }
  });

  it('has no orphaned snapshot files', () => {
    expect(expected.size).toBeGreaterThan(0);
    const orphans = listFiles(snapshotsDir).filter((file) => !expected.has(file));
    expect(orphans).toEqual([]);
  });

  it('type-checks the whole snapshot tree under --strict', () => {
    // index, types and runtime, each as .d.ts and .d.cts
    const declarations = listFiles(snapshotsDir)
      .filter((file) => /\.d\.c?ts$/.test(file))
      .map((file) => path.join(snapshotsDir, file));
    expect(declarations.length).toBe(scenarios.length * 6);
    const folder = temporaryDirectory('tsc');
    const config = path.join(folder, 'tsconfig.json');
    const compilerOptions = { strict: true, noEmit: true, skipLibCheck: false, module: 'nodenext', target: 'es2022', types: [] };
    writeFileSync(config, JSON.stringify({ compilerOptions, files: declarations }));
    const tsc = path.join(repoRoot, 'node_modules/typescript/bin/tsc');
    expect(existsSync(tsc)).toBe(true);
    expect(() => execFileSync(process.execPath, [tsc, '-p', config], { encoding: 'utf8' })).not.toThrow();
  });
});
