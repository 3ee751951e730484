import { beforeAll, describe, expect, it } from 'vitest';
import { loadConstructed, type CompiledCheck } from './support/construct-module.js';
import { createReference, issueKey } from './support/construct-reference.js';

/**
 * The issues collect mode reports, exactly: place in the value, keyword, and schema path (which
 * rule-origins.ts reads to cite the spec's line), for each keyword family, where AJV's all-errors mode
 * has an order of its own to follow: which members' issues an applicator keeps, where a nested schema's
 * issues are placed, when a walk stops. Each case is also held to AJV's set of (instancePath, keyword).
 */
const defs = {
  Pet: {
    type: 'object',
    required: ['name'],
    properties: {
      name: { type: 'string', maxLength: 3 },
      owner: { $ref: '#/$defs/Owner' },
      tags: { type: 'array', items: { type: 'string' } },
    },
    additionalProperties: false,
  },
  Owner: { type: 'object', properties: { id: { type: 'integer' }, next: { $ref: '#/$defs/Owner' } } },
  Either: { anyOf: [{ type: 'string' }, { type: 'object', required: ['a'] }] },
  OneOfThree: { oneOf: [{ minimum: 0 }, { maximum: 10 }, { type: 'string' }, { multipleOf: 2 }] },
  Contains: { contains: { type: 'integer' }, maxContains: 1 },
  UniqueStrings: { items: { type: 'string' }, uniqueItems: true },
  Conditional: { if: { type: 'string' }, then: { maxLength: 2 }, else: { type: 'integer' } },
  Names: { propertyNames: { maxLength: 2, pattern: '^a' } },
  Dependent: { dependentRequired: { a: ['b', 'c'] }, dependentSchemas: { b: { required: ['d'] } } },
  Not: { not: { type: 'string' } },
  Tuple: { prefixItems: [{ type: 'string' }], items: false },
};

let checks: Record<string, CompiledCheck>;
beforeAll(async () => {
  checks = (await loadConstructed({ defs, label: 'construct-issues' })).checks;
});

const ajv = createReference();
ajv.addSchema({ $id: 'specsmith:issues', $defs: defs });

describe('issues in collect mode', () => {
  it.each([
    [
      'Pet',
      { name: 'long', owner: { id: 'x', next: { id: 1.5 } }, tags: ['a', 2], extra: 1 },
      [
        '/name maxLength #/$defs/Pet/properties/name/maxLength',
        '/owner/id type #/$defs/Owner/properties/id/type',
        '/owner/next/id type #/$defs/Owner/properties/id/type',
        '/tags/1 type #/$defs/Pet/properties/tags/items/type',
        ' additionalProperties #/$defs/Pet/additionalProperties',
      ],
    ],
    ['Pet', {}, [' required #/$defs/Pet/required']],
    ['Either', 5, [' type #/$defs/Either/anyOf/0/type', ' type #/$defs/Either/anyOf/1/type', ' anyOf #/$defs/Either/anyOf']],
    ['Either', 'ok', []],
    // Two members pass (0 and 1); the later ones are not run, so only the oneOf issue remains.
    ['OneOfThree', 4, [' oneOf #/$defs/OneOfThree/oneOf']],
    // The items the subschema rejected until the walk stopped, then the contains issue.
    [
      'Contains',
      ['a', 1, 'b', 2],
      ['/0 type #/$defs/Contains/contains/type', '/2 type #/$defs/Contains/contains/type', ' contains #/$defs/Contains/contains'],
    ],
    ['Contains', ['a'], ['/0 type #/$defs/Contains/contains/type', ' contains #/$defs/Contains/contains']],
    // The walk stops once more items passed than maxContains allows: 'b' is never checked.
    ['Contains', ['a', 1, 2, 'b'], ['/0 type #/$defs/Contains/contains/type', ' contains #/$defs/Contains/contains']],
    // Wrongly typed items are `items` issues only: as AJV, only the strings are compared.
    ['UniqueStrings', [1, 1], ['/0 type #/$defs/UniqueStrings/items/type', '/1 type #/$defs/UniqueStrings/items/type']],
    ['UniqueStrings', ['a', 'a'], [' uniqueItems #/$defs/UniqueStrings/uniqueItems']],
    ['Conditional', 'abc', [' maxLength #/$defs/Conditional/then/maxLength', ' if #/$defs/Conditional/if']],
    ['Conditional', 1.5, [' type #/$defs/Conditional/else/type', ' if #/$defs/Conditional/if']],
    [
      'Names',
      { abc: 1, b: 2 },
      [
        ' maxLength #/$defs/Names/propertyNames/maxLength',
        ' propertyNames #/$defs/Names/propertyNames',
        ' pattern #/$defs/Names/propertyNames/pattern',
        ' propertyNames #/$defs/Names/propertyNames',
      ],
    ],
    [
      'Dependent',
      { a: 1, b: 2 },
      [' dependentRequired #/$defs/Dependent/dependentRequired', ' required #/$defs/Dependent/dependentSchemas/b/required'],
    ],
    ['Not', 'x', [' not #/$defs/Not/not']],
    ['Tuple', [1, 2], ['/0 type #/$defs/Tuple/prefixItems/0/type', ' items #/$defs/Tuple/items']],
  ])('%s on %j', (name, value, expected) => {
    const check = checks[name]!;
    expect(check(value, '', true)).toBe(expected.length === 0);
    expect(check(value)).toBe(expected.length === 0);
    const issues = (check.errors ?? []).map((issue) => `${issue.instancePath} ${issue.keyword} ${issue.schemaPath}`);
    expect(issues).toEqual(expected);
    const reference = ajv.getSchema(`specsmith:issues#/$defs/${name}`)!;
    reference(value);
    const ajvIssues = [...new Set((reference.errors ?? []).map(issueKey))].sort();
    expect([...new Set((check.errors ?? []).map(issueKey))].sort(), 'AJV reports the same issues').toEqual(ajvIssues);
  });
});
