import type { ApiModel, NamedSchema } from '../ir/types.js';
import type { ChangeInput, ChangeSink, Place, Scope } from './change-log.js';
import type { Direction, SchemaCheck } from '../shared/change-catalog.js';

/** One version of the spec, with its component schemas by TypeScript name (the name `ref` nodes carry). */
export interface Side {
  model: ApiModel;
  named: ReadonlyMap<string, NamedSchema>;
}

export function sideOf(model: ApiModel): Side {
  return { model, named: new Map(model.schemas.map((schema) => [schema.name, schema])) };
}

/** What a schema comparison needs: both versions, the direction it is read in, where it is, and where changes go. */
export interface SchemaContext {
  direction: Direction;
  old: Side;
  new: Side;
  log: ChangeSink;
  operation?: string;
  /** The payload path of the node compared (`body.address`, `response 200 body.items[]`). */
  location?: string;
  /** The innermost component schema and the path inside it (`Address.lines[]`). */
  schema?: string;
  /** Pairs of named schemas already compared in this direction (cycles, and schemas shared by many operations). */
  visited: Set<string>;
}

/** Both places of a node pair, the parents' when a node has no origin of its own. */
export interface PlacePair {
  old: Place;
  new: Place;
}

/** The context one step down the payload: `.name` for a property, `[]` for array items, `.*` for additionalProperties. */
export function descend(context: SchemaContext, step: string): SchemaContext {
  return {
    ...context,
    ...(context.location === undefined ? {} : { location: `${context.location}${step}` }),
    ...(context.schema === undefined ? {} : { schema: `${context.schema}${step}` }),
  };
}

export const propertyStep = (name: string) => (/^[A-Za-z_$][\w$-]*$/.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`);

export function scopeOf(context: SchemaContext): Scope {
  return {
    direction: context.direction,
    ...(context.operation === undefined ? {} : { operation: context.operation }),
    ...(context.location === undefined ? {} : { location: context.location }),
    ...(context.schema === undefined ? {} : { schema: context.schema }),
  };
}

export function report(
  context: SchemaContext,
  {
    check,
    message,
    old,
    new: next,
    keyword,
    values,
  }: { check: SchemaCheck; message: string; old?: Place; new?: Place; keyword?: string; values?: ChangeInput['values'] },
): void {
  context.log.add({
    id: `${context.direction}-${check}`,
    message,
    ...scopeOf(context),
    ...(keyword === undefined ? {} : { keyword }),
    ...(values === undefined ? {} : { values }),
    ...(old === undefined ? {} : { old }),
    ...(next === undefined ? {} : { new: next }),
  });
}

/** `{ old, new }` with only the sides that have a value. */
export function valuePair(old: unknown, next: unknown): ChangeInput['values'] {
  return { ...(old === undefined ? {} : { old }), ...(next === undefined ? {} : { new: next }) };
}
