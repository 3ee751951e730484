import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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

  it('reads specsmith.config.json from the working directory; flags win over it', () => {
    const folder = temporaryDirectory('config');
    mkdirSync(path.join(folder, 'apis/pets'), { recursive: true });
    cpSync(path.join(fixturesDir, 'object-basic.yaml'), path.join(folder, 'apis/pets/openapi.yaml'));
    const settings = { specsDir: 'apis', outDir: 'packages', scope: '@acme', format: 'none' };
    writeFileSync(path.join(folder, 'specsmith.config.json'), JSON.stringify(settings, null, 2));
    const run = runCli(['generate'], folder);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(folder, 'packages/pets/package.json'), 'utf8')) as { name: string };
    expect(manifest.name).toBe('@acme/pets');
    const flagged = runCli(['generate', '--spec', 'apis/pets/openapi.yaml', '--out', 'elsewhere/pets', '--name', '@other/pets'], folder);
    expect(flagged.status).toBe(0);
    expect(existsSync(path.join(folder, 'elsewhere/pets/index.d.ts'))).toBe(true);
  });

  it('exits 2 on a configuration file with problems, naming each with its line', () => {
    const folder = temporaryDirectory('config-bad');
    writeFileSync(path.join(folder, 'settings.json'), '{\n  "format": "pretty",\n  "outdir": "x"\n}\n');
    const run = runCli(['generate', '--config', path.join(folder, 'settings.json')], folder);
    expect(run.status).toBe(2);
    const lines = run.stderr.split('\n').filter((line) => line.includes(' error '));
    expect(lines).toEqual([
      'settings.json:2:3 error config-invalid: /format: must be equal to one of the allowed values (at #/format)',
      'settings.json:3:3 error config-invalid: /outdir: unknown field "outdir" (at #/outdir)',
    ]);
  });
});
