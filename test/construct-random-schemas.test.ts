import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { loadConstructed, type CompiledCheck } from './support/construct-module.js';
import { createReference, disagreement } from './support/construct-reference.js';
import { nearMisses } from './support/near-miss.js';
import { jsonValue, maybeUntyped, schemaArbitrary } from './support/schema-arbitrary.js';

type Schema = boolean | Record<string, unknown>;

/**
 * A differential test on schemas as a user writes them: fast-check builds small JSON Schema 2020-12
 * schemas from every keyword family the emitter covers (with `$ref`s between them, recursion included),
 * and AJV judges the same values against the same document. Both modes must give AJV's verdict, and
 * collect mode AJV's set of (instancePath, keyword) issues. Left out: `prefixItems` under `if` or `not`,
 * where AJV compiles the subschema in first-error mode whatever its options and then skips the keywords
 * after `prefixItems` on a short array (lower-schema.ts; conformance.test.ts pins the right verdict).
 */
const seed = Number(process.env.DIFF_SEED ?? 20261207);
const count = Number(process.env.DIFF_SCHEMAS ?? 240);
const written = fc.sample(maybeUntyped(schemaArbitrary(count)), { seed, numRuns: count });
const defs = Object.fromEntries(written.map((schema, index) => [`S${index}`, schema])) as Record<string, Schema>;
const compared = written.map((schema, index) => ({ schema, index })).filter(({ index }) => !conditionReachesPrefixItems(`S${index}`));

/** The named schemas a schema refers to, anywhere in it. */
function refsOf(node: unknown): string[] {
  if (node === null || typeof node !== 'object') return [];
  if (Array.isArray(node)) return node.flatMap(refsOf);
  const own = typeof (node as { $ref?: unknown }).$ref === 'string' ? [(node as { $ref: string }).$ref.slice('#/$defs/'.length)] : [];
  return [...own, ...Object.values(node).flatMap(refsOf)];
}

/** The named schemas reachable from one, itself included. */
function reach(def: string): Set<string> {
  const seen = new Set([def]);
  for (const next of seen) for (const target of refsOf(defs[next])) seen.add(target);
  return seen;
}

function writesPrefixItems(node: unknown): boolean {
  return JSON.stringify(node).includes('"prefixItems"');
}

/** Whether `prefixItems` applies under `if` or `not` anywhere the schema reaches, through `$ref`s too. */
function conditionReachesPrefixItems(def: string): boolean {
  const underCondition = (node: unknown, inside: boolean): boolean => {
    if (node === null || typeof node !== 'object') return false;
    if (Array.isArray(node)) return node.some((item) => underCondition(item, inside));
    return Object.entries(node).some(([key, child]) => {
      if (inside && key === 'prefixItems') return true;
      if (inside && key === '$ref')
        return [...reach(String(child).slice('#/$defs/'.length))].some((target) => writesPrefixItems(defs[target]));
      return underCondition(child, inside || key === 'if' || key === 'not');
    });
  };
  return [...reach(def)].some((reached) => underCondition(defs[reached], false));
}

/**
 * Whether AJV can judge the value: its deep equality (fast-deep-equal, for `enum`, `const` and
 * `uniqueItems`) reads `constructor`, `valueOf` and `toString` as if they were the inherited members, so
 * `{ constructor: [] }` does not equal itself and `{ toString: 1 }` throws. Such values are skipped where
 * the schema compares values; construct-own-properties.test.ts checks the emitted code on them.
 */
function judges(reference: (value: unknown) => unknown, value: unknown, def: string): boolean {
  if (hasTrapKey(value) && [...reach(def)].some((reached) => comparesObjects(defs[reached]))) {
    skipped++;
    return false;
  }
  try {
    reference(value);
    return true;
  } catch {
    skipped++;
    return false;
  }
}
let skipped = 0;

const trapKeys = ['constructor', 'valueOf', 'toString'];
const structured = (value: unknown) => value !== null && typeof value === 'object';

/** Whether a schema compares values with AJV's deep equality on objects: a structured `enum` or `const` value, `uniqueItems`. */
function comparesObjects(node: unknown): boolean {
  if (!structured(node)) return false;
  if (Array.isArray(node)) return node.some(comparesObjects);
  const { enum: values, const: value, uniqueItems, ...rest } = node as Record<string, unknown>;
  if (uniqueItems === true || structured(value) || (Array.isArray(values) && values.some(structured))) return true;
  return Object.values(rest).some(comparesObjects);
}
function hasTrapKey(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some(hasTrapKey);
  return Object.keys(value).some((key) => trapKeys.includes(key)) || Object.values(value).some(hasTrapKey);
}

let checks: Record<string, CompiledCheck>;
let uncovered: string[];

beforeAll(async () => {
  const loaded = await loadConstructed({ defs, label: 'construct-random' });
  checks = loaded.checks;
  uncovered = loaded.constructed.uncovered.map(({ entry }) => entry.name);
}, 120_000);

it('covers every generated schema', () => {
  expect(uncovered).toEqual([]);
  expect(compared.length).toBeGreaterThan(count * 0.8);
});

it('agrees with AJV on every generated schema and value, in both modes', () => {
  const ajv = createReference();
  ajv.addSchema({ $id: 'specsmith:random', $defs: defs });
  const disagreements: string[] = [];
  let invalid = 0;
  for (const { schema, index } of compared) {
    const reference = ajv.getSchema(`specsmith:random#/$defs/S${index}`)!;
    const values = fc.sample(jsonValue, { seed: seed + index, numRuns: 24 }).flatMap((value) => [value, ...nearMisses(value, 3)]);
    for (const value of values) {
      if (!judges(reference, value, `S${index}`)) continue;
      if (!reference(value)) invalid++;
      const found = disagreement(checks[`S${index}`]!, reference, value);
      if (found !== undefined) disagreements.push(`S${index} ${JSON.stringify(schema)} on ${JSON.stringify(value)}: ${found}`);
    }
  }
  expect(disagreements.slice(0, 6)).toEqual([]);
  expect(invalid).toBeGreaterThan(1000);
  expect(skipped).toBeLessThan(invalid / 4);
});
