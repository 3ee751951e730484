import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../generator/src/index.js';
import { SchemaConstants } from '../generator/src/emit/validators/schema-constants.js';
import { temporaryDirectory } from './support/paths.js';

/**
 * schema-constants.ts: a value an error reports is written where it is reported, and AJV's schema
 * constants keep only what the code still reads. Each read must find what it found in AJV's code.
 */

/** The statements through SchemaConstants as StatementRewriter takes them, and the counts the shape guard reads. */
function trimSchemaConstants(statements: readonly string[]) {
  const constants = new SchemaConstants();
  const taken = statements.map((statement) => constants.take(statement));
  return { ...constants.finish(taken), inlined: constants.inlined };
}

/** The values `reads` find once `statements` (top-level declarations) have run. */
function evaluate(statements: readonly string[], reads: string[]): unknown[] {
  return new Function(`${statements.join('\n')}\nreturn [${reads.join(', ')}];`)() as unknown[];
}

const schema = {
  type: 'object',
  properties: {
    id: { type: ['integer', 'null'] },
    kind: { enum: ['a value longer than the read of it', 'another'] },
    shapes: { oneOf: [{ type: 'string' }, { type: ['number', 'null'] }] },
    odd: { enum: [{ __proto__: 1 }, 'line\u2028break'] },
  },
  $id: 'specsmith:validators/Thing',
};
const declaration = `const schema12 = ${JSON.stringify(schema)};`;
/** A problem's tail as compactErrors writes it, with parameters that read the constant. */
const report = (params: string) => `vErrors = reportError(vErrors, instancePath, $sp+"/type", "type", {${params}});errors++;`;

describe('schema constants, trimmed', () => {
  it('writes a reported value where it is reported when that is shorter, and drops a constant nothing else reads', () => {
    const statements = [declaration, `function validate1(data){${report('type: schema12.properties.id.type')}}`];
    const trimmed = trimSchemaConstants(statements);
    expect(trimmed.statements).toEqual([`function validate1(data){${report('type: ["integer","null"]')}}`]);
    expect(trimmed).toMatchObject({ inlined: 1, dropped: 1, pruned: 0 });
  });

  it('keeps a reported value longer than its read in the constant, cut down to what is read, at the same place', () => {
    const kept = ['schema12.properties.kind.enum', 'schema12.properties.shapes.oneOf[1]'];
    const statements = [
      declaration,
      `function validate1(data){${report(`allowedValues: ${kept[0]}`)}${report('type: schema12.properties.shapes.oneOf[1].type')}}`,
      // A read on the way of a valid value (an enum's loop) is never written out: it would allocate each call.
      `function validate2(data){const vSchema0 = ${kept[1]};for(const item of vSchema0.type){}}`,
    ];
    const trimmed = trimSchemaConstants(statements);
    expect(trimmed).toMatchObject({ inlined: 1, dropped: 0, pruned: 1 });
    expect(trimmed.statements[1]).toContain('{type: ["number","null"]}');
    expect(trimmed.statements[2]).toBe(statements[2]);
    expect(trimmed.statements[0]).not.toMatch(/"id"|"odd"|"\$id"/);
    expect(evaluate(trimmed.statements.slice(0, 1), kept)).toEqual(evaluate([declaration], kept));
    // The oneOf keeps its index: the item before it is a placeholder.
    expect(evaluate(trimmed.statements.slice(0, 1), ['schema12.properties.shapes.oneOf.length'])).toEqual([2]);
  });

  it('keeps a key named __proto__ a property, and escapes the line terminators JSON leaves raw', () => {
    const statements = [declaration, 'function validate1(data){return schema12.properties.odd;}'];
    const [constant] = trimSchemaConstants(statements).statements;
    expect(constant).toContain('\\u2028');
    expect(constant).not.toContain('\u2028');
    const [odd] = evaluate([constant!], ['schema12.properties.odd']) as [{ enum: unknown[] }];
    expect(odd.enum).toEqual(schema.properties.odd.enum);
    // Read as JSON, as a caller that serialises the parameters would see it.
    expect(JSON.stringify(odd)).toBe(JSON.stringify(schema.properties.odd));
  });

  it.each([
    ['a mention without a path', 'const copy = schema12;'],
    ['a computed access', 'const one = schema12[key];'],
  ])('keeps the whole constant for %s', (_case, code) => {
    const statements = [declaration, `function validate1(data, key){${code}}`];
    expect(trimSchemaConstants(statements).statements).toEqual(statements);
  });

  it('keeps the whole value where a path leaves the JSON', () => {
    const statements = [declaration, 'function validate1(data){return schema12.properties.kind.enum.length;}'];
    const [constant] = trimSchemaConstants(statements).statements;
    expect(evaluate([constant!], ['schema12.properties.kind.enum'])).toEqual([schema.properties.kind.enum]);
    expect(constant).not.toContain('shapes');
  });

  it('keeps more, never less, for a mention inside a string, and leaves a constant that is not JSON as written', () => {
    const inString = [declaration, 'function validate1(data){return data["schema12.properties.id"] + schema12.properties.kind.enum[1];}'];
    const [constant] = trimSchemaConstants(inString).statements;
    const reads = ['schema12.properties.id', 'schema12.properties.kind.enum[1]'];
    expect(evaluate([constant!], reads)).toEqual(evaluate([declaration], reads));
    // Parameters inside a string literal are text, not a read to write out.
    const quoted = [declaration, `function validate1(data){return "${report('type: schema12.properties.id.type').replace(/"/g, '\\"')}";}`];
    expect(trimSchemaConstants(quoted).inlined).toBe(0);
    const notJson = ['const schema3 = {pattern: /a/u};', `function validate1(data){${report('type: schema3.pattern')}}`];
    expect(trimSchemaConstants(notJson).statements).toEqual(notJson);
  });
});

describe('schema constants in a generated package', () => {
  let pkg: Record<string, (value: unknown) => unknown>;
  let compiled: string;

  beforeAll(async () => {
    const folder = temporaryDirectory('schema-constants');
    writeFileSync(
      path.join(folder, 'openapi.yaml'),
      `openapi: 3.1.0
info: {title: Constants, version: 1.0.0}
paths: {}
components:
  schemas:
    Card:
      type: object
      properties:
        nickname: {type: [string, 'null'], maxLength: 3}
        status: {enum: [a status longer than the read of it, another long status value]}
        limits:
          type: array
          items: {type: [integer, 'null']}
`,
    );
    const result = await generate({
      root: folder,
      jobs: [{ spec: 'openapi.yaml', out: 'pkg', name: '@fixtures/constants' }],
      progress: 'never',
    });
    expect(result.diagnostics).toEqual([]);
    pkg = (await import(pathToFileURL(path.join(folder, 'pkg/index.js')).href)) as typeof pkg;
    const { readFileSync } = await import('node:fs');
    compiled = readFileSync(path.join(folder, 'pkg/validators-compiled.js'), 'utf8');
  });

  const messages = (value: unknown): string[] => {
    try {
      pkg.assertCard?.(value);
      return [];
    } catch (error) {
      return (error as { issues: { message: string }[] }).issues.map((issue) => issue.message);
    }
  };

  it('reports the types and values the spec writes', () => {
    expect(messages({ nickname: 1, status: 'x', limits: ['y'] })).toEqual([
      expect.stringContaining('must be of type string or null'),
      expect.stringContaining('must be one of "a status longer than the read of it", "another long status value"'),
      expect.stringContaining('must be of type integer or null'),
    ]);
    expect(pkg.isCard?.({ nickname: null, status: 'another long status value', limits: [1, null] })).toBe(true);
  });

  it('holds the one value still read, not the schema', () => {
    expect(compiled).toContain('{type: ["string","null"]}');
    const constants = (compiled.match(/^const schema\d+ = .*$/gm) ?? []).map((line) => line.replace(/^const schema\d+/, 'const schemaN'));
    expect(constants).toEqual([
      'const schemaN = {"properties":{"status":{"enum":["a status longer than the read of it","another long status value"]}}};',
    ]);
  });
});
