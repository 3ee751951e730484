import { execFile, execFileSync, spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../generator/src/generate.js';
import { repoRoot, temporaryDirectory } from './support/paths.js';
import { typeCheck } from './support/type-check.js';

/**
 * A generated package as a user gets it: `npm pack` output installed into a fresh project, then
 * used from ESM `import`, CommonJS `require`, and TypeScript in both module formats.
 */
const packageDir = path.join(repoRoot, 'generated/enfuce');
let project = '';

const run = (command: string, args: string[], cwd: string) =>
  execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
/** Node running `code` in the consumer project, as an ES module or as CommonJS; its output. */
const node = (type: 'module' | 'commonjs', code: string, cwd = project) =>
  run(process.execPath, [`--input-type=${type}`, '-e', code], cwd).trim();
/** A child process that does not block this one (the mock server it talks to runs in a child of this one). */
const runAsync = (command: string, args: string[], cwd: string) =>
  new Promise<string>((resolve, reject) =>
    execFile(command, args, { cwd, encoding: 'utf8' }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout),
    ),
  );

/**
 * `source` packed and installed into a fresh project, with the package's one dependency
 * (`@standard-schema/spec`, types only) packed from the workspace's own copy and installed beside it, so
 * that `npm install --offline` finds everything in tarballs: an offline install that resolved it by range
 * would need registry metadata in the npm cache, which `npm ci` never stores and a fresh machine does not
 * have. A private cache folder keeps the user's cache out of it. Returns the project and the tarballs' folder.
 */
function installPacked(source: string): { project: string; packDir: string } {
  const packDir = temporaryDirectory('pack');
  const cache = temporaryDirectory('npm-cache');
  const npm = (args: string[], cwd: string) => run('npm', [...args, '--cache', cache], cwd);
  for (const from of [source, path.join(repoRoot, 'node_modules/@standard-schema/spec')])
    npm(['pack', from, '--pack-destination', packDir, '--silent'], repoRoot);
  const tarballs = readdirSync(packDir).filter((name) => name.endsWith('.tgz'));
  if (tarballs.length !== 2) throw new Error(`npm pack wrote ${tarballs.join(', ') || 'no tarball'}`);
  const project = temporaryDirectory('consumer');
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  npm(['install', '--offline', '--no-audit', '--no-fund', '--silent', ...tarballs.map((name) => path.join(packDir, name))], project);
  return { project, packDir };
}

/** The files `npm pack` would put in the tarball of `source`, sorted. */
function packedFiles(source: string): string[] {
  const cache = temporaryDirectory('npm-cache');
  const packed = JSON.parse(run('npm', ['pack', source, '--dry-run', '--json', '--cache', cache], repoRoot)) as {
    files: { path: string }[];
  }[];
  return (packed[0]?.files.map((file) => file.path) ?? []).sort();
}

/** publint --strict's and attw's findings on the tarball whose name starts with `prefix` in `packDir`. */
async function lint(packDir: string, prefix: string) {
  const tarball = path.join(
    packDir,
    readdirSync(packDir).find((name) => name.startsWith(prefix))!,
  );
  const { publint } = await import('publint');
  const { formatMessage } = await import('publint/utils');
  const data = readFileSync(tarball);
  const linted = await publint({
    pack: { tarball: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) },
    strict: true,
  });
  const attw = JSON.parse(run(path.join(repoRoot, 'node_modules/.bin/attw'), [tarball, '--format', 'json'], repoRoot)) as {
    problems: Record<string, unknown>;
    analysis: { entrypoints: Record<string, unknown> };
  };
  return {
    publint: linted.messages.map((message) => formatMessage(message, linted.pkg)),
    attw: attw.problems,
    entrypoints: Object.keys(attw.analysis.entrypoints),
  };
}

let packDir = '';

beforeAll(() => {
  ({ project, packDir } = installPacked(packageDir));
});

describe('the @specsmith/enfuce package as npm would publish it', () => {
  it('packs only what a user needs, with the metadata a registry shows', () => {
    expect(packedFiles(packageDir)).toEqual(
      [
        'README.md',
        'client.cjs',
        'client.js',
        'index.cjs',
        'index.d.cts',
        'index.d.ts',
        'index.js',
        'openapi.json',
        'package.json',
        'runtime.cjs',
        'runtime.d.cts',
        'runtime.d.ts',
        'runtime.js',
        'types.cjs',
        'types.d.cts',
        'types.d.ts',
        'types.js',
        'validators.cjs',
        'validators.js',
        'validators-compiled.cjs',
        'validators-compiled.js',
        'webhooks.cjs',
        'webhooks.js',
      ].sort(),
    );
    const manifest = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      license: 'MIT',
      homepage: 'https://docs.enfuce.com/payment/api/customer',
      publishConfig: { access: 'public' },
      sideEffects: false,
    });
    expect(manifest.keywords).toEqual(expect.arrayContaining(['openapi', 'typescript', 'fintech']));
  });

  it('the packed tarball passes publint --strict and @arethetypeswrong/cli', async () => {
    expect(await lint(packDir, 'specsmith-enfuce-')).toEqual({
      publint: [],
      attw: {},
      entrypoints: ['.', './types', './runtime', './openapi.json', './package.json'],
    });
  });
});

describe('the packed @specsmith/enfuce package in a fresh project', () => {
  it('works from ESM import', () => {
    const out = node(
      'module',
      "import { PinStatusValues } from '@specsmith/enfuce'; console.log(JSON.stringify(PinStatusValues), Object.isFrozen(PinStatusValues));",
    );
    expect(out).toBe('["D","W","S"] true');
  });

  it('works from CommonJS require', () => {
    const out = node('commonjs', "const { CardRoleValues } = require('@specsmith/enfuce'); console.log(JSON.stringify(CardRoleValues));");
    expect(out).toBe('["MAIN","SUPPLEMENTARY"]');
  });

  it('exports the same names to require as to import, and names them to an ES module that imports the CommonJS file', () => {
    const esm = node('module', "const m = await import('@specsmith/enfuce'); console.log(JSON.stringify(Object.keys(m).sort()));");
    const commonJs = node('commonjs', "console.log(JSON.stringify(Object.keys(require('@specsmith/enfuce')).sort()));");
    expect(JSON.parse(commonJs)).toEqual(JSON.parse(esm));
    expect(JSON.parse(esm)).toEqual(expect.arrayContaining(['ValidationError', 'isMcCard', 'createClient', 'CardRoleValues']));
    // index.cjs spreads its modules' exports: Node's CommonJS lexer must still see each name.
    const lexed = node(
      'module',
      "const m = await import('./node_modules/@specsmith/enfuce/index.cjs'); console.log(JSON.stringify(Object.keys(m).filter((name) => name !== 'default' && name !== 'module.exports').sort()));",
    );
    expect(JSON.parse(lexed)).toEqual(JSON.parse(esm));
  });

  it('hands out the spec it was generated from, to ESM import and CommonJS require', () => {
    const esm = node(
      'module',
      "import spec from '@specsmith/enfuce/openapi.json' with { type: 'json' }; console.log(spec.info.title, Object.keys(spec.paths).length);",
    );
    expect(esm).toBe('Enfuce Payment API (CIA) 5');
    const commonJs = node(
      'commonjs',
      "console.log(require('@specsmith/enfuce/openapi.json').components.schemas.CountryAlpha3.enum.length);",
    );
    expect(commonJs).toBe('249');
  });

  it('has a /types entry with the types alone, for ESM, CommonJS and TypeScript consumers', () => {
    expect(node('module', "import { PinStatusValues } from '@specsmith/enfuce/types'; console.log(PinStatusValues.join());")).toBe('D,W,S');
    expect(node('commonjs', "console.log(Object.keys(require('@specsmith/enfuce/types')).includes('createClient'));")).toBe('false');
    const usage =
      "import type { CreateMcCardRequestBody } from '@specsmith/enfuce/types';\nexport const card: CreateMcCardRequestBody = { embossing: { firstName: 'M', lastName: 'L' } };\n";
    writeFileSync(path.join(project, 'types-only.mts'), usage);
    writeFileSync(path.join(project, 'types-only.cts'), usage);
    expect(typeCheck(['types-only.mts', 'types-only.cts'], project)).toBe('');
    const installed = path.join(project, 'node_modules/@specsmith/enfuce');
    const declarations = readFileSync(path.join(installed, 'types.d.cts'), 'utf8');
    expect(declarations).toMatch(/^export (?:interface|type) CreateMcCardRequestBody\b/m);
    expect(declarations).not.toMatch(/StandardSchemaV1|createClient|assert[A-Z]/);
    // The ES module declarations are the CommonJS ones, re-exported.
    expect(readFileSync(path.join(installed, 'types.d.ts'), 'utf8')).toMatch(/^export \* from '\.\/types\.cjs';$/m);
  });

  it('type-checks from .mts and .cts consumers, and rejects a misspelled field', () => {
    const body = `{ embossing: { firstName: 'Monica', lastName: 'Liikamaa' }, pinStatus: 'W' }`;
    writeFileSync(
      path.join(project, 'esm.mts'),
      `import type { CreateMcCardRequestBody } from '@specsmith/enfuce';\nexport const card: CreateMcCardRequestBody = ${body};\n`,
    );
    writeFileSync(
      path.join(project, 'cjs.cts'),
      `import type { CreateMcCardRequestBody } from '@specsmith/enfuce';\nexport const card: CreateMcCardRequestBody = ${body};\n`,
    );
    writeFileSync(
      path.join(project, 'typo.mts'),
      `import type { Embossing } from '@specsmith/enfuce';\nexport const bad: Embossing = { firstname: 'Monica', lastName: 'L' };\n`,
    );
    // Without the DOM library: a consumer on Node alone still compiles the package's declarations.
    const options = ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext'];
    expect(typeCheck(['esm.mts', 'cjs.cts'], project, options)).toBe('');
    const output = typeCheck(['typo.mts'], project, options);
    expect(output).toContain("'firstname' does not exist in type 'Embossing'");
  });

  it("type-checks every example of the package's README", () => {
    const readme = readFileSync(path.join(project, 'node_modules/@specsmith/enfuce/README.md'), 'utf8');
    const examples = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
    expect(examples).toHaveLength(3);
    expect(examples[0]).toContain('assertCreatePrivateCustomerRequestBody(input)');
    expect(examples[1]).toContain('createClient({ auth: {');
    expect(examples[2]).toContain("parseWebhook('notification', request, { token: 'the token the provider sends' })");
    const files = examples.map((example, index) => {
      writeFileSync(path.join(project, `readme-${index}.mts`), example);
      return `readme-${index}.mts`;
    });
    expect(typeCheck(files, project)).toBe('');
  });

  it('creates a customer and a card and reads them back against specsmith mock serving the installed openapi.json', async () => {
    const spec = path.join(project, 'node_modules/@specsmith/enfuce/openapi.json');
    const mock = spawn(process.execPath, [path.join(repoRoot, 'generator/dist/cli/main.js'), 'mock', '--spec', spec, '--port', '0'], {
      cwd: project,
    });
    try {
      let printed = '';
      mock.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
      for (let waited = 0; !/ at (http:\S+)\n/.test(printed) && waited < 20_000; waited += 20)
        await new Promise((resolve) => setTimeout(resolve, 20));
      const url = / at (http:\S+)\n/.exec(printed)?.[1];
      expect(url).toBeDefined();
      const script = [
        "import { createClient } from '@specsmith/enfuce';",
        `const client = createClient({ baseUrl: ${JSON.stringify(url)}, auth: { username: 'user', password: 'secret' } });`,
        "const query = { auditUser: 'consumer' };",
        "const address = { address1: 'Kings street 12', city: 'Mariehamn', country: 'ALA', zipCode: '22100' };",
        "const body = { firstName: 'Matti', lastName: 'Korhonen', customerNumber: 'C1', locale: 'fi_FI', regNo: '1', address };",
        'const customer = await client.createPrivateCustomer({ query, body });',
        'const read = await client.getCustomer({ path: { id: customer.data.id }, query });',
        "const path = { customerId: read.data.id, accountId: '1', cardRole: 'MAIN' };",
        "const card = await client.createMcCard({ path, query, body: { embossing: { firstName: 'Matti', lastName: 'Korhonen' } } });",
        'const cardRead = await client.getCard({ path: { id: card.data.id }, query });',
        'console.log(customer.status, read.status, card.status, cardRead.status, cardRead.data.status);',
      ].join('\n');
      writeFileSync(path.join(project, 'journey.mjs'), script);
      await expect(runAsync(process.execPath, ['journey.mjs'], project)).resolves.toBe('201 200 201 200 CARD_OK\n');
    } finally {
      mock.kill('SIGTERM');
    }
  });
});

describe('a package generated with --commonjs require-esm, packed and installed', () => {
  let installed = { project: '', packDir: '' };
  beforeAll(async () => {
    const out = temporaryDirectory('require-esm');
    const result = await generate({
      root: repoRoot,
      jobs: [{ spec: 'specs/enfuce/openapi.yaml', out, name: '@specsmith/enfuce' }],
      commonjs: 'require-esm',
      progress: 'never',
    });
    if (!result.ok) throw new Error(result.diagnostics.map((diagnostic) => diagnostic.message).join('\n'));
    installed = installPacked(out);
  });
  const packageFolder = () => path.join(installed.project, 'node_modules/@specsmith/enfuce');

  it('ships the ES modules alone, with one-line CommonJS entries that load them', () => {
    expect(packedFiles(packageFolder())).toEqual(
      [
        'README.md',
        'client.js',
        'index.cjs',
        'index.d.cts',
        'index.d.ts',
        'index.js',
        'openapi.json',
        'package.json',
        'runtime.cjs',
        'runtime.d.cts',
        'runtime.d.ts',
        'runtime.js',
        'types.cjs',
        'types.d.cts',
        'types.d.ts',
        'types.js',
        'validators.js',
        'validators-compiled.js',
        'webhooks.js',
      ].sort(),
    );
    expect(readFileSync(path.join(packageFolder(), 'index.cjs'), 'utf8')).toMatch(/^module\.exports = require\('\.\/index\.js'\);$/m);
    expect(readFileSync(path.join(packageFolder(), 'runtime.cjs'), 'utf8')).toMatch(/^module\.exports = require\('\.\/runtime\.js'\);$/m);
    expect(readFileSync(path.join(packageFolder(), 'README.md'), 'utf8')).toContain("through Node's `require(esm)`");
  });

  it('passes publint --strict and @arethetypeswrong/cli', async () => {
    expect(await lint(installed.packDir, 'specsmith-enfuce-')).toEqual({
      publint: [],
      attw: {},
      entrypoints: ['.', './types', './runtime', './openapi.json', './package.json'],
    });
  });

  it('gives require and import the same module: one copy of each validator and one ValidationError', () => {
    const script = [
      "import * as esm from '@specsmith/enfuce';",
      "import { createRequire } from 'node:module';",
      "const cjs = createRequire(import.meta.url)('@specsmith/enfuce');",
      'const keys = (value) => Object.keys(value).sort().join();',
      'console.log(keys(cjs) === keys(esm), cjs.isMcCard === esm.isMcCard, cjs.ValidationError === esm.ValidationError);',
    ].join('\n');
    expect(node('module', script, installed.project)).toBe('true true true');
  });

  it('validates from CommonJS require, without a warning, and its /types entry holds no validators', () => {
    const script = [
      "const { assertCreateMcCardRequestBody, isMcCard, ValidationError, CardRoleValues } = require('@specsmith/enfuce');",
      'try {',
      "  assertCreateMcCardRequestBody({ embossing: { firstName: 'M' } });",
      '} catch (error) {',
      '  console.log(error instanceof ValidationError, error.issues.map((issue) => issue.path).join());',
      '}',
      "console.log(isMcCard(null), CardRoleValues.join(), 'createClient' in require('@specsmith/enfuce/types'));",
    ].join('\n');
    const child = spawnSync(process.execPath, ['--input-type=commonjs', '-e', script], { cwd: installed.project, encoding: 'utf8' });
    expect({ stdout: child.stdout, stderr: child.stderr }).toEqual({
      stdout: 'true /embossing/lastName\nfalse MAIN,SUPPLEMENTARY false\n',
      stderr: '',
    });
  });

  it('type-checks a .cts consumer that calls a validator', () => {
    writeFileSync(
      path.join(installed.project, 'consumer.cts'),
      "import { isMcCard, type McCard } from '@specsmith/enfuce';\nexport const pick = (value: unknown): McCard | undefined => (isMcCard(value) ? value : undefined);\n",
    );
    const options = ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext'];
    expect(typeCheck(['consumer.cts'], installed.project, options)).toBe('');
  });
});
