import type { FactValue, PageFact } from './facts.js';
import type { SpecNode, SpecView } from './spec-view.js';

type Json = Record<string, unknown>;

/** Whether the spec states a fact at the node the page's field leads to; a reason when it does not. */
export function compareFact(fact: PageFact, node: SpecNode, view: SpecView): string | undefined {
  const target = fact.items === true ? view.itemsOf(node) : node;
  if (target === undefined) return 'the page describes array items; the spec has no items schema here';
  const { closure } = target;
  switch (fact.kind) {
    case 'required':
      return target.required ? undefined : 'the page marks it required; the spec does not';
    case 'deprecated':
      return closure.some((schema) => schema.deprecated === true) ? undefined : 'the page marks it deprecated; the spec does not';
    case 'type':
      return expectOneOf(
        fact.value,
        closure.flatMap((schema) => typesOf(schema)),
        'type',
      );
    case 'enum':
      return compareEnum(fact.value as string[], enumOf(closure, view));
    case 'default':
      return expectOneOf(
        String(fact.value),
        closure.filter((schema) => 'default' in schema).map((schema) => String(schema.default)),
        'default',
      );
    default:
      return expectOneOf(
        fact.value,
        closure.filter((schema) => fact.kind in schema).map((schema) => schema[fact.kind] as FactValue),
        fact.kind,
      );
  }
}

function typesOf(schema: Json): string[] {
  if (typeof schema.type === 'string') return [schema.type];
  return Array.isArray(schema.type) ? schema.type.map(String) : [];
}

function expectOneOf(expected: FactValue, found: FactValue[], keyword: string): string | undefined {
  if (found.some((value) => value === expected)) return undefined;
  const shown = JSON.stringify(expected);
  if (found.length === 0) return `the page says ${keyword} ${shown}; the spec states no ${keyword}`;
  return `the page says ${keyword} ${shown}; the spec says ${found.map((value) => JSON.stringify(value)).join(', ')}`;
}

/**
 * The values a node allows: its own `enum` (or `const`), else the union over `anyOf`/`oneOf` members
 * when every member is an enumeration. Undefined when the spec does not enumerate.
 */
function enumOf(closure: Json[], view: SpecView): string[] | undefined {
  const own = closure.find((schema) => Array.isArray(schema.enum) || 'const' in schema);
  if (own !== undefined) return Array.isArray(own.enum) ? own.enum.map(String) : [String(own.const)];
  const union = closure.find((schema) => Array.isArray(schema.anyOf) || Array.isArray(schema.oneOf));
  if (union === undefined) return undefined;
  const members = (union.anyOf ?? union.oneOf) as unknown[];
  const lists = members.map((member) => enumOf(view.closure(member), view));
  return lists.every((list) => list !== undefined) ? lists.flat() : undefined;
}

function compareEnum(page: string[], spec: string[] | undefined): string | undefined {
  if (spec === undefined) return `the page lists ${page.length} values; the spec does not enumerate`;
  const specSet = new Set(spec);
  const pageSet = new Set(page);
  const missing = page.filter((value) => !specSet.has(value));
  const extra = spec.filter((value) => !pageSet.has(value));
  if (missing.length === 0 && extra.length === 0) return undefined;
  const parts = [];
  if (missing.length > 0) parts.push(`missing from the spec: ${missing.join(', ')}`);
  if (extra.length > 0) parts.push(`in the spec but not on the page: ${extra.join(', ')}`);
  return `enum differs (page ${page.length} values, spec ${spec.length}): ${parts.join('; ')}`;
}
