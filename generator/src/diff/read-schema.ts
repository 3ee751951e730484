import equal from 'fast-deep-equal';
import type { CompositionNode, Constraint, ObjectNode, PropertyNode, SchemaMeta, SchemaNode } from '../ir/types.js';
import type { Side } from './compare-context.js';

/**
 * A schema as the diff compares it: what it means, not how it is spelled. `name` is the component schema
 * the node is (when it is one as a whole); `wrapperNullable` is true when a spelling around it let `null`
 * through (`oneOf: [{type: 'null'}, {$ref: X}]`), so the change can be told apart from one inside X.
 */
export interface SchemaReading {
  node: SchemaNode;
  name?: string;
  wrapperNullable: boolean;
}

/**
 * Reads through the spellings that say the same thing (issue #26 point 3):
 *
 * - a `$ref` is its target (a reference to nothing reads as undefined);
 * - the four spellings of nullable: 3.0 `nullable: true`, a type array with `"null"` (the IR reads both),
 *   and `anyOf`/`oneOf` with a `{type: 'null'}` member beside one other;
 * - an `allOf` member that only annotates (title, description, examples) constrains nothing;
 * - a composition of one member is that member;
 * - an `allOf` of objects is the one object it describes, and an `allOf` of one typed schema with untyped
 *   keyword sets (`{$ref: S, pattern: …}` in 3.1) is that schema with every keyword.
 */
export function readSchema(start: SchemaNode, side: Side): SchemaReading | undefined {
  let node = start;
  let name: string | undefined;
  let wrapperNullable = false;
  const seen = new Set<string>();
  for (;;) {
    if (node.kind === 'ref') {
      const named = side.named.get(node.name);
      if (named === undefined || seen.has(node.name)) return undefined;
      seen.add(node.name);
      wrapperNullable ||= node.meta.nullable;
      name = named.specName;
      node = named.schema;
      continue;
    }
    if (node.kind !== 'composition') return { node, ...(name === undefined ? {} : { name }), wrapperNullable };
    const inner = unwrap(node);
    if (inner !== undefined) {
      wrapperNullable ||= inner.nullable;
      node = inner.node;
      continue;
    }
    return { node: mergeAllOf(node, side), ...(name === undefined ? {} : { name }), wrapperNullable };
  }
}

/** True for a schema that constrains nothing: no type, no assertion, only annotations. */
function annotatesOnly(node: SchemaNode): boolean {
  const { meta } = node;
  return (
    node.kind === 'unknown' &&
    !meta.nullable &&
    meta.constraints.length === 0 &&
    meta.assertions.length === 0 &&
    meta.unchecked.length === 0
  );
}

const isNullType = (node: SchemaNode) => node.kind === 'null' && node.meta.constraints.length === 0 && node.meta.assertions.length === 0;

/** The one member a composition stands for, or undefined when it says more than one member does. */
function unwrap(node: CompositionNode): { node: SchemaNode; nullable: boolean } | undefined {
  // Keywords of the composition's own would be lost with it.
  if (node.meta.constraints.length > 0 || node.meta.assertions.length > 0 || node.discriminator !== undefined) return undefined;
  let members = node.members;
  let nullable = node.meta.nullable;
  if (node.mode === 'allOf') members = members.filter((member) => !annotatesOnly(member));
  else if (members.length === 2 && members.some(isNullType)) {
    members = members.filter((member) => !isNullType(member));
    nullable = true;
  }
  if (members.length !== 1) return undefined;
  const [only] = members as [SchemaNode];
  return { node: only, nullable };
}

/** A member of an allOf, followed through references (not through cycles). */
function membersOf(node: CompositionNode, side: Side, seen: Set<string>): SchemaNode[] | undefined {
  const members: SchemaNode[] = [];
  for (const member of node.members) {
    let target = member;
    if (member.kind === 'ref') {
      if (seen.has(member.name)) return undefined;
      seen.add(member.name);
      const named = side.named.get(member.name);
      if (named === undefined) return undefined;
      target = named.schema;
    }
    if (target.kind === 'composition' && target.mode === 'allOf') {
      const nested = membersOf(target, side, seen);
      if (nested === undefined) return undefined;
      members.push(...nested);
    } else if (!annotatesOnly(target)) members.push(target);
  }
  return members;
}

/** The one node an allOf describes, or the allOf itself when its members do not merge (see readSchema). */
function mergeAllOf(node: CompositionNode, side: Side): SchemaNode {
  if (node.mode !== 'allOf') return node;
  const members = membersOf(node, side, new Set());
  if (members === undefined || members.length === 0) return node;
  const typed = members.filter((member) => member.kind !== 'unknown');
  if (typed.length > 0 && typed.every((member) => member.kind === 'object')) return mergeObjects(node, typed as ObjectNode[], members);
  if (typed.length === 1 && typed[0]!.kind !== 'composition') return mergeKeywords(node, typed[0]!, members);
  return node;
}

/** Every member's properties, required where any member requires them; the untyped members' keywords kept. */
function mergeObjects(node: CompositionNode, objects: ObjectNode[], members: SchemaNode[]): SchemaNode {
  const properties = new Map<string, PropertyNode>();
  for (const member of objects) {
    for (const property of member.properties) {
      const known = properties.get(property.name);
      properties.set(property.name, known === undefined ? property : { ...known, required: known.required || property.required });
    }
    for (const requiredName of member.extraRequired) {
      const known = properties.get(requiredName);
      if (known !== undefined) properties.set(requiredName, { ...known, required: true });
    }
  }
  const meta = mergedMeta(node.meta, members);
  if (meta === undefined) return node;
  return {
    kind: 'object',
    properties: [...properties.values()],
    additional: objects.some((member) => member.additional === false) ? false : undefined,
    extraRequired: [...new Set(objects.flatMap((member) => member.extraRequired))].filter((required) => !properties.has(required)),
    untyped: false,
    meta: { ...meta, nullable: node.meta.nullable || objects.every((member) => member.meta.nullable) },
  };
}

/** One typed member with untyped keyword sets beside it: the member, with their keywords. */
function mergeKeywords(node: CompositionNode, typed: SchemaNode, members: SchemaNode[]): SchemaNode {
  const meta = mergedMeta(typed.meta, members.filter((member) => member !== typed).concat(node));
  if (meta === undefined) return node;
  return { ...typed, meta: { ...meta, nullable: typed.meta.nullable } } as SchemaNode;
}

/**
 * The members' constraints and assertions together, with the first meta's annotations; undefined when
 * two members state the same constraint with other values (which holds is then a question of values, not
 * spelling).
 */
function mergedMeta(first: SchemaMeta, others: SchemaNode[]): SchemaMeta | undefined {
  const metas = [first, ...others.map((member) => member.meta).filter((meta) => meta !== first)];
  const constraints: Constraint[] = [];
  for (const constraint of metas.flatMap((meta) => meta.constraints)) {
    const same = constraints.find((known) => known.keyword === constraint.keyword);
    if (same === undefined) constraints.push(constraint);
    // 3.1 `{$ref, pattern}` states its siblings on the allOf it becomes and on its member alike.
    else if (!equal(same.value, constraint.value)) return undefined;
  }
  const formats = [...new Set(metas.map((meta) => meta.format).filter((format) => format !== undefined))];
  if (formats.length > 1) return undefined;
  return {
    ...first,
    constraints,
    assertions: metas.flatMap((meta) => meta.assertions),
    ...(formats[0] === undefined ? {} : { format: formats[0] }),
  };
}
