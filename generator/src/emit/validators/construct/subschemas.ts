// The applicators of JSON Schema 2020-12 (§10.2-10.3): the keywords whose values are schemas applied to
// the instance or its parts. Kept apart from coverage.ts, which also reads the keyword families, so that
// what walks the schemas (shapes.ts) does not reach back into the families that compile them.
const single = ['additionalProperties', 'propertyNames', 'items', 'contains', 'not', 'if', 'then', 'else'];
const lists = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const maps = ['properties', 'patternProperties', 'dependentSchemas'];

/** The schemas directly inside a schema object that its checks apply, with their tokens. */
export function subschemasOf(node: Record<string, unknown>): { schema: unknown; tokens: string[] }[] {
  const found: { schema: unknown; tokens: string[] }[] = [];
  for (const key of single) if (key in node) found.push({ schema: node[key], tokens: [key] });
  for (const key of lists)
    if (Array.isArray(node[key]))
      (node[key] as unknown[]).forEach((item, index) => found.push({ schema: item, tokens: [key, String(index)] }));
  for (const key of maps) {
    const map = node[key];
    if (map !== null && typeof map === 'object')
      for (const [name, item] of Object.entries(map as Record<string, unknown>)) found.push({ schema: item, tokens: [key, name] });
  }
  return found;
}

/** Keywords that assert nothing (core §8, validation §9, meta-data, content): read by no check. */
export const annotationKeywords: ReadonlySet<string> = new Set([
  '$schema',
  '$comment',
  '$defs',
  'definitions',
  '$anchor',
  '$dynamicAnchor',
  'title',
  'description',
  'default',
  'examples',
  'deprecated',
  'readOnly',
  'writeOnly',
  'contentEncoding',
  'contentMediaType',
  'contentSchema',
]);
