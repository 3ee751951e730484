import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { baseSpec } from './support/diff-specs.js';
import { junitSchemaErrors, sarifSchemaErrors } from './support/ci-formats.js';
import { repoRoot, temporaryDirectory } from './support/paths.js';

const built = path.join(repoRoot, 'generator/dist/cli/main.js');
const cli = (root: string, args: string[]) => spawnSync(process.execPath, [built, 'validate', ...args], { cwd: root, encoding: 'utf8' });

/** A build step of a consumer's: the built library's checkFixtures, and what a script reading `ok` and `ran` sees. */
function buildStep(root: string, dir: string): { ok: boolean; ran: boolean; problem?: string; failed?: number } {
  const library = pathToFileURL(path.join(repoRoot, 'generator/dist/index.js')).href;
  const script = `
    import { checkFixtures } from ${JSON.stringify(library)};
    const result = await checkFixtures({ spec: 'api.yaml', dir: ${JSON.stringify(dir)} });
    const failed = result.ran ? result.results.filter((entry) => entry.surprise).length : undefined;
    console.log(JSON.stringify({ ok: result.ok, ran: result.ran, problem: result.problem, failed }));
    if (!result.ok) process.exitCode = 1;`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(JSON.parse(run.stdout).ok ? 0 : 1);
  return JSON.parse(run.stdout);
}

/** A consumer's fixture folder: files that pass, files that should fail and do, and one surprise of each kind. */
function project({ surprises = true } = {}) {
  const root = temporaryDirectory('fixtures');
  const spec = baseSpec();
  for (const name of ['In', 'Out']) delete spec.components.schemas[name].properties.id.format;
  writeFileSync(path.join(root, 'api.yaml'), stringify(spec));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, 'fixtures', file)), { recursive: true });
    writeFileSync(path.join(root, 'fixtures', file), text);
  };
  write('putItem/body/minimal.json', '{ "id": "abc" }\n');
  write('putItem/body/too-long.invalid.json', '{ "id": "abcdefghijklmnop" }\n');
  write('putItem/path/ok.json', '{ "id": "7" }\n');
  write('putItem/response.200/ok.json', '{ "id": "xyz", "tags": ["a"] }\n');
  write('schemas/Out/ok.json', '{ "id": "xyz" }\n');
  write('putItem/body/notes.txt', 'not a fixture\n');
  if (surprises) {
    write('putItem/body/wrong-count.json', '{\n  "id": "abc",\n  "count": 3\n}\n');
    write('schemas/Out/empty.invalid.json', '{ "id": "ab" }\n');
    write('putItem/body/broken.json', '{ "id": \n');
    write('putItem/bdy/any.json', '{}\n');
    write('putItem/stray.json', '{}\n');
  }
  return root;
}

describe('specsmith validate --fixtures', () => {
  it('passes when every fixture is as expected', () => {
    const run = cli(project({ surprises: false }), ['--spec', 'api.yaml', '--fixtures', 'fixtures']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('5 fixture(s): 5 as expected, 0 surprise(s)\n');
    expect(run.status).toBe(0);
  });

  it('lists each surprise at the fixture file and line, and exits 1', () => {
    const run = cli(project(), ['--spec', 'api.yaml', '--fixtures', 'fixtures']);
    expect(run.status).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines).toContain('fixtures/putItem/body/wrong-count.json: expected a valid putItem body, but:');
    // The issue is at `"count": 3`, line 3 of the fixture.
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ {2}fixtures\/putItem\/body\/wrong-count\.json:3:3: \/count must be a multiple of 2/),
      ]),
    );
    expect(lines).toContain('fixtures/schemas/Out/empty.invalid.json: expected to be refused as schema Out, but it is valid');
    expect(lines).toContain(
      'fixtures/putItem/body/broken.json:1:8: the JSON ends before the object opened at line 1, column 1 is closed: the text looks cut short',
    );
    expect(
      lines.some((line) => line.includes('fixtures/putItem/bdy/any.json: putItem has no "bdy" to validate. Did you mean "body"?')),
    ).toBe(true);
    expect(lines).toContain(
      'fixtures/putItem/stray.json: is not where fixtures go: DIR/<operationId>/<part>/*.json or DIR/schemas/<Name>/*.json',
    );
    expect(lines).toContain('10 fixture(s): 5 as expected, 5 surprise(s)');
  });

  it('junit: one test case a fixture, a failure per surprise, valid against the JUnit schema', async () => {
    const xml = cli(project(), ['--spec', 'api.yaml', '--fixtures', 'fixtures', '--format', 'junit']).stdout;
    expect(await junitSchemaErrors(xml)).toEqual([]);
    expect(xml).toContain('<testsuites name="specsmith fixtures" tests="10" failures="5" errors="0">');
    expect(xml).toContain('<testsuite name="putItem body" id="1" tests="4" failures="2" errors="0" skipped="0">');
  });

  it('github and sarif: the surprises only, at the fixture line', () => {
    const root = project();
    const github = cli(root, ['--spec', 'api.yaml', '--fixtures', 'fixtures', '--format', 'github']).stdout.trim().split('\n');
    expect(github).toHaveLength(5);
    expect(github).toContain(
      '::error file=fixtures/schemas/Out/empty.invalid.json,title=fixture-accepted%3A fixtures/schemas/Out/empty.invalid.json::expected to be refused as schema Out, but it is valid',
    );
    expect(github.find((line) => line.includes('wrong-count'))).toMatch(
      /^::error file=fixtures\/putItem\/body\/wrong-count\.json,line=3,col=\d+,title=fixture-refused/,
    );
    const log = JSON.parse(cli(root, ['--spec', 'api.yaml', '--fixtures', 'fixtures', '--format', 'sarif']).stdout);
    expect(sarifSchemaErrors(log)).toEqual([]);
    expect(log.runs[0].results.map((result: { ruleId: string }) => result.ruleId).sort()).toEqual([
      'fixture-accepted',
      'fixture-not-json',
      'fixture-refused',
      'fixture-target-unknown',
      'fixture-target-unknown',
    ]);
  });

  it('json: every fixture with its outcome and issues', () => {
    const results = JSON.parse(cli(project(), ['--spec', 'api.yaml', '--fixtures', 'fixtures', '--format', 'json']).stdout);
    const tooLong = results.find((result: { file: string }) => result.file.endsWith('too-long.invalid.json'));
    expect(tooLong).toMatchObject({ target: 'putItem body', expected: 'invalid', outcome: 'invalid', surprise: false, line: 1 });
    expect(tooLong.issues[0]).toMatchObject({ path: '/id', keyword: 'maxLength' });
  });

  it('checkFixtures: ok is false when a fixture fails; ran tells that from a check that could not run', () => {
    expect(buildStep(project({ surprises: false }), 'fixtures')).toEqual({ ok: true, ran: true, failed: 0 });
    expect(buildStep(project(), 'fixtures')).toEqual({ ok: false, ran: true, failed: 5 });
    expect(buildStep(project(), 'absent')).toEqual({ ok: false, ran: false, problem: 'cannot read absent: ENOENT' });
  });

  it('exits 2 on a folder with no fixture: checking nothing is no pass', () => {
    const root = project();
    mkdirSync(path.join(root, 'empty/putItem/body'), { recursive: true });
    const run = cli(root, ['--spec', 'api.yaml', '--fixtures', 'empty']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('no fixture in empty: it holds no .json file\n');
    expect(buildStep(root, 'empty')).toEqual({ ok: false, ran: false, problem: 'no fixture in empty: it holds no .json file' });
  });

  it('exits 2 on bad usage or a folder that cannot be read', () => {
    const root = project();
    expect(cli(root, ['--spec', 'api.yaml', '--fixtures', 'absent']).stderr).toContain('cannot read absent: ENOENT');
    expect(cli(root, ['--spec', 'api.yaml', '--fixtures', 'absent']).status).toBe(2);
    expect(cli(root, ['--spec', 'api.yaml', '--fixtures', 'fixtures', '--format', 'xml']).status).toBe(2);
    expect(cli(root, ['--spec', 'api.yaml', '--fixtures', 'fixtures', 'input.json']).status).toBe(2);
  });
});
