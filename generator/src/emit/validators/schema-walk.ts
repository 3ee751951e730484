import type { JsonSchema } from './lower-schema.js';

/**
 * The keywords of a lowered schema whose value is a schema, a list of schemas or a map of schemas
 * (JSON Schema 2020-12 §10): the only places a schema sits inside another. Everything else is data
 * (`enum`, `const`, `default`, property names), however it is spelled.
 */
const single = ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames'];
const lists = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const maps = ['properties'];

/** The schemas directly inside a schema object, each with the tokens of its path from it (unescaped). */
export function subschemas(node: Record<string, unknown>): { schema: unknown; tokens: string[] }[] {
  const found: { schema: unknown; tokens: string[] }[] = [];
  for (const key of single) if (key in node) found.push({ schema: node[key], tokens: [key] });
  for (const key of lists) {
    const list = node[key];
    if (Array.isArray(list)) list.forEach((item, index) => found.push({ schema: item, tokens: [key, String(index)] }));
  }
  for (const key of maps) {
    const map = node[key];
    if (map !== null && typeof map === 'object')
      for (const [name, item] of Object.entries(map)) found.push({ schema: item, tokens: [key, name] });
  }
  return found;
}

/** A copy of a schema with `change` applied to every schema object in it (its subschemas already changed). */
export function mapSchemas(schema: JsonSchema, change: (node: Record<string, unknown>) => Record<string, unknown>): JsonSchema {
  if (typeof schema !== 'object') return schema;
  const copy: Record<string, unknown> = { ...schema };
  for (const key of single) if (key in copy) copy[key] = mapSchemas(copy[key] as JsonSchema, change);
  for (const key of lists) if (Array.isArray(copy[key])) copy[key] = (copy[key] as JsonSchema[]).map((item) => mapSchemas(item, change));
  for (const key of maps) {
    const map = copy[key];
    if (map !== null && typeof map === 'object')
      copy[key] = Object.fromEntries(Object.entries(map).map(([name, item]) => [name, mapSchemas(item as JsonSchema, change)]));
  }
  return change(copy);
}
