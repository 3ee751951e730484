import { beforeAll, describe, expect, it } from 'vitest';
import { loadConstructed, type CompiledCheck } from './support/construct-module.js';

/**
 * Issue #25 point 5: a property is present only when it is the object's own, whatever its name
 * (JSON Schema 2020-12 §4.2.1: an object is its members). `{}` inherits `constructor`, `toString` and
 * `hasOwnProperty` from Object.prototype and has `__proto__` as an accessor; JSON.parse makes
 * `"__proto__"` an own member like any other. Each keyword that asks whether a property is there is
 * tested with those names, in both modes, with the issues' paths and keywords. AJV gets several of these
 * wrong (its `properties` drops `__proto__`; without `ownProperties` it counts inherited members; its
 * deep equality reads `constructor` as the inherited member), so this test states the answers itself.
 */
const names = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
const json = (text: string) => JSON.parse(text) as unknown;
const allOwn = json('{"__proto__": 1, "constructor": 2, "toString": 3, "hasOwnProperty": 4}');

const defs = {
  Required: { type: 'object', required: names },
  Properties: { type: 'object', properties: Object.fromEntries(names.map((name) => [name, { type: 'integer' }])) },
  Closed: { type: 'object', properties: { a: {} }, additionalProperties: false },
  ClosedOnNames: { type: 'object', properties: Object.fromEntries(names.map((name) => [name, {}])), additionalProperties: false },
  DependentRequired: { type: 'object', dependentRequired: Object.fromEntries(names.map((name) => [name, ['a']])) },
  DependentSchemas: { type: 'object', dependentSchemas: Object.fromEntries(names.map((name) => [name, { required: ['a'] }])) },
  // A discriminator as lower-schema.ts lowers it: each branch pinned to its tag by `properties` and `required`.
  Tagged: {
    oneOf: [
      { allOf: [{ type: 'object' }, { type: 'object', properties: { constructor: { const: 'cat' } }, required: ['constructor'] }] },
      { allOf: [{ type: 'object' }, { type: 'object', properties: { constructor: { const: 'dog' } }, required: ['constructor'] }] },
    ],
  },
  ConstWithConstructor: { const: { constructor: [1] } },
  ConstWithProto: { const: json('{"__proto__": {"a": 1}}') },
  EnumWithProto: { enum: [json('{"__proto__": {"a": 1}}'), 'x'] },
  UniqueObjects: { type: 'array', uniqueItems: true },
};

let checks: Record<string, CompiledCheck>;
beforeAll(async () => {
  checks = (await loadConstructed({ defs, label: 'construct-own' })).checks;
});

/** Both modes' verdicts and the collected issues as `path keyword`. */
function judge(name: string, value: unknown) {
  const check = checks[name]!;
  const stopped = check(value, '', true);
  const collected = check(value);
  return { stopped, collected, issues: (check.errors ?? []).map((issue) => `${issue.instancePath} ${issue.keyword}`) };
}

const valid = { stopped: true, collected: true, issues: [] };
const invalid = (...issues: string[]) => ({ stopped: false, collected: false, issues });

describe('own properties', () => {
  it.each([
    ['Required', {}, invalid(' required', ' required', ' required', ' required')],
    ['Required', json('{"__proto__": 1}'), invalid(' required', ' required', ' required')],
    ['Required', allOwn, valid],
    ['Properties', {}, valid],
    ['Properties', allOwn, valid],
    ['Properties', json('{"__proto__": "x", "toString": "y"}'), invalid('/__proto__ type', '/toString type')],
    ['Properties', { constructor: 'x', hasOwnProperty: 'y' }, invalid('/constructor type', '/hasOwnProperty type')],
    ['Closed', {}, valid],
    ['Closed', json('{"__proto__": 1}'), invalid(' additionalProperties')],
    ['Closed', { constructor: 1, toString: 2 }, invalid(' additionalProperties', ' additionalProperties')],
    ['ClosedOnNames', allOwn, valid],
    ['DependentRequired', {}, valid],
    ['DependentRequired', json('{"__proto__": 1, "a": 0}'), valid],
    ['DependentRequired', json('{"__proto__": 1}'), invalid(' dependentRequired')],
    ['DependentRequired', { toString: 1 }, invalid(' dependentRequired')],
    ['DependentSchemas', {}, valid],
    ['DependentSchemas', { constructor: 1 }, invalid(' required')],
    ['Tagged', {}, invalid(' required', ' required', ' oneOf')],
    ['Tagged', { constructor: 'cat' }, valid],
    ['Tagged', { constructor: 'cow' }, invalid('/constructor const', '/constructor const', ' oneOf')],
    ['ConstWithConstructor', { constructor: [1] }, valid],
    ['ConstWithConstructor', {}, invalid(' const')],
    ['ConstWithProto', json('{"__proto__": {"a": 1}}'), valid],
    ['ConstWithProto', {}, invalid(' const')],
    ['EnumWithProto', json('{"__proto__": {"a": 1}}'), valid],
    ['EnumWithProto', {}, invalid(' enum')],
    ['UniqueObjects', [{ toString: 1 }, { toString: 2 }], valid],
    ['UniqueObjects', [{ constructor: 1 }, { constructor: 1 }], invalid(' uniqueItems')],
  ])('%s on %j', (name, value, expected) => {
    expect(judge(name, value)).toEqual(expected);
  });
});
