import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const fixturesDir = path.join(repoRoot, 'test/fixtures/specs');
export const invalidFixturesDir = path.join(fixturesDir, 'invalid');
export const snapshotsDir = path.join(repoRoot, 'test/__snapshots__/packages');
export const cliPath = path.join(repoRoot, 'generator/src/cli/main.ts');

export function temporaryDirectory(label: string): string {
  return mkdtempSync(path.join(tmpdir(), `specsmith-${label}-`));
}

/**
 * A folder whose packages can load their dependencies: this repository's node_modules linked in, as a
 * consumer's would be installed (a package whose validators fall back to AJV requires `ajv`).
 */
export function folderWithDependencies(label: string): string {
  const folder = temporaryDirectory(label);
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(folder, 'node_modules'), 'dir');
  return folder;
}
