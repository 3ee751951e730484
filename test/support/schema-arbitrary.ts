import fc from 'fast-check';

type Schema = boolean | Record<string, unknown>;

/**
 * Small JSON Schema 2020-12 schemas built from the keywords the emitter covers, with `type` and without
 * it, and the JSON values to judge by them. Property names include ones Object.prototype answers to
 * (`constructor`, `toString`), which a check must not find on an object that lacks them. A `$ref` to
 * one of `count` named schemas sits only below a property or an item, so recursion always ends.
 */
const names = ['a', 'b', 'constructor', 'toString'];
const smallInt = fc.integer({ min: -3, max: 6 });

export const jsonValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  leaf: fc.oneof(
    fc.constantFrom(null, true, false, '', 'a', 'ab', 'abc', 'x_1', '\u{1F600}\u{1F600}\u{1F600}', '2024-02-29', '2023-02-29'),
    smallInt,
    fc.constantFrom(0.5, 2.5, 10),
  ),
  any: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('leaf'), tie('array'), tie('object')),
  array: fc.array(tie('any'), { maxLength: 4 }),
  // The names Object.prototype answers to, now and then: AJV's deep equality cannot judge values that have them.
  object: fc.dictionary(
    fc.oneof(
      { arbitrary: fc.constantFrom('a', 'b', 'x_a', 'zz'), weight: 8 },
      { arbitrary: fc.constantFrom('constructor', 'toString'), weight: 1 },
    ),
    tie('any'),
    { maxKeys: 3, noNullPrototype: true },
  ),
})).any;

export function schemaArbitrary(count: number): fc.Arbitrary<Schema> {
  const ref = fc.nat(count - 1).map((index) => ({ $ref: `#/$defs/S${index}` }));
  return fc.letrec((tie) => ({
    schema: fc.oneof({ depthSize: 'small', maxDepth: 2 }, tie('leaf'), tie('object'), tie('array'), tie('applicator'), fc.boolean()),
    below: fc.oneof(tie('schema'), ref),
    leaf: fc.record(
      {
        type: fc.constantFrom('string', 'number', 'integer', 'boolean', 'null', ['string', 'null'], ['integer', 'string']),
        minLength: fc.nat(2),
        maxLength: fc.nat(3),
        pattern: fc.constantFrom('^a', 'b$', '^[a-z_0-9]+$', '^\\p{L}+$'),
        format: fc.constantFrom('date', 'int32'),
        minimum: smallInt,
        exclusiveMaximum: smallInt,
        multipleOf: fc.constantFrom(2, 3, 0.5),
        enum: fc.array(jsonValue, { minLength: 1, maxLength: 3 }),
        const: jsonValue,
      },
      { requiredKeys: [] },
    ),
    object: fc.record(
      {
        type: fc.constant('object'),
        properties: fc.dictionary(fc.constantFrom(...names), tie('below'), { maxKeys: 2, noNullPrototype: true }),
        required: fc.uniqueArray(fc.constantFrom(...names), { maxLength: 2 }),
        additionalProperties: fc.oneof(fc.boolean(), tie('below')),
        patternProperties: fc.dictionary(fc.constantFrom('^x_', 'z', '^t'), tie('below'), { maxKeys: 1, noNullPrototype: true }),
        propertyNames: fc.oneof(fc.record({ maxLength: fc.nat(2) }), fc.record({ pattern: fc.constantFrom('^[a-c]', 'z') })),
        dependentRequired: fc.dictionary(fc.constantFrom(...names), fc.uniqueArray(fc.constantFrom(...names), { maxLength: 2 }), {
          maxKeys: 1,
          noNullPrototype: true,
        }),
        dependentSchemas: fc.dictionary(fc.constantFrom(...names), tie('schema'), { maxKeys: 1, noNullPrototype: true }),
        minProperties: fc.nat(2),
        maxProperties: fc.nat(3),
      },
      { requiredKeys: [] },
    ),
    array: fc.record(
      {
        type: fc.constant('array'),
        items: tie('below'),
        prefixItems: fc.array(tie('below'), { minLength: 1, maxLength: 2 }),
        contains: tie('schema'),
        minContains: fc.nat(2),
        maxContains: fc.nat(2),
        minItems: fc.nat(2),
        maxItems: fc.nat(3),
        uniqueItems: fc.boolean(),
      },
      { requiredKeys: [] },
    ),
    applicator: fc.oneof(
      fc.record({ allOf: fc.array(tie('schema'), { minLength: 1, maxLength: 2 }) }),
      fc.record({ anyOf: fc.array(tie('schema'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ oneOf: fc.array(tie('schema'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ not: tie('schema') }),
      fc.record({ if: tie('schema'), then: tie('schema'), else: tie('schema') }, { requiredKeys: ['if'] }),
    ),
  })).schema as fc.Arbitrary<Schema>;
}

/** Some schemas leave `type` out: the same keywords then constrain only values of their kind (§7.6.1). */
export const maybeUntyped = (schema: fc.Arbitrary<Schema>) =>
  fc.tuple(schema, fc.boolean()).map(([written, untyped]) => {
    if (!untyped || typeof written !== 'object') return written;
    const { type: _dropped, ...rest } = written;
    return rest;
  });
