import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { generate } from '../generator/src/generate.js';
import { folderWithDependencies } from './support/paths.js';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/**
 * A differential test on the schemas as a user writes them: fast-check builds small JSON Schema 2020-12
 * schemas from the assertion keywords (with `type` and without it), specsmith generates their validators,
 * and AJV at run time (Ajv2020 + ajv-formats, strict off) judges the same values against the original
 * schemas. The verdicts must agree. AJV's known deviations, each kept out of the comparison:
 * - `format: date-time` and `email`/`hostname`: ajv-formats accepts a space for `T` and reads addresses by
 *   its own regular expressions; specsmith follows the RFC 3339 and RFC 5321 grammars (runtime-formats.test.ts),
 *   so the generated schemas use `date` only.
 * - AJV's first-error mode skips what follows `prefixItems` on a short array (lower-schema.ts works around it
 *   in the generated code; conformance.test.ts pins the right verdict). The reference runs in all-errors
 *   mode, which does not, but AJV compiles `if` and `not` subschemas in first-error mode whatever the
 *   option: schemas with `prefixItems` under `if` or `not` are left out of the sample.
 */
type Schema = boolean | Record<string, unknown>;

const names = ['a', 'b', 'c'];
const smallInt = fc.integer({ min: -3, max: 6 });
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  leaf: fc.oneof(
    fc.constantFrom(null, true, false, '', 'a', 'ab', 'abc', 'x_1', '2024-02-29', '2023-02-29'),
    smallInt,
    fc.constantFrom(0.5, 2.5, 10),
  ),
  any: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('leaf'), tie('array'), tie('object')),
  array: fc.array(tie('any'), { maxLength: 3 }),
  object: fc.dictionary(fc.constantFrom(...names, 'x_a', 'zz'), tie('any'), { maxKeys: 3, noNullPrototype: true }),
})).any;

const schema = fc.letrec((tie) => ({
  schema: fc.oneof({ depthSize: 'small', maxDepth: 2 }, tie('leaf'), tie('object'), tie('array'), tie('applicator')),
  leaf: fc.record(
    {
      type: fc.constantFrom('string', 'number', 'integer', 'boolean', 'null', ['string', 'null'], ['integer', 'string']),
      minLength: fc.nat(2),
      maxLength: fc.nat(3),
      pattern: fc.constantFrom('^a', 'b$', '^[a-z_0-9]+$'),
      format: fc.constant('date'),
      minimum: smallInt,
      exclusiveMaximum: smallInt,
      multipleOf: fc.constantFrom(2, 3, 0.5),
      enum: fc.array(value, { minLength: 1, maxLength: 3 }),
      const: value,
    },
    { requiredKeys: [] },
  ),
  object: fc.record(
    {
      type: fc.constant('object'),
      properties: fc.dictionary(fc.constantFrom(...names), tie('schema'), { maxKeys: 2, noNullPrototype: true }),
      required: fc.uniqueArray(fc.constantFrom(...names), { maxLength: 2 }),
      additionalProperties: fc.oneof(fc.boolean(), tie('schema')),
      patternProperties: fc.dictionary(fc.constantFrom('^x_', 'z'), tie('schema'), { maxKeys: 1, noNullPrototype: true }),
      propertyNames: fc.record({ maxLength: fc.nat(2) }),
      dependentRequired: fc.dictionary(fc.constantFrom(...names), fc.uniqueArray(fc.constantFrom(...names), { maxLength: 2 }), {
        maxKeys: 1,
        noNullPrototype: true,
      }),
      dependentSchemas: fc.dictionary(fc.constantFrom(...names), tie('schema'), { maxKeys: 1, noNullPrototype: true }),
      minProperties: fc.nat(2),
      maxProperties: fc.nat(3),
      unevaluatedProperties: fc.oneof(fc.boolean(), tie('schema')),
    },
    { requiredKeys: [] },
  ),
  array: fc.record(
    {
      type: fc.constant('array'),
      items: tie('schema'),
      prefixItems: fc.array(tie('schema'), { minLength: 1, maxLength: 2 }),
      contains: tie('schema'),
      minContains: fc.nat(2),
      maxContains: fc.nat(2),
      minItems: fc.nat(2),
      maxItems: fc.nat(3),
      uniqueItems: fc.boolean(),
      unevaluatedItems: fc.oneof(fc.boolean(), tie('schema')),
    },
    { requiredKeys: [] },
  ),
  applicator: fc.oneof(
    fc.record({ allOf: fc.array(tie('schema'), { minLength: 1, maxLength: 2 }) }),
    fc.record({ anyOf: fc.array(tie('schema'), { minLength: 1, maxLength: 2 }) }),
    fc.record({ oneOf: fc.array(tie('schema'), { minLength: 1, maxLength: 2 }) }),
    fc.record({ not: tie('schema') }),
    fc.record({ if: tie('schema'), then: tie('schema'), else: tie('schema') }, { requiredKeys: ['if'] }),
  ),
})).schema as fc.Arbitrary<Schema>;

/** Some schemas leave `type` out: the same keywords then constrain only values of their kind. */
const maybeUntyped = fc.tuple(schema, fc.boolean()).map(([written, untyped]) => {
  if (!untyped || typeof written !== 'object') return written;
  const { type: _dropped, ...rest } = written;
  return rest;
});

/** True when `prefixItems` sits under `if` or `not`, where AJV's own verdict is wrong (see above). */
function prefixItemsUnderCondition(node: unknown, inside = false): boolean {
  if (node === null || typeof node !== 'object') return false;
  if (Array.isArray(node)) return node.some((item) => prefixItemsUnderCondition(item, inside));
  return Object.entries(node).some(
    ([key, child]) => (key === 'prefixItems' && inside) || prefixItemsUnderCondition(child, inside || key === 'if' || key === 'not'),
  );
}

const seed = Number(process.env.DIFF_SEED ?? 20261130);
const schemas = fc
  .sample(maybeUntyped, { seed, numRuns: Number(process.env.DIFF_SCHEMAS ?? 160) })
  .filter((written) => !prefixItemsUnderCondition(written));
let module: Record<string, ((value: unknown) => boolean) & { '~standard': { validate: (value: unknown) => { issues?: unknown } } }>;

beforeAll(async () => {
  const folder = folderWithDependencies('differential');
  const document = {
    openapi: '3.1.0',
    info: { title: 'Differential', version: '1.0.0' },
    paths: {},
    components: { schemas: Object.fromEntries(schemas.map((written, index) => [`S${index}`, written])) },
  };
  writeFileSync(path.join(folder, 'differential.yaml'), stringify(document));
  const result = await generate({
    root: folder,
    jobs: [{ spec: 'differential.yaml', out: 'out', name: 'differential' }],
    progress: 'never',
  });
  expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
  module = (await import(pathToFileURL(path.join(folder, 'out/index.js')).href)) as typeof module;
}, 120_000);

it('agrees with AJV at run time on every generated schema and value', () => {
  // All-errors mode: AJV 8.20's first-error code skips the keywords after `prefixItems` when an array is
  // shorter than the tuple (see lower-schema.ts), so it would pass `[]` against `{ prefixItems: [{}], contains: {} }`.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const disagreements: string[] = [];
  schemas.forEach((written, index) => {
    const reference = ajv.compile(written);
    const values = fc.sample(value, { seed: seed + index, numRuns: 40 });
    for (const candidate of values) {
      const expected = reference(candidate);
      // `is*` stops at the first problem, Standard Schema collects them all: the same compiled function.
      const all = module[`S${index}Schema`]?.['~standard'].validate(candidate).issues === undefined;
      if (module[`isS${index}`]?.(candidate) !== expected || all !== expected)
        disagreements.push(`S${index} ${JSON.stringify(written)} on ${JSON.stringify(candidate)}: AJV says ${expected}`);
    }
  });
  expect(disagreements.slice(0, 10)).toEqual([]);
});
