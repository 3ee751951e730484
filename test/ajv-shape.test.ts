import { describe, expect, it } from 'vitest';
import { checkAjvShape } from '../generator/src/emit/validators/ajv-shape.js';
import { formats } from '../templates/validators/runtime.js';
import { compileValidatorStatements } from '../generator/src/emit/validators/compile-validators.js';
import { compactErrors } from '../generator/src/emit/validators/post-process.js';
import { reportError } from '../templates/validators/runtime.js';
import { manyEnums, petAndOwner } from './support/validator-sets.js';
import { createAjv } from '../generator/src/emit/validators/create-ajv.js';
import { defId, idPrefix } from '../generator/src/emit/validators/validator-schemas.js';

/**
 * The rewrites of AJV's standalone code (post-process.ts) depend on a code shape AJV never promised, so
 * AJV is pinned and this guard runs before every generation. Here each rewrite meets code of another
 * shape (what a different AJV might write) and the guard must fail by its name.
 */
describe('the guard of the rewrites of AJV output', () => {
  it('passes with the AJV specsmith pins', () => {
    expect(() => checkAjvShape({ formats })).not.toThrow();
  });

  const otherShapes: [string, (code: string) => string][] = [
    ['replaceRequires', (code) => code.replace(/\/\*# sourceURL/g, '/* sourceURL').replace(/\brequire\(/g, 'require (')],
    ['directCalls', (code) => code.replace(/\bwrapper(\d+)\b/g, 'wrap$1')],
    ['absoluteSchemaPaths', (code) => code.replace(/schemaPath:"#/g, 'schemaPath: "#')],
    ['ownKeySets', (code) => code.replace(/\.call\((schema\d+)\.properties, /g, '.call($1["properties"], ')],
    ['relativeErrorPaths', (code) => code.replace(/\bparentDataProperty\b/g, 'parentKey')],
    ['compactErrors', (code) => code.replace(/\{vErrors\.push\((err\d+)\);\}/g, '{vErrors[vErrors.length] = $1;}')],
    // An alternative's problems dropped another way: unseen, `is*` would stop inside an `anyOf`.
    ['collectInAlternatives', (code) => code.replace(/\berrors = (_errs\d+);/g, 'errors = 0 + $1;')],
    // A function that returns elsewhere.
    ['stopAtFirst', (code) => code.replace(/\.errors = vErrors;return errors === 0;/g, '.errors = vErrors; return errors === 0;')],
    // A problem recorded where the rewrite does not look.
    ['stopAtFirst', (code) => code.replace(/\berrors = vErrors\.length;/g, 'errors = vErrors.length + 0;')],
    // Counts and flags declared another way: nothing unread is found to drop.
    ['dropUnreadCounts', (code) => code.replace(/ = errors;/g, ' = errors + 0;').replace(/ === errors;/g, ' === errors + 0;')],
    // Parameters that read a schema another way: nothing is written in their place.
    ['inlineReportedValues', (code) => code.replace(/\b(allowedValues|type): (schema\d+)\b/g, '$1:$2')],
    // Schema constants declared another way: none is cut down.
    ['trimSchemaConstants', (code) => code.replace(/^const (schema\d+) = /, 'let $1 = ')],
  ];
  it.each(otherShapes)('fails by name when %s finds nothing to rewrite', (name, transform) => {
    expect(() => checkAjvShape({ formats, transform })).toThrow(
      new RegExp(`no longer has the shape these rewrites expect: .*\\b${name}\\b`),
    );
  });
});

describe('how specsmith drives AJV', () => {
  it('never evaluates the code of the schemas it compiles for their standalone code', () => {
    const ajv = createAjv({ formats, checkSchemas: true, unevaluated: false, standaloneIds: idPrefix });
    const ours = ajv.compile({ $id: defId('Probe'), type: 'string' });
    expect(ours.source?.validateCode).toMatch(/typeof data !== "string"/);
    expect(() => ours('text')).toThrow(/standalone code only/);
    // Anything else keeps AJV's own code: validateSchema runs the meta-schema's.
    const other = ajv.compile({ $id: 'https://example.test/other', type: 'string' });
    expect([other('text'), other(1)]).toEqual([true, false]);
    expect(ajv.validateSchema({ type: 'strin' })).toBe(false);
  });

  it('stops when a rewrite leaves code that does not parse, or declares a name twice', () => {
    const compile = (transform: (code: string) => string) => () => compileValidatorStatements({ set: petAndOwner, formats, transform });
    expect(compile((code) => code)).not.toThrow();
    expect(compile((code) => code.replace(/^function (validate\d+)\(/, 'function $1((('))).toThrow(/do not parse/);
    expect(compile((code) => code.replace(/^function validate\d+\(/, 'function validate0('))).toThrow(/declare validate0 twice/);
    // A schema constant, which is parsed once the module's constants are cut, at the end.
    const withConstant = {
      entries: [{ name: 'Kind', def: 'Kind' }],
      defs: { Kind: { type: 'object', properties: { kind: { enum: ['a value longer than the read of it', 'and another'] } } } },
    };
    const broken = (transform: (code: string) => string) => () => compileValidatorStatements({ set: withConstant, formats, transform });
    expect(broken((code) => code)().statements.some((statement) => statement.startsWith('const schema'))).toBe(true);
    expect(broken((code) => (code.startsWith('const schema') ? code.replace(/;$/, ' };') : code))).toThrow(/do not parse/);
  });

  it('parses large output a batch at a time and still finds the statement that breaks', () => {
    const many = manyEnums;
    // Each function's enum (5 kB) is a set of its own: the output spans more than one batch of a megabyte.
    const ok = compileValidatorStatements({ set: many, formats });
    expect(ok.statements.join('\n').length).toBeGreaterThan(1_500_000);
    // The statements of the last entry broken: their batch is not the first.
    expect(() =>
      compileValidatorStatements({
        set: many,
        formats,
        transform: (code) => (code.includes('"399-0-') ? `${code} }` : code),
      }),
    ).toThrow(/do not parse/);
  });
});

describe('compactErrors', () => {
  // AJV's all-errors shape, with what a property name can hold: quotes, braces, commas and slashes.
  const site = (name: number, path: string, schemaPath: string, keyword: string, params: string) =>
    `const err${name} = {${path},schemaPath:${schemaPath},keyword:${keyword},params:${params}};` +
    `if(vErrors === null){vErrors = [err${name}];}else {vErrors.push(err${name});}errors++;`;
  const body = [
    site(0, 'instancePath', '"#/$defs/Pet/required"', '"required"', '{missingProperty: "a}b\\"c"}'),
    site(1, 'instancePath:instancePath+"/x{,}\\"y"', '"#/$defs/Pet/properties/x{,}\\"y/type"', '"type"', '{type: "string"}'),
    site(2, 'instancePath:instancePath+"/" + i0', '"#/$defs/Pet/items/enum"', '"enum"', '{allowedValues: ["a", "b"]}'),
    site(
      3,
      'instancePath:instancePath+"/" + key0.replace(/~/g, "~0")',
      '"#/$defs/Pet/additionalProperties"',
      '"additionalProperties"',
      '{additionalProperty: key0}',
    ),
  ].join('');
  const run = (code: string) =>
    new Function('reportError', 'instancePath', 'i0', 'key0', `let vErrors = null;let errors = 0;${code}return [vErrors, errors];`)(
      reportError,
      '/root',
      2,
      'k~1',
    ) as unknown;

  it('reports through reportError what the error literals report, and leaves a path with a comma as AJV wrote it', () => {
    const compacted = compactErrors(body);
    expect(compacted.match(/reportError\(/g)).toHaveLength(3);
    expect(compacted).toContain('const err3 = {');
    expect(compacted.length).toBeLessThan(body.length * 0.75);
    expect(run(compacted)).toEqual(run(body));
  });
  it("writes a function's own $defs prefix once and joins each problem's part to it", () => {
    const fn = (code: string) =>
      `function validate1(data, instancePath=""){let vErrors = null;let errors = 0;${code}validate1.errors = vErrors;return errors === 0;}`;
    const statement = fn(body);
    const shared = compactErrors(statement, '#/$defs/Pet');
    expect(shared).toMatch(/^function validate1\(data, instancePath=""\)\{const \$sp = "#\/\$defs\/Pet";/);
    expect(shared.match(/\$sp\+"\/required"/g)).toHaveLength(1);
    // A path outside the prefix, or a problem whose path keeps AJV's form, is written out whole.
    expect(compactErrors(fn(site(0, 'instancePath', '"#/$defs/Other/type"', '"type"', '{type: "string"}')), '#/$defs/Pet')).not.toContain(
      '$sp',
    );
    const errorsOf = (code: string) =>
      (
        new Function('reportError', 'i0', 'key0', `${code}\nvalidate1(null, "/root");return validate1.errors;`) as (
          ...args: unknown[]
        ) => unknown
      )(reportError, 2, 'k~1');
    expect(errorsOf(shared)).toEqual(errorsOf(compactErrors(statement)));
  });
});
