import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readTree } from './support/files.js';
import { repoRoot, temporaryDirectory } from './support/paths.js';

const script = `
import { generate } from ${JSON.stringify(pathToFileURL(path.join(repoRoot, 'generator/dist/index.js')).href)};
import { readConfigFile } from ${JSON.stringify(pathToFileURL(path.join(repoRoot, 'generator/dist/config/config-file.js')).href)};
const [root, outDir] = process.argv.slice(-2);
// The repository's settings, as \`specsmith generate\` (and so \`make\`) reads them.
const { config } = await readConfigFile(${JSON.stringify(path.join(repoRoot, 'specsmith.config.json'))});
const result = await generate({ ...config, root, outDir, progress: 'never' });
if (!result.ok) { console.error(JSON.stringify(result.diagnostics)); process.exit(2); }
`;

/** Runs the embedded default (every spec under specs/) with the built toolkit, in a fresh Node process. */
function generateInProcess(outDir: string): void {
  execFileSync(process.execPath, ['--input-type=module', '-e', script, '--', repoRoot, outDir], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
}

describe('determinism', () => {
  it('two runs in two processes write byte-identical packages', () => {
    const first = temporaryDirectory('det-a');
    const second = temporaryDirectory('det-b');
    generateInProcess(first);
    generateInProcess(second);
    const a = readTree(first);
    const b = readTree(second);
    expect(Object.keys(a).length).toBeGreaterThan(0);
    expect(b).toEqual(a);
  });

  it('the committed generated/ tree is what the specs produce now', () => {
    const fresh = temporaryDirectory('det-c');
    generateInProcess(fresh);
    expect(readTree(fresh)).toEqual(readTree(path.join(repoRoot, 'generated')));
  });
});
