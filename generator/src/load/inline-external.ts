import type { OriginIndex } from './origins.js';
import type { Resolver } from './resolver.js';

/**
 * A view of the root document in which every `$ref` into another file is replaced by its target, so that
 * checking the view against the OpenAPI schema checks each fragment in the place it is used (a
 * parameter as a Parameter, a response as a Response). Targets are the parsed objects themselves and
 * copies are aliased to their originals, so every position still names the file a node was written in.
 * Only the spine above a replaced reference is copied; a fragment already being expanded on the current
 * path stays a `$ref` (references may be circular).
 */
export function inlineExternalRefs({
  document,
  refHolders,
  resolver,
  origins,
}: {
  document: unknown;
  /** The objects whose `$ref` is a reference (not data inside an example). */
  refHolders: ReadonlySet<object>;
  resolver: Resolver;
  origins: OriginIndex;
}): unknown {
  const expanding = new Set<object>();
  // A YAML alias may contain itself; such a node is left as it is where it recurs.
  const ancestors = new Set<object>();
  const expand = (node: unknown): unknown => {
    if (node === null || typeof node !== 'object' || ancestors.has(node)) return node;
    const target = refHolders.has(node) ? externalTarget(node as Record<string, unknown>, resolver) : undefined;
    if (target !== undefined) {
      if (expanding.has(target)) return node;
      expanding.add(target);
      const expanded = expand(target);
      expanding.delete(target);
      return expanded;
    }
    ancestors.add(node);
    const expanded = expandChildren(node, expand, origins);
    ancestors.delete(node);
    return expanded;
  };
  return expand(document);
}

function externalTarget(holder: Record<string, unknown>, resolver: Resolver): object | undefined {
  const resolved = resolver.resolveOnce(holder);
  if (resolved === undefined || resolved.value === null || typeof resolved.value !== 'object') return undefined;
  return resolved.target.absolutePath === resolver.fileOf(holder) ? undefined : resolved.value;
}

/** The node itself when no child changed; else a shallow copy with the expanded children. */
function expandChildren(node: object, expand: (child: unknown) => unknown, origins: OriginIndex): unknown {
  if (Array.isArray(node)) {
    const items = node.map(expand);
    if (items.every((item, index) => item === node[index])) return node;
    origins.alias(items, node);
    return items;
  }
  const entries = Object.entries(node);
  const expanded = entries.map(([key, value]) => [key, expand(value)] as const);
  if (expanded.every(([, value], index) => value === entries[index]?.[1])) return node;
  const copy = Object.fromEntries(expanded);
  origins.alias(copy, node);
  return copy;
}

/**
 * A view without cycles, for the OpenAPI-schema check (a validator walking a YAML alias that contains
 * itself would never stop): where a node recurs inside itself, the view holds an empty object, which any
 * Schema Object position accepts. Copies keep their originals' positions; JSON input has no cycles and
 * is returned as it is.
 */
export function withoutCycles(document: unknown, origins: OriginIndex): unknown {
  const ancestors = new Set<object>();
  const copy = (node: unknown): unknown => {
    if (node === null || typeof node !== 'object') return node;
    if (ancestors.has(node)) return {};
    ancestors.add(node);
    const copied = Array.isArray(node)
      ? node.map(copy)
      : Object.fromEntries(Object.entries(node).map(([key, value]) => [key, copy(value)]));
    ancestors.delete(node);
    origins.alias(copied, node);
    return copied;
  };
  return copy(document);
}
