import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnosticCatalog, generate } from '../generator/src/index.js';
import { OriginIndex } from '../generator/src/load/origins.js';
import { parseJsonText } from '../generator/src/load/parse-json.js';
import { readTree } from './support/files.js';
import { listSpecs, scenarioName } from './support/fixtures.js';
import { generateFixture } from './support/generate-fixture.js';
import { fixturesDir, invalidFixturesDir, repoRoot, temporaryDirectory } from './support/paths.js';

const at = (file: string) => `test/fixtures/specs/invalid/${file}`;

/** Exactly what each invalid fixture must report: code, place and message. */
const expectations: Record<string, { code: string; file: string; line: number; column: number; pointer: string; message: string }[]> = {
  'duplicate-operation-id': [
    {
      code: 'duplicate-operation-id',
      file: at('duplicate-operation-id.yaml'),
      line: 10,
      column: 7,
      pointer: '/paths/~1b/get/operationId',
      message: 'operationId "getThing" of GET /b is already used by GET /a',
    },
  ],
  'many-problems': [
    {
      code: 'path-param-undeclared',
      file: at('many-problems.yaml'),
      line: 6,
      column: 7,
      pointer: '/paths/~1a~1{id}/get',
      message: '{id} in /a/{id} is not declared as a path parameter of GET',
    },
    {
      code: 'duplicate-operation-id',
      file: at('many-problems.yaml'),
      line: 10,
      column: 7,
      pointer: '/paths/~1b/get/operationId',
      message: 'operationId "same" of GET /b is already used by GET /a/{id}',
    },
    {
      code: 'ref-unresolved',
      file: at('many-problems.yaml'),
      line: 16,
      column: 24,
      pointer: '/paths/~1b/get/responses/200/content/application~1json/schema/$ref',
      message: '"#/components/schemas/Missing" points at nothing',
    },
    {
      code: 'ref-unresolved',
      file: at('many-problems.yaml'),
      line: 22,
      column: 17,
      pointer: '/components/schemas/Thing/properties/other/$ref',
      message: '"#/components/schemas/AlsoMissing" points at nothing',
    },
  ],
  'openapi-schema': [
    {
      code: 'openapi-schema',
      file: at('openapi-schema.yaml'),
      line: 2,
      column: 1,
      pointer: '/info',
      message: 'missing required field "version"',
    },
    {
      code: 'openapi-schema',
      file: at('openapi-schema.yaml'),
      line: 10,
      column: 11,
      pointer: '/paths/~1a/get/responses/200/contnet',
      message: 'unknown field "contnet"',
    },
  ],
  'schema-keyword-unknown': [
    {
      code: 'schema-keyword-unknown',
      file: at('schema-keyword-unknown.yaml'),
      line: 11,
      column: 11,
      pointer: '/components/schemas/Customer/properties/name/maxLenght',
      message: 'unknown keyword "maxLenght"; did you mean "maxLength"? As written it is ignored, and so is its value',
    },
    {
      code: 'openapi-schema',
      file: at('schema-keyword-unknown.yaml'),
      line: 13,
      column: 11,
      pointer: '/components/schemas/Customer/properties/country/type',
      message: 'must be one of "array", "boolean", "integer", "null", "number", "object", "string"',
    },
    {
      code: 'openapi-schema',
      file: at('schema-keyword-unknown.yaml'),
      line: 16,
      column: 11,
      pointer: '/components/schemas/Customer/properties/age/minimum',
      message: 'must be of type number',
    },
    {
      code: 'schema-keyword-unknown',
      file: at('schema-keyword-unknown.yaml'),
      line: 17,
      column: 11,
      pointer: '/components/schemas/Customer/properties/age/defualt',
      message: 'unknown keyword "defualt"; did you mean "default"? As written it is ignored, and so is its value',
    },
  ],
  'path-param-undeclared': [
    {
      code: 'path-param-undeclared',
      file: at('path-param-undeclared.yaml'),
      line: 6,
      column: 7,
      pointer: '/paths/~1customers~1{customerId}~1cards~1{cardId}/get',
      message: '{cardId} in /customers/{customerId}/cards/{cardId} is not declared as a path parameter of GET',
    },
  ],
  'path-param-unused': [
    {
      code: 'path-param-unused',
      file: at('path-param-unused.yaml'),
      line: 8,
      column: 11,
      pointer: '/paths/~1things/get/parameters/0',
      message: 'path parameter "thingId" does not appear in /things',
    },
  ],
  'ref-cycle': [
    {
      code: 'ref-cycle',
      file: at('ref-cycle.yaml'),
      line: 7,
      column: 7,
      pointer: '/components/schemas/A/$ref',
      message: '"#/components/schemas/B" is a chain of references that never reaches an object',
    },
    {
      code: 'ref-cycle',
      file: at('ref-cycle.yaml'),
      line: 9,
      column: 7,
      pointer: '/components/schemas/B/$ref',
      message: '"#/components/schemas/A" is a chain of references that never reaches an object',
    },
  ],
  // One diagnostic per remote reference: not also "points at nothing".
  'ref-external-invalid': [
    {
      code: 'openapi-schema',
      file: at('shared/bad-fragments.yaml'),
      line: 4,
      column: 3,
      pointer: '/Limit',
      message: 'missing required field "in"',
    },
    {
      code: 'openapi-schema',
      file: at('shared/bad-fragments.yaml'),
      line: 8,
      column: 3,
      pointer: '/NotFound',
      message: 'missing required field "description"',
    },
  ],
  'ref-remote': [
    {
      code: 'ref-unresolved',
      file: at('ref-remote.yaml'),
      line: 7,
      column: 7,
      pointer: '/components/schemas/Money/$ref',
      message: 'cannot resolve "https://example.com/schemas/money.yaml#/Money": only local and relative file references are supported',
    },
  ],
  'ref-missing-file': [
    {
      code: 'ref-unresolved',
      file: at('ref-missing-file.yaml'),
      line: 7,
      column: 7,
      pointer: '/components/schemas/Country/$ref',
      message: '"does-not-exist.yaml#/Country": the file it names cannot be read',
    },
  ],
  'ref-unresolved': [
    {
      code: 'ref-unresolved',
      file: at('ref-unresolved.yaml'),
      line: 9,
      column: 19,
      pointer: '/components/schemas/Customer/properties/address/$ref',
      message: '"#/components/schemas/Adress" points at nothing',
    },
  ],
  'swagger-2': [
    { code: 'swagger-2', file: at('swagger-2.yaml'), line: 1, column: 1, pointer: '/swagger', message: 'swagger "2.0" is not OpenAPI 3.x' },
  ],
  'unknown-version': [
    {
      code: 'unsupported-version',
      file: at('unknown-version.yaml'),
      line: 1,
      column: 1,
      pointer: '/openapi',
      message: 'openapi "4.0.0" is not a 3.0.x or 3.1.x version',
    },
  ],
  'yaml-syntax': [
    {
      code: 'yaml-syntax',
      file: at('yaml-syntax.yaml'),
      line: 8,
      column: 1,
      pointer: '',
      message: 'Flow map in block collection must be sufficiently indented and end with a }',
    },
  ],
};

const scenarios = listSpecs(invalidFixturesDir).map((file) => ({ name: scenarioName(file), spec: path.join(invalidFixturesDir, file) }));

describe('invalid specs are refused with exact diagnostics', () => {
  it('has an expectation for every invalid fixture', () => {
    expect(scenarios.map((scenario) => scenario.name).sort()).toEqual(Object.keys(expectations).sort());
  });

  it.each(scenarios)('$name', async ({ name, spec }) => {
    const { result, outDir } = await generateFixture({ spec, label: 'invalid', name });
    expect(result.ok).toBe(false);
    const reported = result.diagnostics.map(({ code, file, line, column, pointer, message }) => ({
      code,
      file,
      line,
      column,
      pointer,
      message,
    }));
    expect(reported).toEqual(expectations[name]);
    for (const diagnostic of result.diagnostics) {
      expect(diagnostic.severity).toBe('error');
      expect(diagnostic.help).toBe(diagnosticCatalog[diagnostic.code].help);
    }
    expect(result.packages[0]?.files).toEqual([]);
    expect(() => readTree(outDir)).toThrow(/ENOENT/);
  });
});

describe('keys of 3.1 Schema Objects that no vocabulary knows', () => {
  const write = (text: string, extra: Record<string, string> = {}) => {
    const folder = temporaryDirectory('schema-keywords');
    writeFileSync(path.join(folder, 'api.yaml'), text);
    for (const [name, content] of Object.entries(extra)) writeFileSync(path.join(folder, name), content);
    return folder;
  };
  const run = (folder: string, options: { schemaKeywordTypos?: 'error' | 'warning' } = {}) =>
    generate({ root: folder, jobs: [{ spec: 'api.yaml', out: 'out', name: 'api' }], progress: 'never', ...options });
  const head = 'openapi: 3.1.0\ninfo: {title: t, version: 1.0.0}\npaths: {}\n';
  const summary = (result: Awaited<ReturnType<typeof run>>) =>
    result.diagnostics.map(({ code, severity, file, line }) => ({ code, severity, file, line }));

  it('warns about a key far from every keyword, and generates', async () => {
    const folder = write(`${head}components:\n  schemas:\n    A: {type: string, tags: [a], x-tags: [b]}\n`);
    const result = await run(folder);
    expect(result.ok).toBe(true);
    expect(summary(result)).toEqual([{ code: 'schema-keyword-unknown', severity: 'warning', file: 'api.yaml', line: 6 }]);
  });

  it('reports a misspelt keyword as a warning when the setting says so', async () => {
    const folder = write(`${head}components:\n  schemas:\n    A: {type: string, maxLenght: 5}\n`);
    const result = await run(folder, { schemaKeywordTypos: 'warning' });
    expect(result.ok).toBe(true);
    expect(summary(result)).toEqual([{ code: 'schema-keyword-unknown', severity: 'warning', file: 'api.yaml', line: 6 }]);
  });

  it('checks schemas of other files where a $ref reaches them, in their own file', async () => {
    const folder = write(`${head}components:\n  schemas:\n    A: {$ref: 'parts.yaml#/B'}\n`, {
      'parts.yaml': 'B:\n  type: string\n  minLenght: 2\n',
    });
    const result = await run(folder);
    expect(summary(result)).toEqual([{ code: 'schema-keyword-unknown', severity: 'error', file: 'parts.yaml', line: 3 }]);
  });

  it('checks nothing under a $schema or jsonSchemaDialect that names another dialect', async () => {
    const draft04 = `${head}components:\n  schemas:\n    A: {$schema: 'http://json-schema.org/draft-04/schema#', type: number, minimum: 1, exclusiveMinimum: true, maxLenght: 1}\n`;
    expect(summary(await run(write(draft04)))).toEqual([]);
    const dialect = `openapi: 3.1.0\njsonSchemaDialect: 'https://example.com/dialect'\ninfo: {title: t, version: 1.0.0}\npaths: {}\ncomponents:\n  schemas:\n    A: {type: strnig, maxLenght: 1}\n`;
    expect(summary(await run(write(dialect)))).toEqual([]);
  });

  it('leaves 3.0 documents to the 3.0 schema, which already refuses unknown fields', async () => {
    const folder = write(
      'openapi: 3.0.3\ninfo: {title: t, version: 1.0.0}\npaths: {}\ncomponents:\n  schemas:\n    A: {type: string, maxLenght: 5}\n',
    );
    expect(summary(await run(folder)).map((diagnostic) => diagnostic.code)).toEqual(['openapi-schema']);
  });
});

describe('a refused spec leaves the previous package byte-for-byte as it was', () => {
  it('keeps every file of the earlier output', async () => {
    const spec = path.join(fixturesDir, 'object-basic.yaml');
    const first = await generateFixture({ spec, label: 'keep', name: 'kept' });
    expect(first.result.ok).toBe(true);
    const before = readTree(first.outDir);
    writeFileSync(path.join(first.outDir, 'extra-user-file.txt'), 'still here');

    const brokenFolder = path.join(path.dirname(first.outDir), 'broken');
    mkdirSync(brokenFolder, { recursive: true });
    const broken = path.join(brokenFolder, 'object-basic.yaml');
    writeFileSync(
      broken,
      'openapi: 3.1.0\ninfo: {title: x, version: 1.0.0}\npaths:\n  /a/{id}:\n    get: {responses: {"200": {description: ok}}}\n',
    );
    const second = await generate({
      root: repoRoot,
      jobs: [{ spec: path.relative(repoRoot, broken), out: path.relative(repoRoot, first.outDir), name: '@fixtures/kept' }],
      progress: 'never',
    });
    expect(second.ok).toBe(false);
    expect(second.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['path-param-undeclared']);
    expect(readTree(first.outDir)).toEqual({ ...before, 'extra-user-file.txt': 'still here' });
  });
});

describe('syntax errors, one problem each, in words, where to fix it (built CLI)', () => {
  const built = path.join(repoRoot, 'generator/dist/cli/main.js');
  const refuse = (file: string, text: string) => {
    const folder = temporaryDirectory('syntax');
    writeFileSync(path.join(folder, file), text);
    const run = spawnSync(process.execPath, [built, 'generate', '--spec', file, '--out', 'gen'], { cwd: folder, encoding: 'utf8' });
    expect(run.status).toBe(2);
    return run.stderr.split('\n').filter((line) => line.includes(' error '));
  };

  it('JSON cut short: one diagnostic where the text stops, naming the object left open', () => {
    expect(refuse('api.json', '{\n  "openapi": "3.1.0",\n  "info": {\n    "title": "Pets",\n')).toEqual([
      'api.json:4:21 error json-syntax: the JSON ends before the object opened at line 3, column 11 is closed (2 brackets still open): the text looks cut short (at #/info)',
    ]);
  });

  it('YAML: a line indented at column 10 is reported at column 10', () => {
    const text =
      'openapi: 3.1.0\ninfo:\n  title: Pets\n  version: 1.0.0\npaths:\n  /pets:\n    get:\n           operationId: listPets\n         summary: List the pets\n';
    expect(refuse('api.yaml', text)).toEqual(['api.yaml:9:10 error yaml-syntax: All mapping items must start at the same column (at #)']);
  });
});

describe('JSON syntax errors in words', () => {
  const cases: [string, string, string][] = [
    ['{"a": [1, 2,]}', '1:13', 'a comma before ]: JSON allows no trailing comma'],
    ['{"a": 1,}', '1:9', 'a comma before }: JSON allows no trailing comma'],
    ["{'a': 1}", '1:2', "'a' is quoted with ': JSON strings and property names take double quotes"],
    ['{"a" 1}', '1:6', 'expected a colon after the property name'],
    ['{"a": 1 "b": 2}', '1:9', 'expected a comma before this property'],
    ['{"a": [1 2]}', '1:10', 'expected a comma before this item'],
    ['{"a": "abc', '1:7', 'the string that starts here is not closed on its line (a line break inside a string is written \\n)'],
    ['{"a": 1}}', '1:9', 'text after the end of the JSON value: a JSON file holds one value'],
    ['{"a": 1} // note', '1:10', 'a comment: JSON has none'],
    ['{ "id": \n', '1:8', 'the JSON ends before the object opened at line 1, column 1 is closed: the text looks cut short'],
    ['  \n', '1:1', 'the file holds no JSON value'],
    // Cut right after a complete value: the parser ends the open containers without brackets before it says so.
    ['{"openapi": "3.1.0"', '1:20', 'the JSON ends before the object opened at line 1, column 1 is closed: the text looks cut short'],
    [
      '{"a": [1, 2',
      '1:12',
      'the JSON ends before the array opened at line 1, column 7 is closed (2 brackets still open): the text looks cut short',
    ],
    [
      '{\n  "info": {"title": "x"}\n',
      '2:25',
      'the JSON ends before the object opened at line 1, column 1 is closed: the text looks cut short',
    ],
  ];
  it.each(cases)('%j at %s', (text, place, message) => {
    const { diagnostics } = parseJsonText({ text, file: 'x.json', origins: new OriginIndex() });
    expect(diagnostics.map((diagnostic) => [`${diagnostic.line}:${diagnostic.column}`, diagnostic.message])).toEqual([[place, message]]);
  });
});
