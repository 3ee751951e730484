import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnosticCatalog } from '../generator/src/diagnostics/catalog.js';
import { docsCheck, type DocsCheckResult } from '../generator/src/docs-check/run-docs-check.js';
import { readPossibleValues } from '../generator/src/docs-check/possible-values.js';
import { readFieldLine } from '../generator/src/docs-check/read-docusaurus-schema.js';
import { readMintlifyPage } from '../generator/src/docs-check/read-mintlify.js';
import { repoRoot, temporaryDirectory } from './support/paths.js';

/**
 * The captured pages live outside the repository. CI sets SPECSMITH_DOCS_DIR (then a missing folder is
 * a failure); elsewhere the sibling ../shared/seeds is used when present, and the checks against the
 * pages are skipped, loudly, when it is not.
 */
const explicitDocsDir = process.env.SPECSMITH_DOCS_DIR;
const docsDir = explicitDocsDir ?? path.resolve(repoRoot, '../shared/seeds');
const havePages = existsSync(docsDir);
if (!havePages && explicitDocsDir === undefined) {
  console.warn(`\n*** docs-check: no captured pages at ${docsDir}; the checks against the doc pages are SKIPPED ***\n`);
}

const problems = (result: DocsCheckResult) =>
  result.pages.flatMap((page) => page.facts.filter((fact) => fact.problem !== undefined).map((fact) => ({ page: page.page, ...fact })));

/** A copy of specs/ with one edit, so a mismatch can be provoked without touching the real specs. */
function specsWith(file: string, from: string, to: string): string {
  const copy = path.join(temporaryDirectory('docs-check'), 'specs');
  cpSync(path.join(repoRoot, 'specs'), copy, { recursive: true });
  const target = path.join(copy, file);
  const text = readFileSync(target, 'utf8');
  expect(text.split(from).length, `${from} occurs once in ${file}`).toBe(2);
  writeFileSync(target, text.replace(from, to));
  return copy;
}

it.runIf(explicitDocsDir !== undefined)('finds the pages where SPECSMITH_DOCS_DIR says they are', () => {
  expect(existsSync(docsDir), `SPECSMITH_DOCS_DIR=${docsDir} does not exist`).toBe(true);
});

it('specsmith docs-check on a folder that does not exist says only that (exit 2)', () => {
  const folder = temporaryDirectory('docs-missing');
  const run = spawnSync(process.execPath, [path.join(repoRoot, 'generator/dist/cli/main.js'), 'docs-check', 'pages'], {
    cwd: folder,
    encoding: 'utf8',
  });
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toBe(
    `pages error docs-folder-missing: ${path.join(folder, 'pages')} does not exist (at #)\n  hint: ${diagnosticCatalog['docs-folder-missing'].help}\n`,
  );
});

describe('reading doc pages', () => {
  it('splits a glued Docusaurus field line into candidate names, type and marks', () => {
    expect(readFieldLine('registrationIpipv4required')).toEqual({
      names: ['registrationIp'],
      valuesArray: false,
      facts: [
        { kind: 'type', value: 'string' },
        { kind: 'format', value: 'ipv4' },
        { kind: 'required', value: true },
      ],
    });
    expect(readFieldLine('requiredActionsRestrictionAction (string)[]')?.names).toEqual([
      'required',
      'requiredActions',
      'requiredActionsRestriction',
    ]);
    expect(readFieldLine('requiredActionsRestrictionAction (string)[]')?.valuesArray).toBe(true);
    expect(readFieldLine('hasVirtualInstrumentbooleandeprecated')?.facts).toEqual([
      { kind: 'type', value: 'boolean' },
      { kind: 'deprecated', value: true },
    ]);
    expect(readFieldLine('accounts object[]')?.facts).toEqual([
      { kind: 'type', value: 'array' },
      { kind: 'type', value: 'object', items: true },
    ]);
    expect(readFieldLine('Accounts associated with this customer.')).toBeUndefined();
    expect(readFieldLine('Restriction id')).toBeUndefined();
  });

  it('reads length bounds and enum lists, and refuses what it does not understand', () => {
    expect(readPossibleValues('non-empty and <= 40 characters')).toEqual([
      { kind: 'minLength', value: 1 },
      { kind: 'maxLength', value: 40 },
    ]);
    expect(readPossibleValues('>= 3 characters and <= 3 characters')).toEqual([
      { kind: 'minLength', value: 3 },
      { kind: 'maxLength', value: 3 },
    ]);
    expect(readPossibleValues('[LEGAL_ENTITY, PERSON]')).toEqual([{ kind: 'enum', value: ['LEGAL_ENTITY', 'PERSON'] }]);
    expect(readPossibleValues('>= 1 and <= 12')).toEqual([
      { kind: 'minimum', value: 1 },
      { kind: 'maximum', value: 12 },
    ]);
    expect(readPossibleValues('between 1 and 5 characters')).toBeUndefined();
  });

  it('reads a Mintlify option list up to the value without a trailing comma', () => {
    const page = ['Body', 'size', 'enum<string>', 'required', 'How big.', 'Available options:', 'S,', 'M,', 'L', 'colour', 'string'].join(
      '\n',
    );
    const reading = readMintlifyPage(page);
    expect(reading.facts.map(({ field, kind, value }) => [field[0]?.names[0], kind, value])).toEqual([
      ['size', 'type', 'string'],
      ['size', 'required', true],
      ['size', 'enum', ['S', 'M', 'L']],
      ['colour', 'type', 'string'],
    ]);
  });

  it('counts an array limit as items for object[] and as item length for string[]', () => {
    const page = ['Body', 'tags', 'object[]', 'Maximum length: 10', 'codes', 'string[]', 'Maximum length: 3'].join('\n');
    const facts = readMintlifyPage(page).facts.filter((fact) => fact.kind.startsWith('max'));
    expect(facts.map(({ kind, value, items }) => ({ kind, value, items }))).toEqual([
      { kind: 'maxItems', value: 10, items: undefined },
      { kind: 'maxLength', value: 3, items: true },
    ]);
  });
});

describe.skipIf(!havePages)('docs-check against the captured pages', () => {
  it('finds every fact of the five pages in the specs', async () => {
    const result = await docsCheck({ docsDir, root: repoRoot });
    expect(result.diagnostics).toEqual([]);
    expect(problems(result)).toEqual([]);
    expect(result.ok).toBe(true);
    // How many facts each page states: a reader that silently stops reading fails here.
    expect(Object.fromEntries(result.pages.map((page) => [page.page, page.facts.length]))).toEqual({
      '000_6d5e824e95f1540b.txt': 41,
      '001_0282fb0871c2155a.txt': 26,
      '002_39c9f4a2c77918e3.txt': 65,
      '003_7bb6ee7d2d588052.txt': 18,
      '004_aab883934defe30f.txt': 118,
    });
  });

  it('matches the facts at the properties the pages name', async () => {
    const result = await docsCheck({ docsDir, root: repoRoot });
    const fact = (page: string, field: string, kind: string) =>
      result.pages.find((item) => item.page.startsWith(page))?.facts.find((item) => item.field === field && item.kind === kind);
    expect(fact('004', 'occupation', 'enum')?.value).toContain('EDUCATION_AND_EDUCATIONAL_SURVICES');
    expect(fact('004', 'restrictions/requiredActions', 'enum')?.value).toContain('COMPLETE_ONBOARDING');
    expect(fact('002', 'restrictions/reason', 'enum')?.value).toContain('BLACKLIST');
    expect(fact('004', 'additionalAttributes/*', 'type')?.value).toBe('string');
    expect(fact('003', 'basicData/nationality', 'enum')?.value).toHaveLength(249);
    expect(fact('000', 'additionalValues', 'maxItems')).toMatchObject({
      value: 10,
      spec: expect.stringMatching(/^specs\/enfuce\/openapi\.yaml:\d+$/),
    });
    expect(fact('000', 'customerNumber', 'maxLength')?.value).toBe(64);
    expect(fact('001', 'cardRole', 'enum')?.value).toEqual(['MAIN', 'SUPPLEMENTARY']);
  });

  const mismatches = [
    {
      why: 'a length limit that differs',
      edit: [
        'paysafe/openapi.yaml',
        '        firstName:\n          type: string\n          maxLength: 50',
        '        firstName:\n          type: string\n          maxLength: 60',
      ],
      expected: {
        page: '004_aab883934defe30f.txt',
        line: 200,
        field: 'firstName',
        kind: 'maxLength',
        problem: 'the page says maxLength 50; the spec says 60',
      },
    },
    {
      why: 'a v1-only value leaking into the v2 enum',
      edit: ['paysafe/openapi.yaml', '        - RISK_CONTROLS\n', '        - RISK_CONTROLS\n        - BLACKLIST\n'],
      expected: {
        page: '004_aab883934defe30f.txt',
        field: 'restrictions/reason',
        kind: 'enum',
        problem: expect.stringContaining('in the spec but not on the page: BLACKLIST'),
      },
    },
    {
      why: 'an enum value missing',
      edit: ['gateway/openapi.yaml', '        - UNEMPLO\n', ''],
      expected: {
        page: '003_7bb6ee7d2d588052.txt',
        line: 23,
        field: 'basicData/occupation',
        kind: 'enum',
        problem: expect.stringContaining('missing from the spec: UNEMPLO'),
      },
    },
    {
      why: 'a required mark dropped',
      edit: [
        'enfuce/openapi.yaml',
        'required: [firstName, lastName, customerNumber, locale, regNo, address]',
        'required: [firstName, lastName, customerNumber, locale, address]',
      ],
      expected: {
        page: '000_6d5e824e95f1540b.txt',
        field: 'regNo',
        kind: 'required',
        problem: 'the page marks it required; the spec does not',
      },
    },
    {
      why: 'an item-count limit removed',
      edit: ['enfuce/openapi.yaml', '          maxItems: 10\n', ''],
      expected: {
        page: '000_6d5e824e95f1540b.txt',
        field: 'additionalValues',
        kind: 'maxItems',
        problem: 'the page says maxItems 10; the spec states no maxItems',
      },
    },
    {
      why: 'a format that differs',
      edit: [
        'paysafe/openapi.yaml',
        '          format: ipv4\n          description: IPv4 address the customer registered from.\n          x-source: https://docs.paysafe.com/api/embedded-wallets/business/2.0.0/wallet/schemas/customerperson',
        '          format: ipv6\n          description: IPv4 address the customer registered from.\n          x-source: https://docs.paysafe.com/api/embedded-wallets/business/2.0.0/wallet/schemas/customerperson',
      ],
      expected: {
        page: '004_aab883934defe30f.txt',
        field: 'registrationIp',
        kind: 'format',
        problem: 'the page says format "ipv4"; the spec says "ipv6"',
      },
    },
    {
      why: 'a renamed property',
      edit: [
        'paysafe/openapi.yaml',
        '        zip:\n          type: string\n          maxLength: 30',
        '        zipCode:\n          type: string\n          maxLength: 30',
      ],
      expected: { page: '004_aab883934defe30f.txt', field: 'zip', kind: 'type', problem: 'no property zip' },
    },
  ] as const;

  it.each(mismatches)('reports $why, with the page line and the spec location', async ({ edit, expected }) => {
    const [file, from, to] = edit;
    const result = await docsCheck({ docsDir, specsDir: specsWith(file, from, to), root: repoRoot });
    expect(result.ok).toBe(false);
    expect(problems(result)).toContainEqual(expect.objectContaining(expected));
  });

  it('fails on a page no docs map names, and on a map entry the spec cannot satisfy', async () => {
    const docsCopy = temporaryDirectory('docs-pages');
    cpSync(docsDir, docsCopy, { recursive: true });
    writeFileSync(path.join(docsCopy, '005_new_page.txt'), 'Body\n');
    const specs = specsWith('gateway/docs-map.yaml', 'operation: createIndividualCustomer', 'operation: createCustomer');
    const result = await docsCheck({ docsDir: docsCopy, specsDir: specs, root: repoRoot });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map(({ code, message, line }) => ({ code, message, line }))).toEqual([
      { code: 'docs-target-unknown', message: 'no operation createCustomer', line: 4 },
      { code: 'docs-page-unmapped', message: '005_new_page.txt is not in any docs map', line: 0 },
    ]);
  });

  it('fails when the unlabelled facts of a page and the names in the map do not line up', async () => {
    const miscounted = await docsCheck({
      docsDir,
      specsDir: specsWith('gateway/docs-map.yaml', '      - mainAddress/country\n', ''),
      root: repoRoot,
    });
    expect(miscounted.diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      '003_7bb6ee7d2d588052.txt has 9 unlabelled fact lines; the map names 8',
    ]);
    const misplaced = await docsCheck({
      docsDir,
      specsDir: specsWith('gateway/docs-map.yaml', '      - identification/country', '      - mainAddress/zipCode'),
      root: repoRoot,
    });
    expect(misplaced.diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      '003_7bb6ee7d2d588052.txt:34 sits in identification; the map puts it at mainAddress/zipCode',
    ]);
  });

  it('reports a docs map that does not fit its schema, with its line', async () => {
    const result = await docsCheck({
      docsDir,
      specsDir: specsWith(
        'paysafe/docs-map.yaml',
        'layout: docusaurus-schema\n    schema: Customer\n',
        'layout: docusaurus\n    schema: Customer\n',
      ),
      root: repoRoot,
    });
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'docs-map-invalid',
        file: expect.stringMatching(/paysafe\/docs-map\.yaml$/),
        pointer: '/pages/0/layout',
        message: expect.stringContaining('allowed values'),
      }),
    );
  });
});

describe.skipIf(!havePages)('specsmith docs-check (CLI)', () => {
  const bin = path.join(repoRoot, 'generator/dist/cli/main.js');
  const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    spawnSync(process.execPath, [bin, 'docs-check', ...args], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, SPECSMITH_DOCS_DIR: '', ...env },
    });

  it('prints the table and exits 0 when every fact matches', () => {
    const result = run([docsDir]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^004_aab883934defe30f\.txt +paysafe +schema CustomerPerson .* 118\/118$/m);
    expect(result.stdout).toMatch(/^total .* 268\/268$/m);
  });

  it('takes the folder from SPECSMITH_DOCS_DIR', () => {
    expect(run([], { SPECSMITH_DOCS_DIR: docsDir }).status).toBe(0);
  });

  it('exits 1 on a mismatch, naming the page line', () => {
    const specs = specsWith('enfuce/openapi.yaml', '        - zu_ZA\n', '');
    const result = run([docsDir, '--specs', specs]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /000_6d5e824e95f1540b\.txt:57 locale enum: enum differs \(page 143 values, spec 142\): missing from the spec: zu_ZA/,
    );
  });

  it('exits 2 without a folder, or with one that does not exist', () => {
    expect(run([]).status).toBe(2);
    const missing = run(['no/such/folder']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('docs-folder-missing');
  });
});
