import type { Assertion, AssertionKeyword, SchemaNode } from '../ir/types.js';
import { checkCatalog, type SchemaCheck } from '../shared/change-catalog.js';
import { escapePointerToken } from '../util/json-pointer.js';
import { placeOf, type ChangeInput } from './change-log.js';
import { descend, report, type PlacePair, type SchemaContext } from './compare-context.js';
import { compareSchema } from './compare-schema.js';

/** The check-id stem of each subschema keyword (JSON Schema 2020-12 §10.2, §10.3, §11). */
const stems: Record<AssertionKeyword, string> = {
  if: 'conditional',
  then: 'then',
  else: 'else',
  not: 'not',
  contains: 'contains',
  propertyNames: 'property-names',
  patternProperties: 'pattern-property',
  dependentSchemas: 'dependent-schema',
  unevaluatedProperties: 'unevaluated-properties',
  unevaluatedItems: 'unevaluated-items',
};

const keyOf = (assertion: Assertion) => (assertion.key === undefined ? assertion.keyword : `${assertion.keyword}/${assertion.key}`);
/** The keyword as a pointer below its schema: `contains`, `patternProperties/^x-`. */
const pointerOf = (assertion: Assertion) =>
  assertion.key === undefined ? assertion.keyword : `${assertion.keyword}/${escapePointerToken(assertion.key)}`;
/** The step in the payload path: `{contains}`, `{patternProperties "^x-"}`. */
const stepOf = (assertion: Assertion) =>
  assertion.key === undefined ? `{${assertion.keyword}}` : `{${assertion.keyword} ${JSON.stringify(assertion.key)}}`;

/**
 * The subschema keywords of two nodes. Each of them only constrains, so one added accepts less and one
 * removed accepts more; one in both versions is compared inside, in the same direction, except:
 * `not` accepts what its schema refuses (compared the other way round, JSON Schema 2020-12 §10.2.1.4), and
 * `if` picks which of `then`/`else` holds (any change to it can go both ways; `then` and `else` mean nothing
 * without it, §10.2.2).
 */
export function compareAssertions(context: SchemaContext, old: SchemaNode, next: SchemaNode, at: PlacePair): void {
  const before = new Map(old.meta.assertions.map((assertion) => [keyOf(assertion), assertion]));
  const after = new Map(next.meta.assertions.map((assertion) => [keyOf(assertion), assertion]));
  const conditionKept = before.has('if') && after.has('if');
  const branch = (keyword: AssertionKeyword) => keyword === 'then' || keyword === 'else';
  const changedIf =
    conditionKept && changesBetween(context, context.direction, before.get('if')!.schema, after.get('if')!.schema).length > 0;
  if (changedIf) report(context, { check: 'conditional-changed', message: 'if changed', keyword: 'if', ...at });
  for (const [key, assertion] of after) {
    const was = before.get(key);
    if (branch(assertion.keyword) && (!conditionKept || changedIf)) continue;
    if (was === undefined) {
      if (assertion.keyword === 'if' && !after.has('then') && !after.has('else')) continue;
      report(context, {
        check: `${stems[assertion.keyword]}-added` as SchemaCheck,
        message: `${key} added`,
        keyword: pointerOf(assertion),
        ...at,
      });
      continue;
    }
    const pair = { old: placeOf(was.schema.meta.origin, at.old), new: placeOf(assertion.schema.meta.origin, at.new) };
    if (assertion.keyword === 'not') compareNegated(context, was.schema, assertion.schema, pair);
    else if (assertion.keyword !== 'if') compareSchema(descend(context, stepOf(assertion)), was.schema, assertion.schema, pair);
  }
  compareContentSchema(context, old.meta.contentSchema, next.meta.contentSchema, at);
  for (const [key, assertion] of before) {
    if (after.has(key) || (branch(assertion.keyword) && (!conditionKept || changedIf))) continue;
    if (assertion.keyword === 'if' && !before.has('then') && !before.has('else')) continue;
    report(context, {
      check: `${stems[assertion.keyword]}-removed` as SchemaCheck,
      message: `${key} removed`,
      keyword: pointerOf(assertion),
      ...at,
    });
  }
}

/**
 * `not: N` accepts what N refuses: N compared in the other direction finds out which way the whole moved.
 * A breaking reading of N (an error) means the schema moved the breaking way for this direction.
 */
function compareNegated(context: SchemaContext, old: SchemaNode, next: SchemaNode, at: PlacePair): void {
  const other = context.direction === 'request' ? 'response' : 'request';
  const changes = changesBetween(context, other, old, next);
  if (changes.length === 0) return;
  const breaking = changes.some((change) => checkCatalog[change.id].severity === 'error');
  const narrowed = breaking === (context.direction === 'request');
  report(context, {
    check: narrowed ? 'type-narrowed' : 'type-widened',
    message: `not: ${narrowed ? 'refuses more' : 'refuses less'} (${[...new Set(changes.map((change) => change.id))].join(', ')})`,
    keyword: 'not',
    ...at,
  });
}

/** What comparing two subschemas in a direction finds, apart from documentation; nothing is reported. */
function changesBetween(context: SchemaContext, direction: SchemaContext['direction'], old: SchemaNode, next: SchemaNode): ChangeInput[] {
  const found: ChangeInput[] = [];
  const scratch: SchemaContext = { ...context, direction, visited: new Set(), log: { add: (change) => void found.push(change) } };
  compareSchema(scratch, old, next, { old: placeOf(undefined, emptyPlace), new: placeOf(undefined, emptyPlace) });
  return found.filter((change) => change.id !== 'documentation-changed');
}

const emptyPlace = { file: '', pointer: '', line: 0, column: 0 };

/** `contentSchema` constrains the decoded content as a subschema keyword constrains the value (§8.5). */
function compareContentSchema(context: SchemaContext, old: SchemaNode | undefined, next: SchemaNode | undefined, at: PlacePair): void {
  if (old === undefined && next === undefined) return;
  if (old === undefined || next === undefined) {
    const check = old === undefined ? 'content-schema-added' : 'content-schema-removed';
    report(context, {
      check,
      message: check === 'content-schema-added' ? 'contentSchema added' : 'contentSchema removed',
      keyword: 'contentSchema',
      ...at,
    });
    return;
  }
  const pair = { old: placeOf(old.meta.origin, at.old), new: placeOf(next.meta.origin, at.new) };
  compareSchema(descend(context, '{contentSchema}'), old, next, pair);
}
