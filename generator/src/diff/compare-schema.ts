import equal from 'fast-deep-equal';
import type { CompositionNode, SchemaNode } from '../ir/types.js';
import { placeOf } from './change-log.js';
import { compareAssertions } from './compare-assertions.js';
import { descend, report, scopeOf, valuePair, type PlacePair, type SchemaContext, type Side } from './compare-context.js';
import { compareConstraints } from './compare-constraints.js';
import { compareDocumentation } from './compare-documentation.js';
import { compareObjects } from './compare-object.js';
import { lifecycleChanges, schemaLifecycle } from './lifecycle.js';
import { readSchema, type SchemaReading } from './read-schema.js';

/**
 * Compares what two versions of a schema accept, read in the context's direction. Each side is read for
 * what it means (readSchema: references followed, spellings of the same thing made one); a pair of named
 * schemas is compared once per direction, which also ends cycles; every change is reported at the deepest
 * node that has a place in the spec.
 */
export function compareSchema(outer: SchemaContext, oldNode: SchemaNode, newNode: SchemaNode, at: PlacePair): void {
  const old = readSchema(oldNode, outer.old);
  const next = readSchema(newNode, outer.new);
  if (old === undefined || next === undefined) return;
  const here: PlacePair = { old: placeOf(old.node.meta.origin, at.old), new: placeOf(next.node.meta.origin, at.new) };
  const nullable = { old: old.node.meta.nullable || old.wrapperNullable, new: next.node.meta.nullable || next.wrapperNullable };
  // Null let through around a named schema is a change here; inside it, a change of the schema (reported once).
  const nullableHere = nullable.old !== nullable.new && old.wrapperNullable !== next.wrapperNullable;
  if (nullableHere) reportNullable(outer, nullable.new, here);
  if (old.name !== undefined || next.name !== undefined) {
    const key = `${outer.direction}\u0000${old.name ?? here.old.pointer}\u0000${next.name ?? here.new.pointer}`;
    if (outer.visited.has(key)) return;
    outer.visited.add(key);
  }
  // A named schema is compared once: its changes name the first operation (in spec order) that reaches it,
  // and the schema with the path inside it, which is what they are known by across commits.
  const context = next.name === undefined ? outer : { ...outer, schema: next.name };
  compareDocumentation(context.log, { old: old.node.meta, new: next.node.meta, at: here, scope: scopeOf(context) });
  if (nullable.old !== nullable.new && !nullableHere) reportNullable(context, nullable.new, here);
  if (!old.node.meta.deprecated && next.node.meta.deprecated)
    report(context, {
      check: 'deprecated-added',
      message: 'deprecated',
      keyword: 'deprecated',
      values: { old: false, new: true },
      ...here,
    });
  // Lifecycle lives in `x-*` fields: most schemas have none, and nothing to read.
  if (old.node.meta.extensions.length > 0 || next.node.meta.extensions.length > 0)
    for (const change of lifecycleChanges(schemaLifecycle(old.node.meta), schemaLifecycle(next.node.meta)))
      report(context, {
        message: `${change.keyword} ${String(change.values.old ?? 'none')} -> ${String(change.values.new ?? 'none')}`,
        ...change,
        ...here,
      });
  if (!equal(old.node.meta.default, next.node.meta.default))
    report(context, {
      check: 'default-changed',
      message: `default ${JSON.stringify(old.node.meta.default?.value) ?? 'none'} -> ${JSON.stringify(next.node.meta.default?.value) ?? 'none'}`,
      keyword: 'default',
      values: valuePair(old.node.meta.default?.value, next.node.meta.default?.value),
      ...here,
    });
  if (!compareKinds(context, old, next, here)) return;
  compareConstraints(context, old.node, next.node, here);
  compareAssertions(context, old.node, next.node, here);
  compareSameKind(context, old.node, next.node, here);
}

function reportNullable(context: SchemaContext, now: boolean, at: PlacePair): void {
  report(context, {
    check: now ? 'nullable-added' : 'nullable-removed',
    message: 'nullable',
    // 3.0 writes `nullable: true`, 3.1 a type array (JSON Schema 2020-12 §6.1.1).
    keyword: context.new.model.openapi.startsWith('3.0') ? 'nullable' : 'type',
    values: { old: !now, new: now },
    ...at,
  });
}

/** Reports a change of kind; true when the two nodes have the same kind and their insides can be compared. */
function compareKinds(context: SchemaContext, oldReading: SchemaReading, nextReading: SchemaReading, at: PlacePair): boolean {
  const [old, next] = [oldReading.node, nextReading.node];
  const was = kindLabel(old);
  const now = kindLabel(next);
  if (old.kind === next.kind && (old.kind !== 'number' || next.kind !== 'number' || old.integer === next.integer)) return true;
  if (old.kind === 'number' && next.kind === 'number') {
    report(context, {
      check: old.integer ? 'type-widened' : 'type-narrowed',
      message: `type ${was} -> ${now}`,
      keyword: 'type',
      values: { old: was, new: now },
      ...at,
    });
    return true;
  }
  // A union that kept (or gained) members around the other version's schema: members removed (or added).
  const kept = memberLike(context.old, old, nextReading);
  const grown = memberLike(context.new, next, oldReading);
  if (kept !== undefined || grown !== undefined) {
    report(context, {
      check: kept !== undefined ? 'union-member-removed' : 'union-member-added',
      message: `${was} -> ${now}`,
      keyword: kindKeyword(kept !== undefined ? old : next),
      values: { old: was, new: now },
      ...at,
    });
    if (kept !== undefined) compareSchema(context, kept, next, at);
    else compareSchema(context, old, grown!, at);
    return false;
  }
  const widened = next.kind === 'unknown' || old.kind === 'never' || literalOf(old, next);
  const narrowed = old.kind === 'unknown' || next.kind === 'never' || literalOf(next, old);
  const check = widened ? 'type-widened' : narrowed ? 'type-narrowed' : 'type-changed';
  report(context, { check, message: `type ${was} -> ${now}`, keyword: kindKeyword(next), values: { old: was, new: now }, ...at });
  return false;
}

/** True when `literal` is an enum/const whose values are all of the type `base` names. */
function literalOf(literal: SchemaNode, base: SchemaNode): boolean {
  if (literal.kind !== 'literal') return false;
  const kinds = new Set(literal.values.map((value) => (typeof value === 'number' && Number.isInteger(value) ? 'integer' : typeof value)));
  if (base.kind === 'string') return [...kinds].every((kind) => kind === 'string');
  if (base.kind === 'boolean') return [...kinds].every((kind) => kind === 'boolean');
  if (base.kind === 'number') return [...kinds].every((kind) => kind === 'integer' || (kind === 'number' && !base.integer));
  return false;
}

/** The member of an anyOf/oneOf `union` that has `node`'s kind (`type: [string, integer]` holds `type: string`). */
function memberLike(side: Side, union: SchemaNode, other: SchemaReading): SchemaNode | undefined {
  const node = other.node;
  if (union.kind !== 'composition' || union.mode === 'allOf' || node.kind === 'composition') return undefined;
  const readings = union.members.map((member) => ({ member, read: readSchema(member, side) }));
  // The member that is the other version's schema by name (`anyOf: [Cat, Dog]` -> `Dog`), else the only one of its kind.
  const named = other.name === undefined ? undefined : readings.find(({ read }) => read?.name === other.name);
  if (named !== undefined) return named.member;
  const alike = readings.filter(
    ({ read }) =>
      read !== undefined &&
      read.node.kind === node.kind &&
      (read.node.kind !== 'number' || node.kind !== 'number' || read.node.integer === node.integer),
  );
  return alike.length === 1 ? alike[0]!.member : undefined;
}

/** The keyword that says a node's kind: `enum` or `const` for a literal, the mode for a composition, else `type`. */
function kindKeyword(node: SchemaNode): string {
  if (node.kind === 'literal') return node.written?.const !== undefined ? 'const' : 'enum';
  if (node.kind === 'composition') return node.mode;
  return 'type';
}

function kindLabel(node: SchemaNode): string {
  if (node.kind === 'number') return node.integer ? 'integer' : 'number';
  if (node.kind === 'literal') return `enum ${JSON.stringify(node.values)}`;
  if (node.kind === 'composition') return node.mode;
  if (node.kind === 'unknown') return 'any';
  return node.kind;
}

function compareSameKind(context: SchemaContext, old: SchemaNode, next: SchemaNode, at: PlacePair): void {
  if (old.kind === 'literal' && next.kind === 'literal') compareLiterals(context, old, next, at);
  else if (old.kind === 'array' && next.kind === 'array') {
    // Position by position: where one version has no prefixItems entry, its `items` holds there (§10.3.1.2).
    const positions = Math.max(old.prefixItems.length, next.prefixItems.length);
    for (let index = 0; index < positions; index += 1)
      compareSchema(descend(context, `[${index}]`), old.prefixItems[index] ?? old.items, next.prefixItems[index] ?? next.items, at);
    compareSchema(descend(context, '[]'), old.items, next.items, at);
  } else if (old.kind === 'object' && next.kind === 'object') compareObjects(context, old, next, at);
  else if (old.kind === 'composition' && next.kind === 'composition') compareCompositions(context, old, next, at);
}

type LiteralNode = Extract<SchemaNode, { kind: 'literal' }>;

function compareLiterals(context: SchemaContext, old: LiteralNode, next: LiteralNode, at: PlacePair): void {
  const key = (value: unknown) => JSON.stringify(value);
  const before = new Set(old.values.map(key));
  const after = new Set(next.values.map(key));
  const keyword = (node: SchemaNode) => (node.kind === 'literal' && node.written?.const !== undefined ? 'const' : 'enum');
  for (const value of next.values)
    if (!before.has(key(value)))
      report(context, {
        check: 'enum-value-added',
        message: `value ${key(value)} added`,
        keyword: keyword(next),
        values: { new: value },
        ...at,
      });
  for (const value of old.values)
    if (!after.has(key(value)))
      report(context, {
        check: 'enum-value-removed',
        message: `value ${key(value)} removed`,
        keyword: keyword(old),
        values: { old: value },
        ...at,
      });
}

/**
 * Members are paired by the schema they name, then by position. For oneOf/anyOf a member more accepts
 * more; for allOf a member more is one more condition, so it accepts less.
 */
function compareCompositions(context: SchemaContext, old: CompositionNode, next: CompositionNode, at: PlacePair): void {
  if (old.mode !== next.mode) {
    report(context, {
      check: 'type-changed',
      message: `${old.mode} -> ${next.mode}`,
      keyword: next.mode,
      values: { old: old.mode, new: next.mode },
      ...at,
    });
    return;
  }
  const nameOf = (node: SchemaNode) => (node.kind === 'ref' ? node.name : undefined);
  const unmatched = new Set(next.members.keys());
  const pairs: [number, number][] = [];
  const leftOver: number[] = [];
  old.members.forEach((member, index) => {
    const name = nameOf(member);
    const partner = name === undefined ? undefined : [...unmatched].find((candidate) => nameOf(next.members[candidate]!) === name);
    if (partner === undefined) leftOver.push(index);
    else {
      unmatched.delete(partner);
      pairs.push([index, partner]);
    }
  });
  for (const index of leftOver) {
    const partner = [...unmatched].find(
      (candidate) => nameOf(next.members[candidate]!) === undefined || nameOf(old.members[index]!) === undefined,
    );
    if (partner === undefined) {
      report(context, {
        check: old.mode === 'allOf' ? 'type-widened' : 'union-member-removed',
        message: `${old.mode} member ${index} removed`,
        keyword: `${old.mode}/${index}`,
        values: { old: index },
        ...at,
      });
      continue;
    }
    unmatched.delete(partner);
    pairs.push([index, partner]);
  }
  for (const index of unmatched)
    report(context, {
      check: old.mode === 'allOf' ? 'type-narrowed' : 'union-member-added',
      message: `${old.mode} member ${index} added`,
      keyword: `${next.mode}/${index}`,
      values: { new: index },
      ...at,
    });
  for (const [before, after] of pairs) compareSchema(context, old.members[before]!, next.members[after]!, at);
}
