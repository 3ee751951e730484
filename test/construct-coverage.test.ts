import { describe, expect, it } from 'vitest';
import { coverageOf } from '../generator/src/emit/validators/construct/coverage.js';
import { constructValidators } from '../generator/src/emit/validators/construct/construct-validators.js';
import { runtimeExports, runtimeFormats } from './support/construct-module.js';

/**
 * The emitter answers "covered" or "not covered, because…" for each schema before it emits anything, so
 * the caller can compile what is not covered with AJV. Everything a schema reaches through `$ref` counts.
 */
const formats = await runtimeFormats();
const gapsOf = (schema: unknown) => {
  const coverage = coverageOf({ document: schema, tokens: [], formats });
  return coverage.covered ? [] : coverage.gaps.map(({ schemaPath, keyword, reason }) => `${schemaPath} ${keyword} ${reason}`);
};

describe('coverage', () => {
  it.each([
    [{ type: 'object', properties: { a: { $ref: '#/$defs/A' } }, $defs: { A: { anyOf: [true, { format: 'date' }] } } }],
    [{ $id: 'https://example.com/root', $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'T', $ref: '#' }],
    [{ properties: { x: { description: 'annotations only', default: 1, examples: [1], readOnly: true, deprecated: true } } }],
    [true],
  ])('covers %j', (schema) => {
    expect(gapsOf(schema)).toEqual([]);
  });

  it.each([
    [{ unevaluatedProperties: false }, ['#/unevaluatedProperties unevaluatedProperties not-supported']],
    [{ items: { unevaluatedItems: false } }, ['#/items/unevaluatedItems unevaluatedItems not-supported']],
    [{ $dynamicRef: '#meta' }, ['#/$dynamicRef $dynamicRef not-supported']],
    [{ properties: { a: { $id: 'other', type: 'string' } } }, ['#/properties/a/$id $id not-supported']],
    [{ $ref: 'https://example.com/schema' }, ['#/$ref $ref unresolved-ref']],
    [{ $ref: '#/$defs/missing' }, ['#/$ref $ref unresolved-ref']],
    [
      { $ref: '#/$defs/A', $defs: { A: { allOf: [{ unevaluatedItems: false }] } } },
      ['#/$defs/A/allOf/0/unevaluatedItems unevaluatedItems not-supported'],
    ],
    [{ dependencies: { a: ['b'] } }, ['#/dependencies dependencies unknown-keyword']],
    [{ format: 'iri' }, ['#/format format unknown-format']],
    [{ pattern: '(' }, ['#/pattern pattern invalid-pattern']],
    [{ patternProperties: { '[': {} } }, ['#/patternProperties patternProperties invalid-pattern']],
    [{ type: 'text' }, ['#/type type malformed']],
    [{ items: [{}] }, ['#/items  malformed']],
    // Bounds a double cannot hold, as JSON.parse reads 1e400, or whose double overflows (twice minLength).
    [{ maximum: Number.POSITIVE_INFINITY }, ['#/maximum maximum malformed']],
    [{ minLength: 1e308 }, ['#/minLength minLength malformed']],
  ])('does not cover %j', (schema, gaps) => {
    expect(gapsOf(schema)).toEqual(gaps);
  });

  it('leaves an entry to AJV with its gaps, and every entry that reaches it', () => {
    const defs = {
      Plain: { type: 'string' },
      Open: { type: 'object', unevaluatedProperties: false },
      UsesOpen: { type: 'object', properties: { inner: { $ref: '#/$defs/Open' } } },
    };
    const entries = Object.keys(defs).map((def) => ({ name: def, def }));
    const constructed = constructValidators({ defs, entries, formats, runtimeExports });
    expect(constructed.entries.map((name) => name !== undefined)).toEqual([true, false, false]);
    expect(constructed.uncovered.map(({ entry, gaps }) => [entry.name, gaps.map((gap) => gap.schemaPath)])).toEqual([
      ['Open', ['#/$defs/Open/unevaluatedProperties']],
      ['UsesOpen', ['#/$defs/Open/unevaluatedProperties']],
    ]);
    // Nothing of an uncovered entry is emitted.
    expect(constructed.statements.join('\n')).not.toMatch(/validateOpen|validateUsesOpen/);
  });
});
