import type { ApiModel, NamedSchema, SchemaNode } from '../ir/types.js';
import type { ChangeSink, Place } from './change-log.js';
import type { Direction, SchemaCheck } from '../shared/change-catalog.js';

/** One version of the spec, with its component schemas by TypeScript name (the name `ref` nodes carry). */
export interface Side {
  model: ApiModel;
  named: ReadonlyMap<string, NamedSchema>;
}

export function sideOf(model: ApiModel): Side {
  return { model, named: new Map(model.schemas.map((schema) => [schema.name, schema])) };
}

/** What a schema comparison needs: both versions, the direction it is read in, and where changes go. */
export interface SchemaContext {
  direction: Direction;
  old: Side;
  new: Side;
  log: ChangeSink;
  operation?: string;
  /** Pairs of named schemas already compared in this direction (cycles, and schemas shared by many operations). */
  visited: Set<string>;
}

/** Both places of a node pair, the parents' when a node has no origin of its own. */
export interface PlacePair {
  old: Place;
  new: Place;
}

export function report(
  context: SchemaContext,
  { check, message, old, new: next }: { check: SchemaCheck; message: string; old?: Place; new?: Place },
): void {
  context.log.add({
    id: `${context.direction}-${check}`,
    message,
    ...(context.operation === undefined ? {} : { operation: context.operation }),
    ...(old === undefined ? {} : { old }),
    ...(next === undefined ? {} : { new: next }),
  });
}

/** A `ref` node's target (the named schema) or the node itself; undefined for a reference to nothing. */
export function follow(node: SchemaNode, side: Side): { node: SchemaNode; name?: string } | undefined {
  if (node.kind !== 'ref') return { node };
  const named = side.named.get(node.name);
  return named === undefined ? undefined : { node: named.schema, name: named.specName };
}
