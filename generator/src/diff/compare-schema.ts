import type { CompositionNode, SchemaNode } from '../ir/types.js';
import { placeOf } from './change-log.js';
import { descend, follow, report, scopeOf, type PlacePair, type SchemaContext } from './compare-context.js';
import { compareConstraints } from './compare-constraints.js';
import { compareDocumentation } from './compare-documentation.js';
import { compareObjects } from './compare-object.js';
import { flattenAllOf } from './flatten-all-of.js';

/**
 * Compares what two versions of a schema accept, read in the context's direction. References are followed
 * (a pair of named schemas is compared once per direction, which also ends cycles), and every change is
 * reported at the deepest node that has a place in the spec.
 */
export function compareSchema(outer: SchemaContext, oldNode: SchemaNode, newNode: SchemaNode, at: PlacePair): void {
  const followed = { old: follow(oldNode, outer.old), new: follow(newNode, outer.new) };
  if (followed.old === undefined || followed.new === undefined) return;
  const old = { ...followed.old, node: flattenAllOf(followed.old.node, outer.old) };
  const next = { ...followed.new, node: flattenAllOf(followed.new.node, outer.new) };
  const here: PlacePair = { old: placeOf(old.node.meta.origin, at.old), new: placeOf(next.node.meta.origin, at.new) };
  if (old.name !== undefined || next.name !== undefined) {
    const key = `${outer.direction}\u0000${old.name ?? here.old.pointer}\u0000${next.name ?? here.new.pointer}`;
    if (outer.visited.has(key)) return;
    outer.visited.add(key);
  }
  // A named schema is compared once: its changes name the first operation (in spec order) that reaches it,
  // and the schema with the path inside it, which is what they are known by across commits.
  const context = next.name === undefined ? outer : { ...outer, schema: next.name };
  compareDocumentation(context.log, { old: old.node.meta, new: next.node.meta, at: here, scope: scopeOf(context) });
  if (old.node.meta.nullable !== next.node.meta.nullable)
    report(context, {
      check: next.node.meta.nullable ? 'nullable-added' : 'nullable-removed',
      message: 'nullable',
      // 3.0 writes `nullable: true`, 3.1 a type array (JSON Schema 2020-12 §6.1.1).
      keyword: context.new.model.openapi.startsWith('3.0') ? 'nullable' : 'type',
      values: { old: old.node.meta.nullable, new: next.node.meta.nullable },
      ...here,
    });
  if (!compareKinds(context, old.node, next.node, here)) return;
  compareConstraints(context, old.node, next.node, here);
  compareSameKind(context, old.node, next.node, here);
}

/** Reports a change of kind; true when the two nodes have the same kind and their insides can be compared. */
function compareKinds(context: SchemaContext, old: SchemaNode, next: SchemaNode, at: PlacePair): boolean {
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
    compareSchema(descend(context, '[]'), old.items, next.items, at);
    const shared = Math.min(old.prefixItems.length, next.prefixItems.length);
    for (let index = 0; index < shared; index += 1)
      compareSchema(descend(context, `[${index}]`), old.prefixItems[index]!, next.prefixItems[index]!, at);
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
