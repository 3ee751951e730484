import type { Ajv2020 } from 'ajv/dist/2020.js';
import { withEnumSet } from './enum-set.js';
import type { JsonSchema } from './lower-schema.js';
import { mapSchemas } from './schema-walk.js';

/** The prefix of the ids named schemas are added to AJV under (create-ajv.ts's `standaloneIds`). */
export const idPrefix = 'specsmith:validators/';
const localRef = '#/$defs/';

/** The id each named schema is added to AJV under, which entries compile from and `$ref`s point to. */
export function defId(def: string): string {
  return `${idPrefix}${encodeURIComponent(def)}`;
}

/**
 * A named schema as it is added to AJV: a schema of its own, with its `#/$defs/X` references turned
 * into X's id (an entry and every reference to it then share one compiled function; under one root
 * with fragment references, AJV compiled a schema once as an entry and again as a reference target)
 * and its long enums turned into set lookups.
 */
function addedSchema(name: string, schema: JsonSchema): Record<string, unknown> {
  // A boolean schema cannot carry an id; `allOf` keeps its meaning (and its `false schema` error).
  const body = typeof schema === 'boolean' ? { allOf: [schema] } : mapSchemas(schema, (node) => withEnumSet(withIdRef(node)));
  return { ...(body as Record<string, unknown>), $id: defId(name) };
}

/** Adds named schemas to AJV (addedSchema), returning the named schema of each added object. */
export function addValidatorSchemas(ajv: Ajv2020, defs: Iterable<[name: string, schema: JsonSchema]>): Map<unknown, string> {
  const defOfSchema = new Map<unknown, string>();
  for (const [name, schema] of defs) {
    const added = addedSchema(name, schema);
    ajv.addSchema(added);
    defOfSchema.set(added, name);
  }
  return defOfSchema;
}

/** A schema object whose `$ref` names the target's id instead of a `#/$defs/` fragment. */
function withIdRef(node: Record<string, unknown>): Record<string, unknown> {
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;
  if (!ref.startsWith(localRef) || ref.slice(localRef.length).includes('/'))
    throw new Error(`validator schemas refer to named schemas only, not ${ref}`);
  return { ...node, $ref: defId(decodeURIComponent(ref.slice(localRef.length))) };
}

/** Every `#/$defs/X` a lowered schema references, read from anywhere in it (a reference in data only adds a table). */
export function refsIn(schema: unknown): string[] {
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const ref = (node as Record<string, unknown>).$ref;
    if (typeof ref === 'string' && ref.startsWith(localRef)) found.push(decodeURIComponent(ref.slice(localRef.length)));
    Object.values(node).forEach(visit);
  };
  visit(schema);
  return found;
}

/** The named schemas a validator can reach from its own, itself first, through `#/$defs/` references (breadth-first). */
export function reachableDefs(defs: Readonly<Record<string, JsonSchema>>, start: string): string[] {
  return reachability(defs)(start);
}

/** reachableDefs for many starts: each schema's references are read once, at the first start that reaches it. */
export function reachability(defs: Readonly<Record<string, JsonSchema>>): (start: string) => string[] {
  const refs = new Map<string, string[]>();
  const refsOf = (def: string) => {
    let found = refs.get(def);
    if (found === undefined) refs.set(def, (found = refsIn(defs[def])));
    return found;
  };
  return (start) => {
    const seen = new Set([start]);
    const queue = [start];
    for (let index = 0; index < queue.length; index++) {
      for (const target of refsOf(queue[index]!)) {
        if (seen.has(target) || !(target in defs)) continue;
        seen.add(target);
        queue.push(target);
      }
    }
    return queue;
  };
}
