import equal from 'fast-deep-equal';
import { createMeta } from '../ir/parse-meta.js';
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
  // What a reference says beside itself (a default, deprecated, lifecycle): kept on what it leads to.
  let carried: Pick<SchemaMeta, 'deprecated' | 'extensions' | 'default'> = { deprecated: false, extensions: [] };
  const seen = new Set<string>();
  const carries = () => carried.deprecated || carried.default !== undefined || carried.extensions.length > 0;
  const done = (result: SchemaNode): SchemaReading => ({
    node: carries() ? ({ ...result, meta: withCarried(result.meta, carried) } as SchemaNode) : result,
    ...(name === undefined ? {} : { name }),
    wrapperNullable,
  });
  for (;;) {
    if (node.kind === 'ref') {
      const named = side.named.get(node.name);
      if (named === undefined || seen.has(node.name)) return undefined;
      seen.add(node.name);
      wrapperNullable ||= node.meta.nullable;
      // Most references say nothing beside themselves: nothing to carry, nothing allocated.
      if (node.meta.deprecated || node.meta.default !== undefined || node.meta.extensions.some(([key]) => readExtensions.has(key)))
        carried = withCarried(node.meta, carried);
      name = named.specName;
      node = named.schema;
      continue;
    }
    if (node.kind !== 'composition') return done(node);
    const inner = unwrap(node);
    if (inner !== undefined) {
      wrapperNullable ||= inner.nullable;
      node = inner.node;
      continue;
    }
    return done(mergeAllOf(node, side));
  }
}

/** `meta` with what an outer node carries: its default when `meta` has none, deprecated from either, both's extensions. */
function withCarried<T extends Pick<SchemaMeta, 'deprecated' | 'extensions' | 'default'>>(
  meta: T,
  carried: Pick<SchemaMeta, 'deprecated' | 'extensions' | 'default'>,
): T {
  return {
    ...meta,
    deprecated: meta.deprecated || carried.deprecated,
    extensions: [...carried.extensions.filter(([key]) => readExtensions.has(key)), ...meta.extensions],
    ...(meta.default === undefined && carried.default !== undefined ? { default: carried.default } : {}),
  };
}

/** The `x-*` fields the diff reads (lifecycle.ts): a node that states one says something to compare. */
const readExtensions = new Set(['x-sunset', 'x-stability-level']);

/**
 * True for a schema that says nothing the diff compares: no type, no assertion, no format, no default,
 * not deprecated, no lifecycle extension; only title, description and examples.
 */
function annotatesOnly(node: SchemaNode): boolean {
  return node.kind === 'unknown' && saysNothing(node.meta);
}

function saysNothing(meta: SchemaMeta): boolean {
  return (
    !meta.nullable &&
    !meta.deprecated &&
    meta.default === undefined &&
    meta.format === undefined &&
    meta.contentSchema === undefined &&
    meta.constraints.length === 0 &&
    meta.assertions.length === 0 &&
    meta.unchecked.length === 0 &&
    !meta.extensions.some(([name]) => readExtensions.has(name))
  );
}

const isNullType = (node: SchemaNode) => node.kind === 'null' && node.meta.constraints.length === 0 && node.meta.assertions.length === 0;

/** The one member a composition stands for, or undefined when it says more than one member does. */
function unwrap(node: CompositionNode): { node: SchemaNode; nullable: boolean } | undefined {
  // What the composition says of its own (keywords, a default, deprecated, lifecycle) would be lost with it.
  if (!saysNothing({ ...node.meta, nullable: false }) || node.discriminator !== undefined) return undefined;
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
  for (const member of objects)
    for (const property of member.properties) {
      const known = properties.get(property.name);
      // Two members that describe one property: it must meet both schemas.
      const schema: SchemaNode =
        known === undefined
          ? property.schema
          : { kind: 'composition', mode: 'allOf', members: [known.schema, property.schema], meta: createMeta() };
      properties.set(property.name, { ...(known ?? property), schema, required: (known?.required ?? false) || property.required });
    }
  // `required` names apply whichever member declares the property, before or after.
  const requiredNames = new Set(objects.flatMap((member) => member.extraRequired));
  for (const name of requiredNames) {
    const known = properties.get(name);
    if (known !== undefined) properties.set(name, { ...known, required: true });
  }
  const meta = mergedMeta(node.meta, members);
  if (meta === undefined) return node;
  const schemas = objects
    .map((member) => member.additional)
    .filter((additional): additional is SchemaNode => typeof additional === 'object');
  const additional: ObjectNode['additional'] = objects.some((member) => member.additional === false)
    ? false
    : schemas.length === 0
      ? undefined
      : schemas.length === 1
        ? schemas[0]
        : { kind: 'composition', mode: 'allOf', members: schemas, meta: createMeta() };
  return {
    kind: 'object',
    properties: [...properties.values()],
    additional,
    extraRequired: [...requiredNames].filter((required) => !properties.has(required)),
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
    const index = constraints.findIndex((known) => known.keyword === constraint.keyword);
    const same = constraints[index];
    if (same === undefined) constraints.push(constraint);
    // 3.1 `{$ref, pattern}` states its siblings on the allOf it becomes and on its member alike.
    else if (equal(same.value, constraint.value)) continue;
    else {
      // Two limits of one kind: the tighter holds (both must). Anything else cannot be told apart from values.
      const tighter = tighterOf(constraint.keyword, same.value, constraint.value);
      if (tighter === undefined) return undefined;
      constraints[index] = { keyword: constraint.keyword, value: tighter };
    }
  }
  const formats = [...new Set(metas.map((meta) => meta.format).filter((format) => format !== undefined))];
  if (formats.length > 1) return undefined;
  const defaults = metas.filter((meta) => meta.default !== undefined);
  return {
    ...first,
    constraints,
    assertions: metas.flatMap((meta) => meta.assertions),
    deprecated: metas.some((meta) => meta.deprecated),
    extensions: metas.flatMap((meta) => meta.extensions),
    ...(defaults[0] === undefined ? {} : { default: defaults[0].default }),
    ...(formats[0] === undefined ? {} : { format: formats[0] }),
  };
}

const upperLimits = new Set(['maxLength', 'maxItems', 'maxProperties', 'maxContains', 'maximum', 'exclusiveMaximum']);
const lowerLimits = new Set(['minLength', 'minItems', 'minProperties', 'minContains', 'minimum', 'exclusiveMinimum']);

/** The tighter of two numeric limits of one keyword, or undefined for any other keyword. */
function tighterOf(keyword: string, a: unknown, b: unknown): number | undefined {
  if (typeof a !== 'number' || typeof b !== 'number') return undefined;
  if (upperLimits.has(keyword)) return Math.min(a, b);
  if (lowerLimits.has(keyword)) return Math.max(a, b);
  return undefined;
}
