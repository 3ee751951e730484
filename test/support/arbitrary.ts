import fc from 'fast-check';

type Schema = boolean | Record<string, unknown>;
type Defs = Record<string, Schema>;

/** Code points, as JSON Schema counts string length. */
export const codePoints = (text: string) => [...text].length;

/**
 * A fast-check arbitrary of values that satisfy a lowered (JSON Schema 2020-12) schema, for the shapes
 * the curated specs use: typed leaves with lengths, patterns, formats and enums; objects with required and
 * optional properties; arrays; `$ref`; `allOf` of a reference and its sibling rules; `if`/`then` whose
 * `then` only adds required properties. Anything else throws, so a test never runs on a guess.
 */
export function arbitraryFor(schema: Schema, defs: Defs): fc.Arbitrary<unknown> {
  if (schema === true) return fc.constant('anything');
  if (schema === false) throw new Error('no value satisfies false');
  if (typeof schema.$ref === 'string') return arbitraryFor(defs[decodeURIComponent(schema.$ref.replace('#/$defs/', ''))] ?? false, defs);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.allOf)) return allOf(schema.allOf as Schema[], defs);
  if (Array.isArray(schema.anyOf)) return fc.oneof(...(schema.anyOf as Schema[]).map((member) => arbitraryFor(member, defs)));
  const type = Array.isArray(schema.type) ? (schema.type as string[]).find((item) => item !== 'null') : schema.type;
  switch (type) {
    case 'string':
      return stringFor(schema);
    case 'integer':
      return fc.integer({ min: (schema.minimum as number | undefined) ?? -1e6, max: (schema.maximum as number | undefined) ?? 1e6 });
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(schema.items === undefined ? fc.string() : arbitraryFor(schema.items as Schema, defs), {
        maxLength: Math.min((schema.maxItems as number | undefined) ?? 3, 3),
      });
    case 'object':
      return objectFor(schema, defs);
    default:
      throw new Error(`no arbitrary for ${JSON.stringify(schema).slice(0, 120)}`);
  }
}

/** How much a member says about the values: enumerations first, then unions and references, then types. */
const specificity = (member: Schema) =>
  typeof member !== 'object'
    ? 3
    : Array.isArray(member.enum) || 'const' in member
      ? 0
      : Array.isArray(member.anyOf) || Array.isArray(member.oneOf) || '$ref' in member
        ? 1
        : 2;

/** The most specific member gives the values; the other members only add length rules, checked by filtering. */
function allOf(members: Schema[], defs: Defs): fc.Arbitrary<unknown> {
  const [first, ...rest] = [...members].sort((a, b) => specificity(a) - specificity(b));
  if (first === undefined) return fc.constant({});
  const rules = rest.filter((member): member is Record<string, unknown> => typeof member === 'object');
  return arbitraryFor(first, defs).filter((value) => rules.every((rule) => lengthOk(value, rule)));
}

function lengthOk(value: unknown, rule: Record<string, unknown>): boolean {
  if (typeof value !== 'string') return true;
  const length = codePoints(value);
  return length >= ((rule.minLength as number | undefined) ?? 0) && length <= ((rule.maxLength as number | undefined) ?? Infinity);
}

const formatArbitraries: Record<string, fc.Arbitrary<string>> = {
  date: fc
    .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10)),
  'date-time': fc
    .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
    .map((date) => date.toISOString()),
  ipv4: fc.ipV4(),
  email: fc.emailAddress(),
  uuid: fc.uuid(),
  uri: fc.webUrl(),
};

/** Characters a pattern of the form `^[class]*$` may be built from, when fast-check cannot read the pattern. */
const alphabet = [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_/.,&+'ÅåÄäÖöÉéÍíÐðÞþŁłÇç"];

function stringFor(schema: Record<string, unknown>): fc.Arbitrary<string> {
  const min = (schema.minLength as number | undefined) ?? 0;
  const max = Math.min((schema.maxLength as number | undefined) ?? 20, 40);
  if (typeof schema.format === 'string' && schema.format in formatArbitraries) {
    return formatArbitraries[schema.format]!.filter(
      (text) => codePoints(text) >= min && codePoints(text) <= ((schema.maxLength as number | undefined) ?? Infinity),
    );
  }
  if (typeof schema.pattern !== 'string') return fc.string({ minLength: min, maxLength: max });
  const pattern = new RegExp(schema.pattern, 'u');
  let base: fc.Arbitrary<string>;
  try {
    base = fc.stringMatching(pattern);
  } catch {
    const units = alphabet.filter((character) => pattern.test(character.repeat(Math.max(min, 1))));
    base = fc.string({ unit: fc.constantFrom(...units), minLength: Math.max(min, 1), maxLength: max });
  }
  return base.filter((text) => pattern.test(text) && codePoints(text) >= min && codePoints(text) <= max);
}

/** Required properties always, optional ones sometimes; `then.required` of an `if` joins the required ones. */
function objectFor(schema: Record<string, unknown>, defs: Defs): fc.Arbitrary<unknown> {
  const then = (schema.then ?? {}) as { required?: string[]; properties?: Record<string, Schema> };
  // Rules a `then` adds to a property hold for every value generated (the `if` may or may not hold).
  const properties = Object.fromEntries(
    Object.entries((schema.properties ?? {}) as Record<string, Schema>).map(([name, property]) => {
      const extra = then.properties?.[name];
      return [name, extra === undefined ? property : { allOf: [property, extra] }];
    }),
  );
  const conditional = then.required ?? [];
  const required = new Set([...((schema.required as string[] | undefined) ?? []), ...conditional]);
  const model = Object.fromEntries(
    Object.entries(properties)
      .filter(([, property]) => property !== false)
      .map(([name, property]) => [name, arbitraryFor(property, defs)]),
  );
  const requiredKeys = Object.keys(model).filter((name) => required.has(name));
  return fc.record(model, { requiredKeys });
}
