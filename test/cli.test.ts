import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTree } from './support/files.js';
import { fixturesDir, invalidFixturesDir, repoRoot, temporaryDirectory } from './support/paths.js';
import { curatedExample, violations } from './support/violations.js';

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
    expect(help).toContain('specsmith COMMAND --help');
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
    const half = runCli(['generate', '--spec', 'x.yaml']);
    expect(half.status).toBe(2);
    expect(half.stderr).toBe('specsmith generate: --spec and --out go together (and --name needs both); see specsmith generate --help\n');
    expect(runCli(['frobnicate']).status).toBe(2);
    expect(runCli(['generate', '--format', 'ugly']).stderr).toContain('--format must be auto, prettier or none');
    expect(runCli(['generate', '--commonjs', 'esm']).stderr).toContain('--commonjs must be copy or require-esm');
  });

  it('--commonjs require-esm (flag or settings file) writes the CommonJS entries as one line each; check compares like with like', () => {
    const folder = temporaryDirectory('commonjs');
    cpSync(path.join(fixturesDir, 'object-basic.yaml'), path.join(folder, 'openapi.yaml'));
    const args = ['--spec', 'openapi.yaml', '--out', 'pkg'];
    expect(runCli(['generate', ...args, '--commonjs', 'require-esm'], folder).status).toBe(0);
    const files = readdirSync(path.join(folder, 'pkg')).filter((name) => name.endsWith('.cjs'));
    expect(files.sort()).toEqual(['index.cjs', 'runtime.cjs', 'types.cjs']);
    const required = spawnSync(process.execPath, ['-e', "console.log(typeof require('./pkg/index.cjs').isCustomer)"], {
      cwd: folder,
      encoding: 'utf8',
    });
    expect(required.stdout).toBe('function\n');
    expect(runCli(['check', ...args, '--commonjs', 'require-esm'], folder).status).toBe(0);
    // Without the mode, check expects the CommonJS copies: each is missing.
    const unlike = runCli(['check', ...args], folder);
    expect(unlike.status).toBe(1);
    expect(unlike.stderr).toContain('missing pkg/validators-compiled.cjs');
    writeFileSync(path.join(folder, 'specsmith.config.json'), JSON.stringify({ commonjs: 'require-esm' }));
    expect(runCli(['check', ...args], folder).status).toBe(0);
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
      'settings.json:3:3 error config-invalid: /outdir: unknown field "outdir". Did you mean "outDir"? (at #/outdir)',
    ]);
  });

  describe('validate', () => {
    const personExample = () => ({
      externalId: 'af5c8b52',
      email: 'john.smith@mail.com',
      registrationIp: '198.51.100.42',
      firstName: 'John',
      lastName: 'Smith',
      address1: '12 Hanover Square',
      city: 'London',
      zip: 'W1S 1JE',
      countryCode: 'GB',
      birthDate: '1984-03-17',
      occupation: 'ENGINEERING',
    });
    const cache = path.join(temporaryDirectory('validate'), 'cache');
    const validate = (args: string[], input?: string, cacheDir = cache) =>
      spawnSync(process.execPath, [built, 'validate', ...args], {
        cwd: repoRoot,
        encoding: 'utf8',
        env: { ...process.env, SPECSMITH_CACHE_DIR: cacheDir },
        ...(input === undefined ? {} : { input }),
      });

    it('exits 0 on a valid value, 1 with every issue on an invalid one', () => {
      const folder = temporaryDirectory('validate');
      const valid = path.join(folder, 'valid.json');
      writeFileSync(valid, JSON.stringify(personExample()));
      const ok = validate(['--spec', 'specs/paysafe/openapi.yaml', '--schema', 'CustomerPerson', valid]);
      expect(ok.status).toBe(0);
      expect(ok.stdout).toBe(`${valid}: a valid CustomerPerson\n`);
      const bad = validate(
        ['--spec', 'specs/paysafe/openapi.yaml', '--schema', 'CustomerPerson', '--json', '-'],
        JSON.stringify({ ...personExample(), countryCode: 'GBR', lastName: 'S'.repeat(51) }),
      );
      expect(bad.status).toBe(1);
      const result = JSON.parse(bad.stdout) as { valid: boolean; issues: { path: string; keyword: string }[] };
      expect(result.valid).toBe(false);
      expect(result.issues.map(({ path, keyword }) => `${path} ${keyword}`)).toEqual([
        '/lastName maxLength',
        '/countryCode enum',
        '/countryCode maxLength',
      ]);
    });

    it('validates an operation part, and streams NDJSON one result a line', () => {
      const lines = [JSON.stringify({ auditUser: 'ops' }), '{}', 'not json', ''].join('\n');
      const run = validate(
        ['--spec', 'specs/enfuce/openapi.yaml', '--operation', 'createMcCard', '--part', 'query', '--ndjson', '-'],
        lines,
      );
      expect(run.status).toBe(1);
      expect(
        run.stdout
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as { line: number; valid: boolean }),
      ).toEqual([
        { line: 1, valid: true },
        {
          line: 2,
          valid: false,
          issues: [
            { path: '/auditUser', message: '/auditUser is required', keyword: 'required', params: { missingProperty: 'auditUser' } },
          ],
        },
        { line: 3, valid: false, error: expect.stringMatching(/^not JSON: /) },
      ]);
    });

    it('answers each NDJSON line as it comes, while the input stays open', async () => {
      const child = spawn(
        process.execPath,
        [built, 'validate', '--spec', 'specs/enfuce/openapi.yaml', '--operation', 'createMcCard', '--part', 'query', '--ndjson', '-'],
        {
          cwd: repoRoot,
          env: { ...process.env, SPECSMITH_CACHE_DIR: temporaryDirectory('ndjson-stream') },
        },
      );
      let output = '';
      child.stdout.setEncoding('utf8');
      const nextLine = () =>
        new Promise<string>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no result line within 10 s; output so far: ${output}`)), 10_000);
          const read = () => {
            const end = output.indexOf('\n');
            if (end === -1) return;
            clearTimeout(timer);
            child.stdout.off('data', read);
            const line = output.slice(0, end);
            output = output.slice(end + 1);
            resolve(line);
          };
          child.stdout.on('data', (chunk: string) => {
            output += chunk;
            read();
          });
          read();
        });
      child.stdin.write(`${JSON.stringify({ auditUser: 'ops' })}\n`);
      expect(JSON.parse(await nextLine())).toEqual({ line: 1, valid: true });
      child.stdin.write('{}\n');
      expect(JSON.parse(await nextLine())).toMatchObject({ line: 2, valid: false });
      child.stdin.end();
      const [status] = (await once(child, 'close')) as [number];
      expect(status).toBe(1);
    });

    it('judges each documented rule of the curated schemas as the generated validators do', () => {
      const groups = new Map<string, typeof violations>();
      for (const violation of violations)
        groups.set(`${violation.provider}/${violation.schema}`, [
          ...(groups.get(`${violation.provider}/${violation.schema}`) ?? []),
          violation,
        ]);
      for (const [key, cases] of groups) {
        const [provider = '', schema = ''] = key.split('/');
        const example = curatedExample(provider, schema);
        const values = [
          example,
          ...cases.map(({ change }) => {
            const value = structuredClone(example) as Record<string, unknown>;
            change(value);
            return value;
          }),
        ];
        const run = validate(
          ['--spec', `specs/${provider}/openapi.yaml`, '--schema', schema, '--ndjson', '-'],
          values.map((value) => JSON.stringify(value)).join('\n'),
        );
        expect(run.status, key).toBe(1);
        const results = run.stdout
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as { valid: boolean; issues?: { keyword: string }[] });
        expect(results[0]?.valid, `${key}: the example`).toBe(true);
        cases.forEach(({ why, keyword }, index) => {
          expect(
            results[index + 1]?.issues?.map((issue) => issue.keyword),
            `${key}: ${why}`,
          ).toContain(keyword);
        });
      }
    });

    it('gives the same verdict from its cache as when it compiles, and writes none with --no-cache', () => {
      const args = ['--spec', 'specs/enfuce/openapi.yaml', '--schema', 'PrivateCustomer', '--json', '-'];
      const input = JSON.stringify({ ...curatedExample('enfuce', 'PrivateCustomer'), locale: 'fi_fi' });
      const own = path.join(temporaryDirectory('validate'), 'cache');
      const entries = () => (existsSync(own) ? readdirSync(own).length : 0);
      const fresh = validate(['--no-cache', ...args], input, own);
      expect(entries()).toBe(0);
      const compiled = validate(args, input, own);
      expect(entries()).toBe(1);
      const reused = validate(args, input, own);
      expect(entries()).toBe(1);
      for (const run of [fresh, compiled, reused]) expect(run.status).toBe(1);
      expect(compiled.stdout).toBe(fresh.stdout);
      expect(reused.stdout).toBe(fresh.stdout);
      expect(reused.stdout).toContain('did you mean \\"fi_FI\\"?');
    });

    it('suggests the schema or operation a mistyped name meant, and lists them all', () => {
      const schema = validate(['--spec', 'specs/paysafe/openapi.yaml', '--schema', 'CustomerPersn', '-'], '{}');
      expect(schema.status).toBe(2);
      expect(schema.stderr).toMatch(
        /^no schema "CustomerPersn"\. Did you mean "CustomerPerson"\? The spec has Error, .*CustomerPerson.*\.\n$/,
      );
      const lowerCase = validate(['--spec', 'specs/paysafe/openapi.yaml', '--schema', 'customerperson', '-'], '{}');
      expect(lowerCase.stderr).toContain('Did you mean "CustomerPerson"?');
      const operation = validate(['--spec', 'specs/enfuce/openapi.yaml', '--operation', 'createMcCrd', '--part', 'body', '-'], '{}');
      expect(operation.status).toBe(2);
      expect(operation.stderr).toBe(
        'no operation "createMcCrd". Did you mean "createMcCard"? The spec has createPrivateCustomer, createMcCard, getCustomer, getCustomerByCustomerNumber, getCard.\n',
      );
      const far = validate(['--spec', 'specs/enfuce/openapi.yaml', '--operation', 'deleteEverything', '--part', 'body', '-'], '{}');
      expect(far.stderr).toBe(
        'no operation "deleteEverything". The spec has createPrivateCustomer, createMcCard, getCustomer, getCustomerByCustomerNumber, getCard.\n',
      );
    });

    it('exits 2 on bad usage, an unknown target or input that is not JSON', () => {
      expect(validate(['--schema', 'X', '-'], '{}').status).toBe(2);
      expect(validate(['--spec', 'specs/paysafe/openapi.yaml', '-'], '{}').status).toBe(2);
      const unknown = validate(['--spec', 'specs/enfuce/openapi.yaml', '--operation', 'createMcCard', '--part', 'bodyy', '-'], '{}');
      expect(unknown.status).toBe(2);
      expect(unknown.stderr).toBe(
        'createMcCard has no "bodyy" to validate. Did you mean "body"? It has body, path, query, headers, response.201.\n',
      );
      const notJson = validate(['--spec', 'specs/paysafe/openapi.yaml', '--schema', 'CustomerPerson', '-'], '{oops');
      expect(notJson.status).toBe(2);
      expect(notJson.stderr).toMatch(/^stdin is not JSON: /);
    });
  });
});
