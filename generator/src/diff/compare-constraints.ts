import type { Constraint, SchemaNode } from '../ir/types.js';
import type { SchemaCheck } from '../shared/change-catalog.js';
import { escapePointerToken } from '../util/json-pointer.js';
import { report, valuePair, type PlacePair, type SchemaContext } from './compare-context.js';

const valueOf = (constraints: Constraint[], keyword: string): unknown =>
  constraints.find((constraint) => constraint.keyword === keyword)?.value;
const numberOf = (constraints: Constraint[], keyword: string): number | undefined => {
  const value = valueOf(constraints, keyword);
  return typeof value === 'number' ? value : undefined;
};

/** Counted limits: [keyword, the check when it narrows, the check when it widens, which way narrows]. */
const countLimits: [string, SchemaCheck, SchemaCheck, 'lower' | 'higher'][] = [
  ['maxLength', 'max-length-decreased', 'max-length-increased', 'lower'],
  ['minLength', 'min-length-increased', 'min-length-decreased', 'higher'],
  ['maxItems', 'max-items-decreased', 'max-items-increased', 'lower'],
  ['minItems', 'min-items-increased', 'min-items-decreased', 'higher'],
  ['maxProperties', 'max-properties-decreased', 'max-properties-increased', 'lower'],
  ['minProperties', 'min-properties-increased', 'min-properties-decreased', 'higher'],
  ['maxContains', 'max-contains-decreased', 'max-contains-increased', 'lower'],
  ['minContains', 'min-contains-increased', 'min-contains-decreased', 'higher'],
];

/** A numeric bound as JSON Schema 2020-12 §6.2 has it: `maximum` and `exclusiveMaximum` together give one bound. */
interface Bound {
  value: number;
  exclusive: boolean;
}

function boundOf(constraints: Constraint[], side: 'upper' | 'lower'): Bound | undefined {
  const inclusive = numberOf(constraints, side === 'upper' ? 'maximum' : 'minimum');
  const exclusive = numberOf(constraints, side === 'upper' ? 'exclusiveMaximum' : 'exclusiveMinimum');
  const candidates: Bound[] = [
    ...(inclusive === undefined ? [] : [{ value: inclusive, exclusive: false }]),
    ...(exclusive === undefined ? [] : [{ value: exclusive, exclusive: true }]),
  ];
  // The tighter of the two is the bound that holds.
  return candidates.sort(
    (a, b) => (side === 'upper' ? a.value - b.value : b.value - a.value) || Number(b.exclusive) - Number(a.exclusive),
  )[0];
}

/** The keyword that writes a bound (JSON Schema 2020-12 §6.2.2–§6.2.5). */
const boundKeyword = (bound: Bound, side: 'upper' | 'lower') =>
  bound.exclusive ? (side === 'upper' ? 'exclusiveMaximum' : 'exclusiveMinimum') : side === 'upper' ? 'maximum' : 'minimum';

const showBound = (bound: Bound | undefined, side: 'upper' | 'lower') =>
  bound === undefined ? 'none' : `${side === 'upper' ? (bound.exclusive ? '<' : '<=') : bound.exclusive ? '>' : '>='} ${bound.value}`;

/** -1 when `next` accepts less than `old`, 1 when more, 0 when the same. Absent is no limit. */
function compareBounds(old: Bound | undefined, next: Bound | undefined, side: 'upper' | 'lower'): number {
  if (old === undefined || next === undefined) return old === next ? 0 : old === undefined ? -1 : 1;
  if (old.value !== next.value) return (side === 'upper' ? next.value > old.value : next.value < old.value) ? 1 : -1;
  return old.exclusive === next.exclusive ? 0 : next.exclusive ? -1 : 1;
}

/** Limits, pattern, multipleOf, format, uniqueItems and dependentRequired of two nodes of the same kind. */
export function compareConstraints(context: SchemaContext, old: SchemaNode, next: SchemaNode, at: PlacePair): void {
  const before = old.meta.constraints;
  const after = next.meta.constraints;
  for (const [keyword, narrower, wider, narrowsWhen] of countLimits) {
    const was = numberOf(before, keyword);
    const now = numberOf(after, keyword);
    if (was === now) continue;
    const narrows = was === undefined || (now !== undefined && (narrowsWhen === 'lower' ? now < was : now > was));
    report(context, {
      check: narrows ? narrower : wider,
      message: `${keyword} ${was ?? 'none'} -> ${now ?? 'none'}`,
      keyword,
      values: valuePair(was, now),
      ...at,
    });
  }
  for (const side of ['upper', 'lower'] as const) {
    const was = boundOf(before, side);
    const now = boundOf(after, side);
    const order = compareBounds(was, now, side);
    if (order === 0) continue;
    const check: SchemaCheck =
      side === 'upper' ? (order < 0 ? 'maximum-decreased' : 'maximum-increased') : order < 0 ? 'minimum-increased' : 'minimum-decreased';
    report(context, {
      check,
      message: `${side === 'upper' ? 'maximum' : 'minimum'} ${showBound(was, side)} -> ${showBound(now, side)}`,
      keyword: boundKeyword(now ?? was!, side),
      values: valuePair(was && showBound(was, side), now && showBound(now, side)),
      ...at,
    });
  }
  compareWritten({ context, at, keyword: 'pattern', was: valueOf(before, 'pattern'), now: valueOf(after, 'pattern') });
  compareWritten({ context, at, keyword: 'format', was: old.meta.format, now: next.meta.format });
  const multipleWas = numberOf(before, 'multipleOf');
  const multipleNow = numberOf(after, 'multipleOf');
  if (multipleWas !== multipleNow) {
    // A new divisor that the old one is a multiple of accepts every value the old one did, and more.
    const relaxed = multipleNow === undefined || (multipleWas !== undefined && Number.isInteger(multipleWas / multipleNow));
    report(context, {
      check: relaxed ? 'multiple-of-relaxed' : 'multiple-of-changed',
      message: `multipleOf ${multipleWas ?? 'none'} -> ${multipleNow ?? 'none'}`,
      keyword: 'multipleOf',
      values: valuePair(multipleWas, multipleNow),
      ...at,
    });
  }
  const uniqueWas = valueOf(before, 'uniqueItems') === true;
  const uniqueNow = valueOf(after, 'uniqueItems') === true;
  if (uniqueWas !== uniqueNow)
    report(context, {
      check: uniqueNow ? 'unique-items-added' : 'unique-items-removed',
      message: `uniqueItems ${uniqueWas} -> ${uniqueNow}`,
      keyword: 'uniqueItems',
      values: { old: uniqueWas, new: uniqueNow },
      ...at,
    });
  compareDependentRequired(context, valueOf(before, 'dependentRequired'), valueOf(after, 'dependentRequired'), at);
  for (const [keyword, check] of [
    ['contentMediaType', 'content-media-type-changed'],
    ['contentEncoding', 'content-encoding-changed'],
  ] as const) {
    const [was, now] = [valueOf(before, keyword), valueOf(after, keyword)];
    if (was !== now)
      report(context, {
        check,
        message: `${keyword} ${JSON.stringify(was) ?? 'none'} -> ${JSON.stringify(now) ?? 'none'}`,
        keyword,
        values: valuePair(was, now),
        ...at,
      });
  }
}

/** `dependentRequired` (JSON Schema 2020-12 §6.5.4): each name a property newly needs beside it accepts less. */
function compareDependentRequired(context: SchemaContext, was: unknown, now: unknown, at: PlacePair): void {
  const pairsOf = (value: unknown) => {
    const pairs = new Set<string>();
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return pairs;
    for (const [property, names] of Object.entries(value))
      if (Array.isArray(names)) for (const name of names) if (typeof name === 'string') pairs.add(JSON.stringify([property, name]));
    return pairs;
  };
  const before = pairsOf(was);
  const after = pairsOf(now);
  const each = (pairs: Set<string>, others: Set<string>, check: SchemaCheck) => {
    for (const pair of pairs) {
      if (others.has(pair)) continue;
      const [property, name] = JSON.parse(pair) as [string, string];
      report(context, {
        check,
        message: `${JSON.stringify(property)} needs ${JSON.stringify(name)}`,
        keyword: `dependentRequired/${escapePointerToken(property)}`,
        values: check === 'dependent-required-added' ? { new: [property, name] } : { old: [property, name] },
        ...at,
      });
    }
  };
  each(after, before, 'dependent-required-added');
  each(before, after, 'dependent-required-removed');
}

function compareWritten({
  context,
  at,
  keyword,
  was,
  now,
}: {
  context: SchemaContext;
  at: PlacePair;
  keyword: 'pattern' | 'format';
  was: unknown;
  now: unknown;
}): void {
  if (was === now) return;
  const check: SchemaCheck = was === undefined ? `${keyword}-added` : now === undefined ? `${keyword}-removed` : `${keyword}-changed`;
  report(context, {
    check,
    message: `${keyword} ${JSON.stringify(was) ?? 'none'} -> ${JSON.stringify(now) ?? 'none'}`,
    keyword,
    values: valuePair(was, now),
    ...at,
  });
}
