import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTree } from './support/files.js';
import { fixturesDir, invalidFixturesDir, repoRoot, temporaryDirectory } from './support/paths.js';

const bin = path.join(repoRoot, 'node_modules/.bin/specsmith');
const built = path.join(repoRoot, 'generator/dist/cli/main.js');

function runCli(args: string[], cwd = repoRoot) {
  return spawnSync(process.execPath, [built, ...args], { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
}

describe('specsmith CLI (built toolkit, as `make` leaves it)', () => {
  it('is linked as a bin at the repository root, as make leaves it', () => {
    expect(existsSync(bin)).toBe(true);
    const help = execFileSync(bin, ['--help'], { cwd: repoRoot, encoding: 'utf8' });
    expect(help).toContain('specsmith generate --spec FILE --out DIR');
  });

  it('generates a package from --spec and --out, and prints where it wrote', () => {
    const out = temporaryDirectory('cli');
    const run = runCli(['generate', '--spec', path.join(fixturesDir, 'object-basic.yaml'), '--out', out, '--name', '@acme/basic']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('(@acme/basic)');
    const manifest = JSON.parse(readTree(out)['package.json'] ?? '{}') as { name: string };
    expect(manifest.name).toBe('@acme/basic');
  });

  it('exits 2 on a spec with errors, listing each as file:line:column, and writes nothing', () => {
    const out = path.join(temporaryDirectory('cli'), 'pkg');
    const run = runCli(['generate', '--spec', path.relative(repoRoot, path.join(invalidFixturesDir, 'many-problems.yaml')), '--out', out]);
    expect(run.status).toBe(2);
    const lines = run.stderr.split('\n').filter((line) => / error /.test(line));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^test\/fixtures\/specs\/invalid\/many-problems\.yaml:6:7 error path-param-undeclared: /);
    expect(run.stderr).toContain('hint: ');
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 on bad usage', () => {
    expect(runCli(['generate', '--spec', 'x.yaml']).status).toBe(2);
    expect(runCli(['frobnicate']).status).toBe(2);
    expect(runCli(['generate', '--format', 'ugly']).stderr).toContain('--format must be auto, prettier or none');
  });

  it('prints the result as JSON with --json', () => {
    const out = temporaryDirectory('cli');
    const run = runCli(['generate', '--spec', path.join(fixturesDir, 'const.yaml'), '--out', out, '--json']);
    const result = JSON.parse(run.stdout) as { ok: boolean; packages: { files: string[] }[] };
    expect(result.ok).toBe(true);
    expect(result.packages[0]?.files).toContain('index.d.ts');
  });
});
