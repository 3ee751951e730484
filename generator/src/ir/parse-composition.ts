import { isRef } from '../load/resolver.js';
import type { ParseContext } from './context.js';
import { createMeta } from './parse-meta.js';
import { parseSchema } from './parse-schema.js';
import type { CompositionNode, Discriminator, SchemaMeta, SchemaNode } from './types.js';

type Json = Record<string, unknown>;

/**
 * Folds `allOf`/`oneOf`/`anyOf` and the schema's own keywords into one node: the schema's own part
 * and each `allOf` member are intersected; a `oneOf` or `anyOf` becomes a union member of that.
 */
export function parseComposition({
  schema,
  base,
  meta,
  context,
}: {
  schema: Json;
  base: SchemaNode;
  meta: SchemaMeta;
  context: ParseContext;
}): SchemaNode {
  const parts: SchemaNode[] = [];
  if (!(base.kind === 'unknown')) parts.push(base);
  if (Array.isArray(schema.allOf)) parts.push(...schema.allOf.map((member) => parseSchema(member, context)));
  for (const mode of ['oneOf', 'anyOf'] as const) {
    const members = schema[mode];
    if (!Array.isArray(members)) continue;
    const union: CompositionNode = {
      kind: 'composition',
      mode,
      members: members.map((member) => parseSchema(member, context)),
      meta: createMeta(),
    };
    const discriminator = parseDiscriminator({ schema, rawMembers: members, union, context });
    if (discriminator !== undefined) union.discriminator = discriminator;
    parts.push(union);
  }
  if (parts.length === 0) return base;
  const [only] = parts;
  if (parts.length === 1 && only !== undefined && only !== base) return { ...only, meta: mergeMeta(meta, only.meta) } as SchemaNode;
  if (parts.length === 1 && only !== undefined) return only;
  return { kind: 'composition', mode: 'allOf', members: parts, meta };
}

/** The outer schema's annotations win; a folded member keeps its own discriminator and members. */
function mergeMeta(outer: SchemaMeta, inner: SchemaMeta): SchemaMeta {
  return {
    ...inner,
    ...outer,
    nullable: outer.nullable || inner.nullable,
    constraints: [...inner.constraints, ...outer.constraints],
    assertions: [...inner.assertions, ...outer.assertions],
  };
}

/**
 * Tag values for each member (OpenAPI 3.1 §4.8.25): from `mapping` where given, otherwise the
 * component name of each referenced member.
 */
function parseDiscriminator({
  schema,
  rawMembers,
  union,
  context,
}: {
  schema: Json;
  rawMembers: unknown[];
  union: CompositionNode;
  context: ParseContext;
}): Discriminator | undefined {
  const raw = schema.discriminator as Json | undefined;
  if (raw === null || typeof raw !== 'object' || typeof raw.propertyName !== 'string') return undefined;
  const mapping = raw.mapping !== null && typeof raw.mapping === 'object' ? (raw.mapping as Record<string, unknown>) : {};
  const tags = union.members.map((member, index) => {
    const values: string[] = [];
    for (const [value, target] of Object.entries(mapping)) {
      if (member.kind === 'ref' && typeof target === 'string' && mappingNames(target, rawMembers[index], context) === member.name)
        values.push(value);
    }
    if (values.length === 0 && member.kind === 'ref' && isRef(rawMembers[index]))
      values.push(context.specNames.get(member.name) ?? member.name);
    return { member: index, values };
  });
  return { propertyName: raw.propertyName, tags: tags.filter((tag) => tag.values.length > 0) };
}

/** A mapping value is a `$ref` or a bare component name; either way, the type name it denotes. */
function mappingNames(target: string, rawMember: unknown, context: ParseContext): string | undefined {
  if (!isRef(rawMember)) return undefined;
  const reference = target.includes('#') || target.includes('/') ? target : `#/components/schemas/${target}`;
  const resolved = context.resolver.resolveFrom(reference, rawMember);
  return resolved === undefined ? undefined : context.nameForTarget(resolved.target, resolved.value);
}
