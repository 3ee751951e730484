import type { SchemaMeta, SourceRef } from '../../ir/types.js';
import type { JsonSchema } from './lower-schema.js';

/** Keywords whose value is a schema, a list of schemas or a map of schemas (JSON Schema 2020-12 §10). */
const single = ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames'];
const lists = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const maps = ['properties'];

/** AJV's escaping of a schema path segment (`compile/util.ts` escapeFragment): JSON pointer, then URI. */
const segment = (name: string) => encodeURIComponent(name.replace(/~/g, '~0').replace(/\//g, '~1'));

/**
 * Where the rules of each lowered schema object are written in the spec, by the schema path AJV reports
 * in its errors: `specs/paysafe/openapi.yaml:978, from seed 004`. An `x-inferred` note is not repeated:
 * it is written per schema object, not per rule, and the JSDoc of the type shows it.
 */
export function ruleOrigins({
  defs,
  metaOf,
  keyOf,
}: {
  defs: [string, JsonSchema][];
  metaOf: WeakMap<object, SchemaMeta>;
  keyOf: WeakMap<object, SourceRef>;
}): Record<string, string> {
  const origins: [string, string][] = [];
  const visit = (schema: unknown, path: string): void => {
    if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return;
    const meta = metaOf.get(schema);
    const text = meta === undefined ? undefined : describe(meta, keyOf.get(schema));
    if (text !== undefined) origins.push([path, text]);
    const node = schema as Record<string, unknown>;
    for (const key of single) visit(node[key], `${path}/${key}`);
    for (const key of lists)
      if (Array.isArray(node[key])) (node[key] as unknown[]).forEach((item, index) => visit(item, `${path}/${key}/${index}`));
    for (const key of maps) {
      const map = node[key];
      if (map !== null && typeof map === 'object')
        for (const [name, item] of Object.entries(map)) visit(item, `${path}/${key}/${segment(name)}`);
    }
  };
  for (const [name, schema] of defs) visit(schema, `#/$defs/${segment(name)}`);
  return Object.fromEntries(origins);
}

/** `file:line` of the property name when the schema is a property's (as JSDoc shows it), else of the schema. */
function describe(meta: SchemaMeta, key: SourceRef | undefined): string | undefined {
  const origin = key ?? meta.origin;
  if (origin === undefined) return undefined;
  const source = meta.extensions.find(([name]) => name === 'x-source')?.[1];
  const parts = [`${origin.file}:${origin.line}`];
  if (typeof source === 'string') parts.push(`from ${source}`);
  return parts.join(', ');
}
