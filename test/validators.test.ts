import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { refusedSchemas, ValidatorCompileError } from '../generator/src/emit/validators/schema-check.js';
import { compiledOrDiagnosed } from '../generator/src/emit/validators/emit-validators.js';
import { compileValidatorCode, FallbackRefused } from '../generator/src/emit/validators/validator-code.js';
import { loadValidatorRuntime } from '../generator/src/emit/validators/runtime-format.js';
import { collectValidators } from '../generator/src/emit/validators/validator-set.js';
import { parseDocument } from '../generator/src/ir/parse-document.js';
import { loadDocument } from '../generator/src/load/load-document.js';
import { formats } from '../templates/runtime/checks.js';
import { generateFixture } from './support/generate-fixture.js';
import { fixturesDir, repoRoot, temporaryDirectory } from './support/paths.js';
import { curatedExample, violations } from './support/violations.js';

type Json = Record<string, unknown>;
interface Issue {
  path: string;
  message: string;
  keyword: string;
  params: Json;
}
interface StandardResult {
  value?: unknown;
  issues?: { message: string; path: (string | number)[] }[];
}
/** A generated validators module, seen through its naming convention. */
type Module = Record<string, unknown> & { ValidationError: new (...args: never[]) => Error & { issues: Issue[] } };

const is = (module: Module, name: string) => module[`is${name}`] as (value: unknown) => boolean;
const assert = (module: Module, name: string) => module[`assert${name}`] as (value: unknown) => void;
const standard = (module: Module, name: string) =>
  (module[`${name}Schema`] as { '~standard': { validate: (value: unknown) => StandardResult } })['~standard'];

function issuesOf(module: Module, name: string, value: unknown): Issue[] {
  try {
    assert(module, name)(value);
  } catch (error) {
    expect(error).toBeInstanceOf(module.ValidationError);
    expect(error).toBeInstanceOf(Error);
    return (error as { issues: Issue[] }).issues;
  }
  return [];
}

const importPackage = async (folder: string) => (await import(pathToFileURL(path.join(folder, 'index.js')).href)) as Module;

describe('validators of the curated packages', () => {
  const modules = new Map<string, Module>();
  beforeAll(async () => {
    for (const provider of ['enfuce', 'gateway', 'paysafe'])
      modules.set(provider, await importPackage(path.join(repoRoot, 'generated', provider)));
  });

  it.each(violations)('$provider $schema: $why', ({ provider, schema, change, keyword }) => {
    const module = modules.get(provider)!;
    const example = curatedExample(provider, schema);
    expect(is(module, schema)(example)).toBe(true);
    expect(issuesOf(module, schema, example)).toEqual([]);
    change(example);
    expect(is(module, schema)(example)).toBe(false);
    expect(issuesOf(module, schema, example).map((issue) => issue.keyword)).toContain(keyword);
  });

  it('words each issue with the path, the rule and, for an enum, the closest allowed value', () => {
    const module = modules.get('enfuce')!;
    const customer: Json = { ...curatedExample('enfuce', 'PrivateCustomer'), locale: 'fi_fi', firstName: 'M'.repeat(256) };
    delete customer.regNo;
    const issues = issuesOf(module, 'PrivateCustomer', customer);
    expect(issues.map(({ path, keyword }) => ({ path, keyword }))).toEqual([
      { path: '/regNo', keyword: 'required' },
      { path: '/firstName', keyword: 'maxLength' },
      { path: '/locale', keyword: 'enum' },
    ]);
    // The rule's place in the shipped spec and the property's source line, as the type's JSDoc `@spec`
    // shows them, then the page the rule comes from.
    const specLines = readFileSync(path.join(repoRoot, 'specs/enfuce/openapi.yaml'), 'utf8').split('\n');
    const line = specLines.indexOf('        firstName:', specLines.indexOf('    PrivateCustomer:')) + 1;
    expect(line).toBeGreaterThan(0);
    expect(issues[1]?.message).toBe(
      '/firstName must be at most 255 characters (spec: openapi.json#/components/schemas/PrivateCustomer/properties/firstName, ' +
        `enfuce/openapi.yaml:${line}; see https://docs.enfuce.com/payment/api/create-a-customer/create-private-customer)`,
    );
    expect(issues[2]?.message).toMatch(
      /^\/locale must be one of "af_ZA", .* \(143 values\); did you mean "fi_FI"\? \(spec: openapi\.json#\/components\/schemas\/Locale, enfuce\/openapi\.yaml:\d+; see https:\/\/docs\.enfuce\.com\/payment\/api\/create-a-customer\/create-private-customer\)$/,
    );
  });

  it('words its message when first read: in the stack trace, in JSON, replaceable by a wrapper', () => {
    const module = modules.get('paysafe')!;
    let error: (Error & { issues: Issue[] }) | undefined;
    try {
      assert(module, 'CustomerPerson')({ ...curatedExample('paysafe', 'CustomerPerson'), occupation: 'ENGINEERIN' });
    } catch (caught) {
      error = caught as typeof error;
    }
    const stackHead = error?.stack?.split('\n')[0] ?? '';
    expect(stackHead).toBe('ValidationError: CustomerPerson is not valid:');
    expect(error?.message).toMatch(/^CustomerPerson is not valid:\n {2}\/occupation must be one of .*did you mean "ENGINEERING"\?/);
    // An issue serialises with its message and its place in the spec, as data.
    const serialised = JSON.parse(JSON.stringify(error?.issues[0])) as Issue & { spec: string };
    expect(serialised.message).toBe(error?.issues[0]?.message);
    // The enum is the Occupation schema's, which the property refers to.
    expect(serialised.spec).toMatch(/^openapi\.json#\/components\/schemas\/Occupation, paysafe\/openapi\.yaml:\d+; see https:\/\//);
    if (error !== undefined) error.message = `while onboarding: ${error.message.split('\n')[0]}`;
    expect(error?.message).toBe('while onboarding: CustomerPerson is not valid:');
  });

  it('points at a problem several references and items deep, the same on every call', () => {
    const module = modules.get('paysafe')!;
    const person = curatedExample('paysafe', 'CustomerPerson') as Json & {
      restrictions: Json[];
      accounts: (Json & { virtualInstrument: Json[] })[];
      vulnerabilities: string[];
    };
    person.restrictions[0]!.name = 'NO_SUCH_RESTRICTION';
    person.accounts[0]!.virtualInstrument[0]!.instrumentType = 'NO_SUCH_TYPE';
    person.vulnerabilities.push('NO_SUCH_VULNERABILITY');
    person.nationality = 'gb';
    const expected = ['/restrictions/0/name', '/accounts/0/virtualInstrument/0/instrumentType', '/nationality', '/vulnerabilities/1'];
    expect(issuesOf(module, 'CustomerPerson', person).map((issue) => issue.path)).toEqual(expected);
    expect(issuesOf(module, 'CustomerPerson', person).map((issue) => issue.path)).toEqual(expected);
    expect(standard(module, 'CustomerPerson').validate(person).issues?.[1]?.path).toEqual([
      'accounts',
      0,
      'virtualInstrument',
      0,
      'instrumentType',
    ]);
  });

  it('counts characters, not UTF-16 units: an emoji is one character', () => {
    const module = modules.get('paysafe')!;
    const person = curatedExample('paysafe', 'CustomerPerson');
    expect(is(module, 'CustomerPerson')({ ...person, title: '🙂'.repeat(15) })).toBe(true);
    expect(is(module, 'CustomerPerson')({ ...person, title: '🙂'.repeat(16) })).toBe(false);
  });

  it('checks formats on the real calendar and by the RFCs', () => {
    const module = modules.get('paysafe')!;
    const person = curatedExample('paysafe', 'CustomerPerson');
    const check = (patch: Json) => is(module, 'CustomerPerson')({ ...person, ...patch });
    expect(check({ birthDate: '2024-02-29' })).toBe(true);
    expect(check({ birthDate: '2023-02-29' })).toBe(false);
    expect(check({ birthDate: '2024-04-31' })).toBe(false);
    expect(check({ registrationDate: '2024-07-29t15:51:28z' })).toBe(true);
    expect(check({ registrationDate: '2024-07-29T25:51:28Z' })).toBe(false);
    expect(check({ registrationDate: '2016-12-31T23:59:60Z' })).toBe(true);
    expect(check({ registrationDate: '2016-12-31T22:59:60Z' })).toBe(false);
    expect(check({ registrationIp: '999.1.1.1' })).toBe(false);
    expect(check({ registrationIp: '01.2.3.4' })).toBe(false);
  });

  it('validates operation parts: path parameters closed, request bodies in the request direction', () => {
    const enfuce = modules.get('enfuce')!;
    expect(is(enfuce, 'CreateMcCardPathParams')({ customerId: '1', accountId: '2', cardRole: 'MAIN' })).toBe(true);
    expect(is(enfuce, 'CreateMcCardPathParams')({ customerId: '1', accountId: '2', cardRole: 'main' })).toBe(false);
    expect(is(enfuce, 'CreateMcCardPathParams')({ customerId: '1', accountId: '2', cardRole: 'MAIN', extra: 'x' })).toBe(false);
    expect(is(enfuce, 'CreateMcCardQueryParams')({})).toBe(false);
    expect(is(enfuce, 'CreateMcCardQueryParams')({ auditUser: 'ops' })).toBe(true);
    expect(is(enfuce, 'CreatePrivateCustomerRequestBody')(curatedExample('enfuce', 'PrivateCustomer'))).toBe(true);
    const paysafe = modules.get('paysafe')!;
    expect(is(paysafe, 'GetCustomerPersonByAttributeResponse200')(curatedExample('paysafe', 'CustomerPerson'))).toBe(true);
  });

  it('implements Standard Schema v1', () => {
    const module = modules.get('gateway')!;
    const schema = standard(module, 'IndividualCustomer');
    expect(schema).toMatchObject({ version: 1, vendor: 'specsmith' });
    const valid = curatedExample('gateway', 'IndividualCustomer');
    expect(schema.validate(valid)).toEqual({ value: valid });
    const result = schema.validate({ ...valid, basicData: { ...(valid.basicData as Json), nationality: 'GBR' } });
    expect(result.issues).toEqual([
      { message: expect.stringContaining('/basicData/nationality must be one of'), path: ['basicData', 'nationality'] },
    ]);
  });
});

describe('validators of the feature fixtures', () => {
  const load = async (name: string) => {
    const { result, outDir } = await generateFixture({ spec: path.join(fixturesDir, `${name}.yaml`), label: 'validators', name });
    expect(result.ok).toBe(true);
    return importPackage(outDir);
  };

  it('applies readOnly and writeOnly per direction', async () => {
    const module = await load('read-write-only');
    const sent = { email: 'a@example.com', password: 'correct horse battery' };
    expect(is(module, 'CreateUserRequestBody')(sent)).toBe(true);
    // A request must not carry a readOnly property; a response need not carry a writeOnly one.
    expect(issuesOf(module, 'CreateUserRequestBody', { ...sent, id: 'u1' })).toEqual([
      { path: '/id', message: '/id is not allowed here', keyword: 'false schema', params: {} },
    ]);
    expect(is(module, 'CreateUserResponse201')({ id: 'u1', email: 'a@example.com' })).toBe(true);
    expect(is(module, 'CreateUserResponse201')({ email: 'a@example.com' })).toBe(false);
    expect(is(module, 'UserRequest')({ email: 'a@example.com' })).toBe(false);
    expect(is(module, 'User')({ id: 'u1', email: 'a@example.com', password: 'correct horse battery' })).toBe(true);
  });

  it('pins each discriminated branch to its tag values, with and without mapping', async () => {
    const mapped = await load('discriminator-mapping');
    expect(is(mapped, 'Pet')({ petType: 'kitten', lives: 9 })).toBe(true);
    expect(is(mapped, 'Pet')({ petType: 'dog', barks: true })).toBe(true);
    expect(is(mapped, 'Pet')({ petType: 'Dog', barks: true })).toBe(false);
    const implicit = await load('discriminator-implicit');
    const implicitNames = Object.keys(implicit).filter((name) => name.startsWith('is'));
    expect(implicitNames.length).toBeGreaterThan(0);
  });

  it('accepts null where 3.0 nullable says so, and only there', async () => {
    const module = await load('nullable-3-0');
    const names = Object.keys(module).filter((name) => name.startsWith('is'));
    expect(names.length).toBeGreaterThan(0);
    const document = parse(readFileSync(path.join(fixturesDir, 'nullable-3-0.yaml'), 'utf8')) as {
      components: { schemas: Record<string, Json> };
    };
    for (const [name, schema] of Object.entries(document.components.schemas)) {
      expect(is(module, name)(null), name).toBe(schema.nullable === true);
    }
  });
});

describe('keywords the validators cannot check, and patterns that may backtrack', () => {
  it('are reported as warnings where the spec writes them, and the package is still generated', async () => {
    const folder = temporaryDirectory('unchecked');
    const spec = path.join(folder, 'unchecked.yaml');
    const lines = [
      'openapi: 3.1.0',
      'info: {title: Unchecked keywords, version: 1.0.0}',
      'paths: {}',
      'components:',
      '  schemas:',
      '    Contact:',
      '      type: object',
      '      properties:',
      '        phone: {type: string, format: phone}',
      '        mobile: {type: string, format: phone}',
      "        code: {type: string, pattern: '(?<open'}",
      '        day: {type: string, format: date}',
      "        word: {type: string, pattern: '^(a+)+$'}",
      '      unevaluatedProperties: false',
      '      dependentRequired: {phone: [code]}',
    ];
    writeFileSync(spec, `${lines.join('\n')}\n`);
    const { result, outDir } = await generateFixture({ spec, label: 'validators', name: 'unchecked' });
    expect(result.ok).toBe(true);
    expect(result.diagnostics.map(({ code, severity, line, message }) => ({ code, severity, line, message }))).toEqual([
      {
        code: 'validator-keyword-unchecked',
        severity: 'warning',
        line: 9,
        message: 'format "phone" is not one the validators know; values are not checked against it (also in 1 other place)',
      },
      {
        code: 'validator-keyword-unchecked',
        severity: 'warning',
        line: 11,
        message: 'pattern "(?<open" is not a valid JavaScript (unicode) regular expression; values are not checked against it',
      },
      {
        code: 'validator-pattern-risky',
        severity: 'warning',
        line: 13,
        message:
          'pattern "^(a+)+$" is checked, but input can make it backtrack catastrophically: a hostile value could make validation slow',
      },
      {
        code: 'validator-fallback',
        severity: 'warning',
        line: 7,
        message:
          "the validator of Contact is compiled by AJV, not by specsmith's emitter, because of unevaluatedProperties (at #/$defs/Contact/unevaluatedProperties); it is slower, its messages cite no spec line, and the package depends on ajv",
      },
    ]);
    // AJV's code, as AJV writes it, in a module of its own that the package ships and depends on ajv for.
    const manifest = JSON.parse(readFileSync(path.join(outDir, 'package.json'), 'utf8')) as { dependencies: object; files: string[] };
    expect(manifest.dependencies).toHaveProperty('ajv', expect.stringMatching(/^\^8\./));
    expect(manifest.files).toEqual(expect.arrayContaining(['validators-fallback.js', 'validators-fallback.cjs']));
    expect(readFileSync(path.join(outDir, 'validators-fallback.js'), 'utf8')).toContain('export const ajvContact = validate');
    const module = await importPackage(outDir);
    expect(is(module, 'Contact')({ phone: 'anything', code: 'anything', day: '2024-01-01', word: 'aaa' })).toBe(true);
    // unevaluatedProperties and dependentRequired are checked: no unknown property, and a phone needs its code.
    expect(is(module, 'Contact')({ phone: 'anything', code: 'c', other: 1 })).toBe(false);
    expect(is(module, 'Contact')({ phone: 'anything', code: 'c' })).toBe(true);
    expect(is(module, 'Contact')({ phone: 'anything' })).toBe(false);
    expect(is(module, 'Contact')({ word: 'b' })).toBe(false);
    expect(is(module, 'Contact')({ day: '2024-13-01' })).toBe(false);
    expect(issuesOf(module, 'Contact', { phone: 'p', other: 1 }).map(({ path, keyword }) => `${path} ${keyword}`)).toEqual([
      ' dependentRequired',
      '/other unevaluatedProperties',
    ]);
  });
});

describe('schemas neither compiler can check', () => {
  it('leave a patternProperties key no regular expression can be made of unchecked, with a warning', async () => {
    const folder = temporaryDirectory('pattern-key');
    const spec = path.join(folder, 'api.yaml');
    writeFileSync(
      spec,
      [
        'openapi: 3.1.0',
        'info: {title: t, version: 1.0.0}',
        'paths: {}',
        'components:',
        '  schemas:',
        '    Tags:',
        '      type: object',
        "      patternProperties: {'(?<open': {type: string}, '^x-': {type: integer}}",
        '      unevaluatedProperties: false',
        '',
      ].join('\n'),
    );
    const { result, outDir } = await generateFixture({ spec, label: 'validators', name: 'pattern-key' });
    expect(result.ok).toBe(true);
    expect(result.diagnostics.map(({ code, line }) => ({ code, line }))).toEqual([
      { code: 'validator-keyword-unchecked', line: 7 },
      { code: 'validator-fallback', line: 7 },
    ]);
    const module = await importPackage(outDir);
    expect(is(module, 'Tags')({ 'x-a': 1 })).toBe(true);
    expect(is(module, 'Tags')({ 'x-a': 'one' })).toBe(false);
  });

  it('are diagnostics at their schema, not a crash, when AJV refuses what the emitter left to it', async () => {
    const loaded = await loadDocument({ entry: path.join(fixturesDir, 'object-basic.yaml'), root: repoRoot });
    if (!loaded.ok) throw new Error('the spec does not load');
    const model = parseDocument(loaded.loaded);
    const runtime = await loadValidatorRuntime();
    // Past the lowering (which drops such a key): AJV cannot compile the pattern either.
    const defs = { Odd: { unevaluatedProperties: false, patternProperties: { '(?<open': true } } };
    const compile = () => compileValidatorCode({ set: { entries: [{ name: 'Odd', def: 'Odd' }], defs }, runtime });
    expect(compile).toThrow(FallbackRefused);
    let diagnostics: { code: string; message: string }[] = [];
    try {
      compiledOrDiagnosed(model, compile);
    } catch (error) {
      if (error instanceof ValidatorCompileError) diagnostics = error.diagnostics;
    }
    expect(diagnostics.map(({ code, message }) => `${code}: ${message.slice(0, 50)}`)).toEqual([
      'validator-compile-failed: the validator of Odd could not be compiled (Invali',
    ]);
  });
});

describe('hostile specs', () => {
  it('generates working validators whatever the property names hold (quotes, code, JSON pointer characters)', async () => {
    const folder = temporaryDirectory('hostile-names');
    const spec = path.join(folder, 'names.yaml');
    // (`__proto__` is left out: AJV never treats it as a declared property, so a value holding it fails.)
    const names = [
      'a}];return false;',
      'b"c\\d',
      '~1/x',
      'constructor',
      'toString',
      "e'f`g${h}",
      'errors = _errs1;vErrors = reportError(errors++;',
      // Code the rewrites look for, inside a string: it must stay as the name is.
      'const _errs1 = errors;var valid0 = _errs1 === errors;',
    ];
    const properties = Object.fromEntries(names.map((name) => [name, { type: 'string', maxLength: 2 }]));
    const document = {
      openapi: '3.1.0',
      info: { title: 'Hostile names', version: '1.0.0' },
      paths: {},
      components: { schemas: { Names: { type: 'object', required: names, properties, additionalProperties: false } } },
    };
    writeFileSync(spec, JSON.stringify(document));
    const { result, outDir } = await generateFixture({ spec, label: 'validators', name: 'hostile-names' });
    expect(result.ok).toBe(true);
    const module = await importPackage(outDir);
    const valid = Object.fromEntries(names.map((name) => [name, 'ok']));
    const valueWith = (name: string, value: unknown) => JSON.parse(JSON.stringify({ ...valid, [name]: value })) as unknown;
    expect(is(module, 'Names')(JSON.parse(JSON.stringify(valid)))).toBe(true);
    for (const name of names) {
      expect(is(module, 'Names')(valueWith(name, 'too long'))).toBe(false);
      const escaped = name.replace(/~/g, '~0').replace(/\//g, '~1');
      expect(issuesOf(module, 'Names', valueWith(name, 'too long')).map((issue) => issue.path)).toEqual([`/${escaped}`]);
      // The rule's place: the property's schema in the shipped openapi.json, each token URI-encoded as AJV does.
      const [issue] = issuesOf(module, 'Names', valueWith(name, 'too long')) as { message: string }[];
      expect(issue?.message).toContain(`(spec: openapi.json#/components/schemas/Names/properties/${encodeURIComponent(escaped)}, `);
    }
  });
  it('checks properties named as code AJV once wrote (a recursion wrapper, the options it passes along) like any other', async () => {
    const folder = temporaryDirectory('code-names');
    const schemas = {
      Tree: { type: 'object', properties: { 'wrapper0.validate': { type: 'string' }, child: { $ref: '#/components/schemas/Tree' } } },
      Data: { type: 'object', properties: { rootData: { type: 'integer' }, inner: { $ref: '#/components/schemas/Inner' } } },
      Inner: { type: 'object', properties: { parentData: { type: 'integer' } } },
    };
    const generated = async (name: string, picked: (keyof typeof schemas)[]) => {
      const spec = path.join(folder, `${name}.json`);
      const components = { schemas: Object.fromEntries(picked.map((key) => [key, schemas[key]])) };
      writeFileSync(spec, JSON.stringify({ openapi: '3.1.0', info: { title: name, version: '1.0.0' }, paths: {}, components }));
      const { result, outDir } = await generateFixture({ spec, label: 'validators', name });
      expect(result.ok).toBe(true);
      return { module: await importPackage(outDir), code: readFileSync(path.join(outDir, 'validators-compiled.js'), 'utf8') };
    };
    // The wrapper's name in a string stays a name: its property is checked, at every depth.
    const tree = await generated('wrapper-name', ['Tree']);
    expect(is(tree.module, 'Tree')({ 'wrapper0.validate': 1 })).toBe(false);
    expect(issuesOf(tree.module, 'Tree', { child: { child: { 'wrapper0.validate': 1 } } }).map((issue) => issue.path)).toEqual([
      '/child/child/wrapper0.validate',
    ]);
    expect(is(tree.module, 'Tree')({ child: { 'wrapper0.validate': 'x' } })).toBe(true);
    const both = await generated('options-names', ['Tree', 'Data', 'Inner']);
    // Every schema is the emitter's own: the module imports no AJV fallback.
    expect(both.code).not.toContain('validators-fallback');
    expect(both.code).toContain('function validateData(');
    expect(issuesOf(both.module, 'Data', { rootData: 'x', inner: { parentData: 'y' } }).map((issue) => issue.path)).toEqual([
      '/rootData',
      '/inner/parentData',
    ]);
    expect(is(both.module, 'Data')({ inner: { parentData: 'y' } })).toBe(false);
    expect(is(both.module, 'Data')({ rootData: 1, inner: { parentData: 2 } })).toBe(true);
    expect(is(both.module, 'Tree')({ child: { 'wrapper0.validate': 1 } })).toBe(false);
  });
});

describe('schema keywords as property names', () => {
  it('are properties like any other, whether their schema is written in place or referenced', async () => {
    const folder = temporaryDirectory('keyword-names');
    const spec = path.join(folder, 'keywords.yaml');
    const keywords = ['enum', 'const', 'default', 'examples', 'properties', 'items', '$ref', 'allOf'];
    const properties = Object.fromEntries(
      keywords.map((name, index) => [name, index % 2 === 0 ? { $ref: '#/components/schemas/Code' } : { type: 'string', maxLength: 3 }]),
    );
    const document = {
      openapi: '3.1.0',
      info: { title: 'Keyword names', version: '1.0.0' },
      paths: {},
      components: { schemas: { Code: { type: 'string', maxLength: 3 }, Holder: { type: 'object', properties } } },
    };
    writeFileSync(spec, JSON.stringify(document));
    const { result, outDir } = await generateFixture({ spec, label: 'validators', name: 'keyword-names' });
    expect(result.ok).toBe(true);
    const module = await importPackage(outDir);
    expect(is(module, 'Holder')(Object.fromEntries(keywords.map((name) => [name, 'abc'])))).toBe(true);
    for (const name of keywords) {
      expect(is(module, 'Holder')({ [name]: 'abcd' })).toBe(false);
      expect(issuesOf(module, 'Holder', { [name]: 'abcd' }).map((issue) => issue.path)).toEqual([`/${name}`]);
    }
  });
});

describe('hostile input', () => {
  let module: Module;
  beforeAll(async () => {
    const { outDir } = await generateFixture({ spec: path.join(fixturesDir, 'recursive.yaml'), label: 'validators', name: 'recursive' });
    module = await importPackage(outDir);
  });

  it('never throws from is*, and throws only ValidationError from assert*, whatever the value', () => {
    const cyclic: Json = { children: [] };
    cyclic.parent = cyclic;
    let deep: Json = { children: [] };
    for (let depth = 0; depth < 10_000; depth++) deep = { children: [deep] };
    const values = [undefined, () => 1, 10n, Symbol('s'), cyclic, deep, 'x'.repeat(10_000_000), [], null, Number.NaN];
    for (const value of values) {
      expect(() => is(module, 'TreeNode')(value)).not.toThrow();
      expect(is(module, 'TreeNode')(value)).toBe(false);
      expect(() => assert(module, 'TreeNode')(value)).toThrow(module.ValidationError);
    }
  });

  it('accepts a recursive value at any depth and points into it', () => {
    const leaf = (value: unknown) => ({ value, children: [] });
    const valid = { children: [leaf('a'), { children: [leaf('b'), leaf('c')] }], parent: { children: [leaf('d')] } };
    expect(is(module, 'TreeNode')(valid)).toBe(true);
    expect(issuesOf(module, 'TreeNode', valid)).toEqual([]);
    expect(is(module, 'Even')({ next: { next: { next: {} } } })).toBe(true);
    expect(is(module, 'Even')({ next: { next: { next: 1 } } })).toBe(false);
    const tree = { children: [leaf('a'), { children: [leaf('b'), leaf(7)] }], parent: { children: [leaf(false)] } };
    expect(issuesOf(module, 'TreeNode', tree).map(({ path, keyword }) => ({ path, keyword }))).toEqual([
      { path: '/children/1/children/1/value', keyword: 'type' },
      { path: '/parent/children/0/value', keyword: 'type' },
    ]);
  });

  it('does not pollute prototypes through __proto__ or constructor keys', () => {
    const value = JSON.parse(
      '{"children": [], "__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}',
    ) as unknown;
    expect(is(module, 'TreeNode')(value)).toBe(true);
    expect(issuesOf(module, 'TreeNode', value)).toEqual([]);
    expect(({} as Json).polluted).toBeUndefined();
  });
});

describe('the generated modules load without a compiler', () => {
  const folder = path.join(repoRoot, 'generated/paysafe');

  it('hold no require in ESM, no eval, no new Function, no ajv import', () => {
    for (const file of ['validators.js', 'validators.cjs', 'index.js', 'index.cjs']) {
      const text = readFileSync(path.join(folder, file), 'utf8');
      expect(text, file).not.toMatch(/\beval\s*\(|new Function\b|\bFunction\s*\(|from ['"]ajv|require\(['"]ajv/);
      if (file.endsWith('.js')) expect(text, file).not.toMatch(/\brequire\s*\(/);
    }
  });

  it('work from ESM import and CommonJS require in a plain Node process', () => {
    const script = [
      `const esm = await import(${JSON.stringify(pathToFileURL(path.join(folder, 'index.js')).href)});`,
      `const { createRequire } = await import('node:module');`,
      `const cjs = createRequire(import.meta.url)(${JSON.stringify(path.join(folder, 'index.cjs'))});`,
      `console.log(JSON.stringify([esm.isCustomerPerson({}), cjs.isCustomerPerson({}), typeof esm.ValidationError, cjs.ValidationError === undefined]));`,
    ].join('\n');
    const run = spawnSync(process.execPath, ['--input-type=module', '--disallow-code-generation-from-strings', '-e', script], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([false, false, 'function', false]);
  });
});

describe('the valid path', () => {
  /**
   * For each schema of a provider with an example in its spec: the young-generation collections while
   * a process checks the example 300,000 times after a warm-up. A check that allocates anything (a path
   * string, an options object, an error array, a regular expression literal) makes dozens of them; one
   * that allocates nothing makes none.
   */
  function collectionsBySchema(provider: string): Record<string, number> {
    const schemas = (
      parse(readFileSync(path.join(repoRoot, 'specs', provider, 'openapi.yaml'), 'utf8')) as {
        components: { schemas: Record<string, { example?: unknown }> };
      }
    ).components.schemas;
    const examples = Object.fromEntries(
      Object.entries(schemas).flatMap(([name, schema]) => (schema.example === undefined ? [] : [[name, schema.example]])),
    );
    const script = [
      "import { PerformanceObserver, constants } from 'node:perf_hooks';",
      `const module = await import(${JSON.stringify(pathToFileURL(path.join(repoRoot, 'generated', provider, 'index.js')).href)});`,
      `const examples = ${JSON.stringify(examples)};`,
      'const result = {};',
      'for (const [name, value] of Object.entries(examples)) {',
      '  const check = module[`is${name}`];',
      '  if (!check(value)) throw new Error(`${name}: example is not valid`);',
      '  for (let round = 0; round < 50_000; round++) check(value);',
      '  await new Promise((resolve) => setTimeout(resolve, 20));',
      '  let collections = 0;',
      '  const observer = new PerformanceObserver((list) => {',
      '    for (const entry of list.getEntries()) if (entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR) collections++;',
      '  });',
      "  observer.observe({ entryTypes: ['gc'] });",
      '  for (let round = 0; round < 300_000; round++) check(value);',
      '  await new Promise((resolve) => setTimeout(resolve, 20));',
      '  observer.disconnect();',
      '  result[name] = collections;',
      '}',
      'console.log(JSON.stringify(result));',
    ].join('\n');
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    return JSON.parse(run.stdout) as Record<string, number>;
  }

  it.each(['paysafe', 'enfuce', 'gateway'])(
    '%s: checking a valid value allocates nothing, for every schema with an example',
    (provider) => {
      const collections = collectionsBySchema(provider);
      expect(Object.keys(collections).length).toBeGreaterThan(3);
      expect(Object.entries(collections).filter(([, count]) => count > 0)).toEqual([]);
    },
  );
});

describe('a schema the 2020-12 meta-schema refuses', () => {
  it('is found before anything is compiled, with the place and rule it breaks', () => {
    const refused = refusedSchemas({ Good: { type: 'string', minLength: 1 }, Bad: { type: 'string', minLength: -1 }, Yes: true });
    expect(refused).toEqual([{ def: 'Bad', reason: 'schema is invalid: /minLength fails minimum {"comparison":">=","limit":0}' }]);
  });

  it('refuses the spec at the schema the meta-schema refuses, and writes nothing', async () => {
    // A schema of another dialect is not held to 2020-12 by the OpenAPI check, but its validator would be.
    const folder = temporaryDirectory('meta-refused');
    const spec = path.join(folder, 'api.yaml');
    writeFileSync(
      spec,
      [
        'openapi: 3.1.0',
        'info: {title: t, version: 1.0.0}',
        'paths: {}',
        'components:',
        '  schemas:',
        '    Good: {type: string}',
        '    Odd:',
        "      $schema: 'http://json-schema.org/draft-07/schema#'",
        '      type: string',
        '      minLength: -1',
        '',
      ].join('\n'),
    );
    const { result, outDir } = await generateFixture({ spec, label: 'validators', name: 'meta-refused' });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map(({ code, line, pointer }) => ({ code, line, pointer }))).toEqual([
      { code: 'validator-compile-failed', line: 8, pointer: '/components/schemas/Odd' },
    ]);
    expect(result.diagnostics[0]?.message).toContain(
      'the validator of Odd could not be compiled (schema is invalid: /minLength fails minimum {"comparison":">=","limit":0})',
    );
    expect(existsSync(outDir)).toBe(false);
  });
});
