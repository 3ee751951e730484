import type { JsonSchema } from './lower-schema.js';

const localRef = '#/$defs/';

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
