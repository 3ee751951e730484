import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { validator as schemasafe } from '@exodus/schemasafe';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { collectValidators } from '../generator/src/emit/validators/validator-set.js';
import { parseDocument } from '../generator/src/ir/parse-document.js';
import { loadDocument } from '../generator/src/load/load-document.js';
import { formats } from '../templates/runtime/checks.js';
import { arbitraryFor, codePoints } from './support/arbitrary.js';
import { repoRoot } from './support/paths.js';

type Schema = boolean | Record<string, unknown>;
type Check = (value: unknown) => boolean;

/**
 * Property tests of the generated validators of the curated packages, and a differential test against
 * an independent JSON Schema implementation (@exodus/schemasafe, lax mode: it refuses numeric formats
 * such as int64 otherwise) fed the same lowered schemas. The
 * formats are the runtime's own on both sides (test/runtime-formats.test.ts checks them); what is
 * compared is everything else: types, lengths in code points, patterns, enums, required, nesting.
 */
const targets = [
  { provider: 'paysafe', names: ['CustomerPerson', 'Customer', 'Restriction', 'Account'] },
  { provider: 'enfuce', names: ['PrivateCustomer', 'McCard', 'Address', 'CreateMcCardPathParams'] },
  { provider: 'gateway', names: ['IndividualCustomer', 'CustomerCreated'] },
];

interface Target {
  name: string;
  schema: Schema;
  defs: Record<string, Schema>;
  specsmith: Check;
  reference: Check;
}

async function loadTargets(): Promise<Target[]> {
  const formatChecks = Object.fromEntries(
    Object.entries(formats).map(([name, definition]) => [name, definition.validate as (value: unknown) => boolean]),
  );
  const all: Target[] = [];
  for (const { provider, names } of targets) {
    const loaded = await loadDocument({ entry: `specs/${provider}/openapi.yaml`, root: repoRoot });
    if (!loaded.ok) throw new Error(`specs/${provider} does not load`);
    const set = collectValidators(
      parseDocument(loaded.loaded),
      new Map(Object.entries(formats).map(([name, definition]) => [name, definition.type])),
    );
    const module = (await import(pathToFileURL(path.join(repoRoot, 'generated', provider, 'index.js')).href)) as Record<string, Check>;
    const defs = set.defs as Record<string, Schema>;
    for (const name of names) {
      const root = { $schema: 'https://json-schema.org/draft/2020-12/schema', $defs: withoutNumericFormats(defs), $ref: `#/$defs/${name}` };
      const reference = schemasafe(root as never, { formats: formatChecks, mode: 'lax' });
      all.push({
        name: `${provider} ${name}`,
        schema: defs[name] ?? false,
        defs,
        specsmith: module[`is${name}`]!,
        reference: (value) => reference(value as never),
      });
    }
  }
  return all;
}

/** schemasafe takes `format` for a string rule only; int32/int64 on integers are left to the type check there. */
function withoutNumericFormats<T>(node: T): T {
  if (Array.isArray(node)) return node.map(withoutNumericFormats) as T;
  if (node === null || typeof node !== 'object') return node;
  const numeric = (node as Record<string, unknown>).type === 'integer' || (node as Record<string, unknown>).type === 'number';
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => !(numeric && key === 'format'))
      .map(([key, value]) => [key, key === 'enum' || key === 'const' ? value : withoutNumericFormats(value)]),
  ) as T;
}

/** The schema a property of an object schema has, through references. */
function propertySchema(schema: Schema, name: string, defs: Record<string, Schema>): Record<string, unknown> | undefined {
  let node: Schema | undefined = schema;
  while (typeof node === 'object' && typeof node.$ref === 'string') node = defs[decodeURIComponent(node.$ref.replace('#/$defs/', ''))];
  const property = typeof node === 'object' ? (node.properties as Record<string, Schema> | undefined)?.[name] : undefined;
  let resolved: Schema | undefined = property;
  while (typeof resolved === 'object' && typeof resolved.$ref === 'string')
    resolved = defs[decodeURIComponent(resolved.$ref.replace('#/$defs/', ''))];
  if (typeof resolved === 'object' && Array.isArray(resolved.allOf))
    return { ...(resolved.allOf as Record<string, unknown>[]).reduce((all, member) => ({ ...all, ...member }), {}) };
  return typeof resolved === 'object' ? resolved : undefined;
}

type Mutation = { kind: string; property: string; apply: (value: Record<string, unknown>) => void };

/** One-rule mutations of each top-level property: wrong type, one character too long, outside the enum, missing. */
function mutationsOf(target: Target): Mutation[] {
  let root: Schema | undefined = target.schema;
  while (typeof root === 'object' && typeof root.$ref === 'string')
    root = target.defs[decodeURIComponent(root.$ref.replace('#/$defs/', ''))];
  if (typeof root !== 'object') return [];
  const required = new Set((root.required as string[] | undefined) ?? []);
  return Object.keys((root.properties ?? {}) as object).flatMap((property): Mutation[] => {
    const schema = propertySchema(root, property, target.defs);
    if (schema === undefined) return [];
    const found: Mutation[] = [];
    const type = schema.type ?? (Array.isArray(schema.enum) || 'enumSet' in schema ? 'string' : undefined);
    if (type !== undefined)
      found.push({ kind: 'wrong type', property, apply: (value) => (value[property] = type === 'object' ? 42 : { wrong: true }) });
    if (typeof schema.maxLength === 'number') {
      const limit = schema.maxLength;
      found.push({ kind: 'one character too long', property, apply: (value) => (value[property] = 'A'.repeat(limit + 1)) });
    }
    if (Array.isArray(schema.enum))
      found.push({ kind: 'outside the enum', property, apply: (value) => (value[property] = 'NOT_AN_ALLOWED_VALUE') });
    if (required.has(property)) found.push({ kind: 'missing', property, apply: (value) => delete value[property] });
    return found;
  });
}

describe('generated validators: properties and a differential check', () => {
  let loaded: Target[];
  beforeAll(async () => {
    loaded = await loadTargets();
  });

  it('accept every value generated from the schema, as the independent validator does', () => {
    for (const target of loaded) {
      fc.assert(
        fc.property(arbitraryFor(target.schema, target.defs), (value) => {
          expect(target.reference(value), `${target.name}: schemasafe`).toBe(true);
          expect(target.specsmith(value), `${target.name}: specsmith`).toBe(true);
        }),
        { numRuns: 200, seed: 20261122 },
      );
    }
  });

  it('reject each single-rule mutation, as the independent validator does', () => {
    let checked = 0;
    for (const target of loaded) {
      for (const mutation of mutationsOf(target)) {
        fc.assert(
          fc.property(arbitraryFor(target.schema, target.defs), (generated) => {
            const value = structuredClone(generated) as Record<string, unknown>;
            mutation.apply(value);
            const label = `${target.name}: ${mutation.kind} ${mutation.property}`;
            expect(target.specsmith(value), label).toBe(false);
            expect(target.reference(value), `${label} (schemasafe)`).toBe(false);
          }),
          { numRuns: 25, seed: 20261122 },
        );
        checked += 1;
      }
    }
    // Each target contributes mutations; a schema walk that finds none would make this test hollow.
    expect(checked).toBeGreaterThan(60);
  });

  it('agree with the independent validator on arbitrary JSON, valid or not', () => {
    for (const target of loaded) {
      fc.assert(
        fc.property(fc.oneof(fc.jsonValue(), arbitraryFor(target.schema, target.defs)), (value) => {
          expect(target.specsmith(value), target.name).toBe(target.reference(value));
        }),
        { numRuns: 300, seed: 20261122 },
      );
    }
  });

  it('counts string lengths in code points on both sides', () => {
    const target = loaded.find((item) => item.name === 'paysafe CustomerPerson')!;
    const base = fc.sample(arbitraryFor(target.schema, target.defs), { numRuns: 1, seed: 7 })[0] as Record<string, unknown>;
    const title = '𝔄'.repeat(15);
    expect(codePoints(title)).toBe(15);
    expect(target.specsmith({ ...base, title })).toBe(true);
    expect(target.reference({ ...base, title })).toBe(true);
  });
});
