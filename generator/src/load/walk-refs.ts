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

/** What one walk over a parsed file finds: every `$ref` string and every object with an `x-source`, in document order. */
export function scanStructure(root: unknown): { sites: RefSite[]; sourceHolders: Record<string, unknown>[] } {
  const sites: RefSite[] = [];
  const sourceHolders: Record<string, unknown>[] = [];
  forEachStructuralObject(root, (object) => {
    if (typeof object.$ref === 'string') sites.push({ holder: object, ref: object.$ref });
    if ('x-source' in object) sourceHolders.push(object);
  });
  return { sites, sourceHolders };
}

/**
 * Calls `visit` for every object of a document that is OpenAPI or JSON Schema structure, in document
 * order, once each: not the values of named maps themselves (a `properties` map), nor data (examples,
 * defaults, enums) or `x-` extensions.
 */
export function forEachStructuralObject(root: unknown, visit: (object: Record<string, unknown>) => void): void {
  const seen = new Set<object>();
  const walk = (node: unknown, inNamedMap: boolean): void => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const item of node) walk(item, false);
      return;
    }
    const object = node as Record<string, unknown>;
    if (!inNamedMap) visit(object);
    for (const key of Object.keys(object)) {
      const value = object[key];
      if (inNamedMap) walk(value, false);
      else if (namedMaps.has(key) || isExamplesMap(key, value)) walk(value, true);
      else if (!key.startsWith('x-') && !dataKeys.has(key)) walk(value, false);
    }
  };
  walk(root, false);
}

/** Media-type `examples` is a map of Example Objects (which may be `$ref`s); schema `examples` is an array. */
function isExamplesMap(key: string, value: unknown): boolean {
  return key === 'examples' && value !== null && typeof value === 'object' && !Array.isArray(value);
}
