import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readmeBlock } from './support/readme-blocks.js';
import { repoRoot, temporaryDirectory } from './support/paths.js';

/**
 * The README's quick start, its first command run as written in a fresh clone of the committed tree: `make`
 * installs (npm ci), builds and generates every package, which must come out as committed, with no npm
 * warning on the way. Its second command, `make test`, is this suite: CI runs it in a fresh clone.
 */
describe('the quick start', () => {
  it('is make then make test', () => {
    const block = readmeBlock({ marker: '## Quick start', language: 'sh' });
    expect(block.split('\n').map((line) => line.replace(/#.*/, '').trim())).toEqual(['make', 'make test', '']);
  });

  it('make, in a fresh clone, installs, builds and regenerates generated/ as committed, without npm warnings', () => {
    const clone = path.join(temporaryDirectory('quick-start'), 'specsmith');
    const cloned = spawnSync('git', ['clone', '--quiet', '--no-hardlinks', repoRoot, clone], { encoding: 'utf8' });
    expect(cloned.status, cloned.stderr).toBe(0);
    const make = spawnSync('make', [], {
      cwd: clone,
      encoding: 'utf8',
      env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' },
    });
    expect(make.status, `${make.stdout}\n${make.stderr}`).toBe(0);
    expect(make.stderr).not.toMatch(/npm warn/i);
    expect(make.stdout).toMatch(/^wrote generated\/enfuce \(@specsmith\/enfuce\)$/m);
    const status = spawnSync('git', ['status', '--porcelain', '--untracked-files=all', 'generated'], { cwd: clone, encoding: 'utf8' });
    expect(status.stdout).toBe('');
  }, 300_000);
});
