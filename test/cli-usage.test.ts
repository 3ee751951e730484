import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitRepository } from './support/git-repo.js';
import { fixturesDir, repoRoot, temporaryDirectory } from './support/paths.js';

const built = path.join(repoRoot, 'generator/dist/cli/main.js');

/** The built CLI in a user's folder (no specsmith.config.json, no specs/ unless the test writes them). */
function specsmith(args: string[], cwd: string) {
  return spawnSync(process.execPath, [built, ...args], { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
}

const lines = (text: string) => text.split('\n').filter((line) => line !== '');

/** A consumer repository: one spec under specs/pets, and a package.json when `packageName` is given. */
function consumer(packageName?: string) {
  const folder = temporaryDirectory('consumer');
  mkdirSync(path.join(folder, 'specs/pets'), { recursive: true });
  cpSync(path.join(fixturesDir, 'object-basic.yaml'), path.join(folder, 'specs/pets/openapi.yaml'));
  if (packageName !== undefined) writeFileSync(path.join(folder, 'package.json'), JSON.stringify({ name: packageName, private: true }));
  return folder;
}

const packageName = (folder: string, out: string) =>
  (JSON.parse(readFileSync(path.join(folder, out, 'package.json'), 'utf8')) as { name: string }).name;

describe('a run that finds no spec fails (a CI job in the wrong folder must not pass)', () => {
  for (const command of ['generate', 'check']) {
    it(`${command} exits 2, naming the folder it looked in and how to point elsewhere`, () => {
      const folder = temporaryDirectory('empty');
      const run = specsmith([command], folder);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      const [problem, hint] = lines(run.stderr);
      expect(problem).toBe(
        `specs error specs-not-found: no spec to work on: the folder ${path.join(folder, 'specs')} does not exist (at #)`,
      );
      expect(hint).toContain('--spec FILE --out DIR');
      expect(hint).toContain('"specsDir"');
      expect(hint).toContain('--config FILE');
    });
  }

  it('says so when the folder exists but holds no spec', () => {
    const folder = temporaryDirectory('empty');
    mkdirSync(path.join(folder, 'specs/notes'), { recursive: true });
    const run = specsmith(['check'], folder);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`no folder of ${path.join(folder, 'specs')} holds an openapi.yaml, openapi.yml or openapi.json`);
  });
});

describe('mistyped options and settings', () => {
  it('names an unknown option in one line, with the option it most likely meant', () => {
    const run = specsmith(['generate', '--sepc', 'api.yaml'], temporaryDirectory('typo'));
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('specsmith generate: unknown option --sepc (did you mean --spec?); see specsmith generate --help\n');
  });

  it('says which option lacks its value, and which takes none', () => {
    const folder = temporaryDirectory('typo');
    expect(specsmith(['generate', '--spec'], folder).stderr).toBe(
      'specsmith generate: --spec needs a value; see specsmith generate --help\n',
    );
    expect(specsmith(['check', '--json=yes'], folder).stderr).toBe('specsmith check: --json takes no value; see specsmith check --help\n');
    expect(specsmith(['validate', '--fixture', 'x'], folder).stderr).toContain('unknown option --fixture (did you mean --fixtures?)');
  });

  it('suggests the field a mistyped setting meant, and reports nothing else', () => {
    const folder = temporaryDirectory('typo');
    writeFileSync(path.join(folder, 'specsmith.config.json'), '{\n  "specDir": "apis",\n  "diff": { "severity": { "nope": "off" } }\n}\n');
    const run = specsmith(['generate'], folder);
    expect(run.status).toBe(2);
    expect(lines(run.stderr).filter((line) => !line.startsWith('  hint:'))).toEqual([
      'specsmith.config.json:2:3 error config-invalid: /specDir: unknown field "specDir". Did you mean "specsDir"? (at #/specDir)',
      'specsmith.config.json:3:27 error config-invalid: /diff/severity/nope: no check is named "nope". (at #/diff/severity/nope)',
    ]);
  });
});

describe('diff.policy in the settings file', () => {
  it('reads a response bound lowered as the policy says, and refuses a reading it does not know', () => {
    const folder = temporaryDirectory('policy');
    const spec = (maximum: string) =>
      `openapi: 3.1.0\ninfo: {title: t, version: 1.0.0}\npaths:\n  /n:\n    get:\n      operationId: getN\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {type: integer${maximum}}\n`;
    writeFileSync(path.join(folder, 'old.yaml'), spec(', maximum: 9'));
    writeFileSync(path.join(folder, 'new.yaml'), spec(''));
    const diff = () => specsmith(['diff', 'old.yaml', 'new.yaml', '--format', 'json'], folder);
    const severities = (stdout: string) =>
      (JSON.parse(stdout) as { changes: { id: string; severity: string }[] }).changes.map(({ id, severity }) => `${id} ${severity}`);
    const strict = diff();
    expect(strict.status).toBe(1);
    expect(severities(strict.stdout)).toContain('response-maximum-increased error');
    writeFileSync(path.join(folder, 'specsmith.config.json'), '{ "diff": { "policy": { "responseBounds": "warning" } } }\n');
    const lenient = diff();
    expect(lenient.status).toBe(0);
    expect(severities(lenient.stdout)).toContain('response-maximum-increased warning');
    writeFileSync(path.join(folder, 'specsmith.config.json'), '{ "diff": { "policy": { "responseBounds": "lenient" } } }\n');
    const refused = diff();
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('config-invalid: /diff/policy/responseBounds');
  });
});

describe('help', () => {
  const folder = temporaryDirectory('help');

  it('--help is a short overview: every command on one line, the usual options, where to read more', () => {
    const run = specsmith(['--help'], folder);
    expect(run.status).toBe(0);
    const text = lines(run.stdout);
    expect(text.length).toBeLessThanOrEqual(30);
    for (const command of ['generate', 'check', 'diff', 'version', 'validate', 'mock', 'docs-check'])
      expect(text.filter((line) => line.startsWith(`  ${command} `))).toHaveLength(1);
    expect(run.stdout).toContain('--config FILE');
    expect(run.stdout).toContain('specsmith COMMAND --help');
  });

  it('COMMAND --help gives that command in full', () => {
    const run = specsmith(['generate', '--help'], folder);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage:\n {2}specsmith generate/);
    expect(run.stdout).toContain('--commonjs MODE');
    expect(run.stdout).not.toContain('specsmith mock');
  });

  it('no command: the overview on stderr, exit 2', () => {
    const run = specsmith([], folder);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(specsmith(['--help'], folder).stdout);
  });

  it('an unknown command: one line with the command it most likely meant', () => {
    const run = specsmith(['gnerate'], folder);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('specsmith: unknown command gnerate (did you mean generate?); run specsmith --help\n');
    expect(specsmith(['frobnicate'], folder).stderr).toBe('specsmith: unknown command frobnicate; run specsmith --help\n');
  });
});

describe('default package names in a consumer repository', () => {
  it('take the scope of the package.json at the root, for specs/ and for --spec/--out', () => {
    const folder = consumer('@acme/web');
    expect(specsmith(['generate', '--validators', 'none'], folder).status).toBe(0);
    expect(packageName(folder, 'generated/pets')).toBe('@acme/pets');
    const single = specsmith(['generate', '--validators', 'none', '--spec', 'specs/pets/openapi.yaml', '--out', 'gen/Store'], folder);
    expect(single.stdout).toBe('wrote gen/Store (@acme/store)\n');
    expect(packageName(folder, 'gen/Store')).toBe('@acme/store');
  });

  it('are unscoped without one, and the settings scope wins over package.json', () => {
    const bare = consumer();
    expect(specsmith(['generate', '--validators', 'none'], bare).stdout).toBe('wrote generated/pets (pets)\n');
    const scoped = consumer('@acme/web');
    writeFileSync(path.join(scoped, 'specsmith.config.json'), JSON.stringify({ scope: '@pets-inc' }));
    expect(specsmith(['generate', '--validators', 'none'], scoped).stdout).toBe('wrote generated/pets (@pets-inc/pets)\n');
    expect(existsSync(path.join(scoped, 'generated/pets/index.d.ts'))).toBe(true);
  });
});

it('version in a repository with no spec exits 2 too', () => {
  const repo = gitRepository('version-empty');
  repo.write('README.md', 'no specs here\n');
  repo.commit('start', 'v1');
  const run = specsmith(['version', '--since', 'v1'], repo.root);
  expect(run.status).toBe(2);
  expect(run.stderr).toContain(`specs-not-found: no spec to work on: the folder ${path.join(repo.root, 'specs')} does not exist`);
});
