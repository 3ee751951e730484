/**
 * Keys whose values are data, not OpenAPI or JSON Schema structure: a `$ref` inside them is a
 * value of the user's, not a reference (Schema `example`/`default`/`enum`/`const`, Example `value`).
 */
const dataKeys = new Set(['example', 'examples', 'default', 'enum', 'const', 'value']);

/**
 * Maps whose keys are names chosen by the spec author, where a key such as `default` or `example`
 * is a name (a property called `default`), not a keyword.
 */
const namedMaps = new Set([
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'schemas',
  'responses',
  'parameters',
  'requestBodies',
  'headers',
  'securitySchemes',
  'links',
  'callbacks',
  'pathItems',
  'paths',
  'webhooks',
  'content',
  'encoding',
  'variables',
  'dependentSchemas',
]);

export interface RefSite {
  /** The object holding the `$ref` string. */
  holder: Record<string, unknown>;
  ref: string;
}

/** Every `$ref` string in a parsed file, in document order. */
export function collectRefSites(root: unknown): RefSite[] {
  const sites: RefSite[] = [];
  const seen = new Set<object>();
  const visit = (node: unknown, inNamedMap: boolean): void => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const item of node) visit(item, false);
      return;
    }
    const object = node as Record<string, unknown>;
    if (!inNamedMap && typeof object.$ref === 'string') sites.push({ holder: object, ref: object.$ref });
    for (const key of Object.keys(object)) {
      const value = object[key];
      if (inNamedMap) visit(value, false);
      else if (namedMaps.has(key) || isExamplesMap(key, value)) visit(value, true);
      else if (!key.startsWith('x-') && !dataKeys.has(key)) visit(value, false);
    }
  };
  visit(root, false);
  return sites;
}

/** Media-type `examples` is a map of Example Objects (which may be `$ref`s); schema `examples` is an array. */
function isExamplesMap(key: string, value: unknown): boolean {
  return key === 'examples' && value !== null && typeof value === 'object' && !Array.isArray(value);
}
