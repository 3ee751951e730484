import type { ObjectNode, PropertyNode, SchemaNode } from '../ir/types.js';
import { follow, type Side } from './compare-context.js';

/**
 * An `allOf` whose members are all objects (directly, through references or nested allOfs) read as the one
 * object it describes: every member's properties, required where any member requires them. Specs move
 * between `$ref: X` and `allOf: [$ref: X, {extra properties}]` as they grow (GitHub's does); compared as
 * written, that is a type change, though what changed is a property added. Anything else is left as it is.
 */
export function flattenAllOf(node: SchemaNode, side: Side): SchemaNode {
  if (node.kind !== 'composition' || node.mode !== 'allOf') return node;
  const members = objectMembers(node, side, new Set());
  if (members === undefined) return node;
  const properties = new Map<string, PropertyNode>();
  for (const member of members) {
    for (const property of member.properties) {
      const known = properties.get(property.name);
      properties.set(property.name, known === undefined ? property : { ...known, required: known.required || property.required });
    }
    for (const name of member.extraRequired) {
      const known = properties.get(name);
      if (known !== undefined) properties.set(name, { ...known, required: true });
    }
  }
  const flat: ObjectNode = {
    kind: 'object',
    properties: [...properties.values()],
    additional: members.some((member) => member.additional === false) ? false : undefined,
    extraRequired: [...new Set(members.flatMap((member) => member.extraRequired))].filter((name) => !properties.has(name)),
    untyped: false,
    meta: { ...node.meta, nullable: node.meta.nullable || members.every((member) => member.meta.nullable) },
  };
  return flat;
}

/** The object nodes an allOf's members stand for, or undefined when some member is not an object. */
function objectMembers(node: SchemaNode, side: Side, seen: Set<string>): ObjectNode[] | undefined {
  const objects: ObjectNode[] = [];
  for (const member of node.kind === 'composition' ? node.members : []) {
    if (member.kind === 'ref') {
      if (seen.has(member.name)) return undefined;
      seen.add(member.name);
    }
    const target = follow(member, side)?.node;
    if (target?.kind === 'object') objects.push(target);
    else if (target?.kind === 'composition' && target.mode === 'allOf') {
      const nested = objectMembers(target, side, seen);
      if (nested === undefined) return undefined;
      objects.push(...nested);
    } else return undefined;
  }
  return objects;
}
