import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { generate } from '../generator/src/generate.js';
import { temporaryDirectory } from './support/paths.js';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/**
 * JSON Schema 2020-12 keyword by keyword, each with `type` and without it: values the keyword accepts,
 * values it rejects, and values of other kinds, which it must ignore (§7.6.1: an assertion keyword
 * constrains only instances of its kind). Each case runs through the generated `is*`, `assert*` and the
 * Standard Schema object, and AJV at run time on the schema as written is held to the same verdicts.
 */
interface Case {
  name: string;
  schema: Record<string, unknown>;
  valid: unknown[];
  invalid: unknown[];
  /** Why AJV at run time cannot judge this case, when it cannot. */
  ajvCannot?: string;
}

const others = { string: ['text'], number: [7.5, -3], object: [{ x: 1 }], array: [[1, 'a']], misc: [null, true] };
const notString = [...others.number, ...others.object, ...others.array, ...others.misc];
const notNumber = [...others.string, ...others.object, ...others.array, ...others.misc];
const notArray = [...others.string, ...others.number, ...others.object, ...others.misc];
const notObject = [...others.string, ...others.number, ...others.array, ...others.misc];

const cases: Case[] = [
  // Strings (§6.3)
  { name: 'MaxLength', schema: { maxLength: 2 }, valid: ['ab', '😀😀', ...notString], invalid: ['abc'] },
  { name: 'MaxLengthTyped', schema: { type: 'string', maxLength: 2 }, valid: ['ab'], invalid: ['abc', 5, null] },
  { name: 'MinLength', schema: { minLength: 2 }, valid: ['ab', ...notString], invalid: ['a', ''] },
  { name: 'Pattern', schema: { pattern: '^a+$' }, valid: ['aa', ...notString], invalid: ['ab'] },
  { name: 'FormatDate', schema: { format: 'date' }, valid: ['2024-02-29', ...notString], invalid: ['2023-02-29'] },
  // Numbers (§6.2)
  { name: 'Maximum', schema: { maximum: 5 }, valid: [5, -1, ...notNumber], invalid: [5.5, 6] },
  { name: 'ExclusiveMinimum', schema: { exclusiveMinimum: 1 }, valid: [1.5, ...notNumber], invalid: [1, 0] },
  { name: 'MultipleOf', schema: { multipleOf: 3 }, valid: [9, 0, ...notNumber], invalid: [10] },
  { name: 'MinimumTyped', schema: { type: 'integer', minimum: 2 }, valid: [2], invalid: [1, 2.5, '3'] },
  // Arrays (§6.4, §10.3.1)
  { name: 'MaxItems', schema: { maxItems: 1 }, valid: [[1], [], ...notArray], invalid: [[1, 2]] },
  {
    name: 'UniqueItems',
    schema: { uniqueItems: true },
    valid: [[1, '1'], [{ a: 1 }, { a: 2 }], ...notArray],
    invalid: [
      [{ a: 1 }, { a: 1 }],
      [[1], [1]],
    ],
  },
  { name: 'Items', schema: { items: { type: 'string' } }, valid: [['a'], [], ...notArray], invalid: [[1]] },
  {
    name: 'PrefixItems',
    schema: { prefixItems: [{ type: 'string' }, { type: 'integer' }] },
    valid: [['a', 1, true], ['a'], ...notArray],
    invalid: [[1, 'a']],
  },
  { name: 'Contains', schema: { contains: { const: 1 } }, valid: [[0, 1], ...notArray], invalid: [[0], []] },
  { name: 'MinContains', schema: { contains: { const: 1 }, minContains: 2 }, valid: [[1, 1], ...notArray], invalid: [[1, 0]] },
  { name: 'MaxContains', schema: { contains: { const: 1 }, maxContains: 1 }, valid: [[1, 0], ...notArray], invalid: [[1, 1]] },
  // Objects (§6.5, §10.3.2)
  { name: 'Required', schema: { required: ['a'] }, valid: [{ a: 1 }, ...notObject], invalid: [{ b: 1 }] },
  { name: 'MaxProperties', schema: { maxProperties: 1 }, valid: [{ a: 1 }, ...notObject], invalid: [{ a: 1, b: 2 }] },
  {
    name: 'Properties',
    schema: { properties: { level: { minimum: 1, maximum: 5 }, tag: { maxLength: 3 } } },
    valid: [{ level: 3, tag: 'ab' }, { level: 'x' }, ...notObject],
    invalid: [{ level: 9 }, { tag: 'abcdef' }],
  },
  {
    name: 'PatternProperties',
    schema: { patternProperties: { '^x_': { type: 'integer' } }, additionalProperties: false },
    valid: [{ x_a: 1 }, {}, ...notObject],
    invalid: [{ x_a: 'a' }, { y: 1 }],
  },
  {
    name: 'AdditionalProperties',
    schema: { properties: { a: {} }, additionalProperties: { type: 'string' } },
    valid: [{ a: 1, b: 'x' }, ...notObject],
    invalid: [{ b: 1 }],
  },
  { name: 'PropertyNames', schema: { propertyNames: { maxLength: 2 } }, valid: [{ ab: 1 }, ...notObject], invalid: [{ abc: 1 }] },
  {
    name: 'DependentRequired',
    schema: { dependentRequired: { a: ['b'] } },
    valid: [{ a: 1, b: 2 }, { b: 1 }, ...notObject],
    invalid: [{ a: 1 }],
  },
  {
    name: 'DependentSchemas',
    schema: { dependentSchemas: { a: { required: ['c'] } } },
    valid: [{ a: 1, c: 1 }, { c: 1 }, ...notObject],
    invalid: [{ a: 1 }],
  },
  // Any type (§6.1)
  {
    name: 'EnumStructured',
    schema: { enum: [[1, 2], { a: 1 }, 'x'] },
    valid: [[1, 2], { a: 1 }, 'x'],
    invalid: [[2, 1], { a: 2 }, 'y', null],
  },
  {
    name: 'ConstStructured',
    schema: { const: { a: [1, { b: null }] } },
    valid: [{ a: [1, { b: null }] }],
    invalid: [{ a: [1, { b: 0 }] }, {}],
  },
  { name: 'TypeList', schema: { type: ['string', 'null'], maxLength: 1 }, valid: ['a', null], invalid: ['ab', 1] },
  // Applicators (§10.2)
  { name: 'AllOfUntyped', schema: { allOf: [{ maximum: 30 }, { minimum: 20 }] }, valid: [25, ...notNumber], invalid: [50, 10] },
  { name: 'OneOfUntypedBranch', schema: { oneOf: [{ type: 'integer' }, { minimum: 2 }] }, valid: [1, 2.5, 'x'], invalid: [3] },
  { name: 'AnyOf', schema: { anyOf: [{ type: 'string' }, { type: 'integer' }] }, valid: ['a', 1], invalid: [1.5, null] },
  { name: 'Not', schema: { not: { type: 'string' } }, valid: [1, null], invalid: ['a'] },
  {
    name: 'IfThenElse',
    schema: { if: { minimum: 5 }, then: { multipleOf: 5 }, else: { maximum: 0 } },
    valid: [10, -1, 'x'],
    invalid: [7, 3],
  },
  { name: 'IfAlone', schema: { if: { minimum: 5 } }, valid: [1, 10, 'x'], invalid: [] },
  { name: 'ThenAlone', schema: { then: { maximum: 0 } }, valid: [10], invalid: [] },
  { name: 'MinContainsAlone', schema: { minContains: 2 }, valid: [[], [1]], invalid: [] },
  {
    name: 'MinContainsAboveMax',
    schema: { contains: { const: 1 }, minContains: 2, maxContains: 1 },
    valid: [...notArray],
    invalid: [[1, 1], [1], []],
  },
  // Schemas that allow nothing, or nothing of one kind (§4.3.2, §6.1.2)
  { name: 'EnumEmpty', schema: { enum: [] }, valid: [], invalid: ['a', null, 1], ajvCannot: 'AJV refuses to compile an empty enum' },
  { name: 'PropertyNamesFalse', schema: { propertyNames: false }, valid: [{}, ...notObject], invalid: [{ a: 1 }] },
  { name: 'ItemsFalse', schema: { items: false }, valid: [[], ...notArray], invalid: [[1]] },
  { name: 'RequiredFalseProperty', schema: { properties: { a: false }, required: ['a'] }, valid: [...notObject], invalid: [{}, { a: 1 }] },
  { name: 'NotAnything', schema: { not: {} }, valid: [], invalid: [1, 'a', null] },
  // Unevaluated locations (§11)
  {
    name: 'UnevaluatedPropertiesAllOf',
    schema: { allOf: [{ properties: { a: { type: 'integer' } } }], unevaluatedProperties: false },
    valid: [{ a: 1 }, {}, ...notObject],
    invalid: [{ b: 1 }, { a: 1, b: 2 }],
  },
  {
    name: 'UnevaluatedPropertiesSchema',
    schema: { properties: { a: {} }, unevaluatedProperties: { type: 'string' } },
    valid: [{ a: 1, b: 'x' }, ...notObject],
    invalid: [{ b: 1 }],
  },
  {
    name: 'UnevaluatedPropertiesAnyOf',
    schema: { anyOf: [{ properties: { a: {} } }, { properties: { b: {} } }], unevaluatedProperties: false },
    valid: [{ a: 1 }, { a: 1, b: 2 }],
    invalid: [{ c: 1 }],
  },
  {
    name: 'UnevaluatedItems',
    schema: { prefixItems: [{ type: 'string' }], unevaluatedItems: false },
    valid: [['a'], [], ...notArray],
    invalid: [['a', 1]],
  },
  // Regressions the differential test found.
  {
    name: 'PrefixItemsShortArray',
    schema: { prefixItems: [{ type: 'string' }, { type: 'string' }], contains: { const: 5 } },
    valid: [['a', 'b', 5]],
    invalid: [[], ['a'], [5]],
  },
  { name: 'EnumWithType', schema: { type: 'string', enum: ['a', 1, null] }, valid: ['a'], invalid: [1, null, 'b'] },
  { name: 'EnumWithConst', schema: { enum: [1, 2], const: 2 }, valid: [2], invalid: [1, 3] },
  { name: 'ConstNullWithType', schema: { type: ['integer', 'string'], const: null }, valid: [], invalid: [null, 1, 'a'] },
  { name: 'TypeNullEnumWithoutNull', schema: { type: ['string', 'null'], enum: ['a'] }, valid: ['a'], invalid: [null, 'b'] },
  {
    name: 'UntypedItemsWithConditions',
    schema: { type: 'array', items: { if: { const: 2 }, then: true, else: { const: 1 } } },
    valid: [[2, 1], []],
    invalid: [[3]],
  },
];

let module: Record<string, unknown>;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);

beforeAll(async () => {
  const folder = temporaryDirectory('conformance');
  const document = {
    openapi: '3.1.0',
    info: { title: 'Conformance', version: '1.0.0' },
    paths: {},
    components: { schemas: Object.fromEntries(cases.map((entry) => [entry.name, entry.schema])) },
  };
  writeFileSync(path.join(folder, 'conformance.yaml'), stringify(document));
  const result = await generate({ root: folder, jobs: [{ spec: 'conformance.yaml', out: 'out', name: 'conformance' }], progress: 'never' });
  expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
  module = (await import(pathToFileURL(path.join(folder, 'out/index.js')).href)) as Record<string, unknown>;
}, 60_000);

type Standard = { '~standard': { validate: (value: unknown) => { issues?: unknown[] } } };

describe.each(cases)('$name: $schema', ({ name, schema, valid, invalid, ajvCannot }) => {
  const ajvSays = (value: unknown) => (ajvCannot === undefined ? ajv.validate(schema, value) : undefined);
  const verdicts = () => {
    const is = module[`is${name}`] as (value: unknown) => boolean;
    const assert = module[`assert${name}`] as (value: unknown) => void;
    const standard = module[`${name}Schema`] as Standard;
    return (value: unknown) => {
      let threw = false;
      try {
        assert(value);
      } catch {
        threw = true;
      }
      return { is: is(value), assert: !threw, standard: standard['~standard'].validate(value).issues === undefined };
    };
  };

  it.each(valid.map((value) => [JSON.stringify(value), value]))('accepts %s', (_, value) => {
    expect(verdicts()(value)).toEqual({ is: true, assert: true, standard: true });
    if (ajvCannot === undefined) expect(ajvSays(value), 'AJV on the schema as written').toBe(true);
  });

  it.runIf(invalid.length > 0).each(invalid.map((value) => [JSON.stringify(value), value]))('rejects %s', (_, value) => {
    expect(verdicts()(value)).toEqual({ is: false, assert: false, standard: false });
    if (ajvCannot === undefined) expect(ajvSays(value), 'AJV on the schema as written').toBe(false);
  });
});
