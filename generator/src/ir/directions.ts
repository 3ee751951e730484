import type { NameRegistry } from './names.js';
import type { NamedSchema } from './types.js';
import { someNode } from './visit.js';

/**
 * Marks the schemas whose request and response views differ (OpenAPI 3.1 §4.8.24.4: `readOnly`
 * properties are not sent, `writeOnly` ones are not returned), directly or through a reference,
 * and names their views. A fixpoint over references, so cycles are fine.
 */
export function assignVariants(schemas: NamedSchema[], names: NameRegistry): void {
  const directional = new Set<string>();
  for (const named of schemas) {
    const own = someNode(named.schema, (node) => node.kind === 'object' && node.properties.some((property) => property.access !== 'both'));
    if (own) directional.add(named.name);
  }
  for (let changed = true; changed;) {
    changed = false;
    for (const named of schemas) {
      if (directional.has(named.name)) continue;
      if (someNode(named.schema, (node) => node.kind === 'ref' && directional.has(node.name))) {
        directional.add(named.name);
        changed = true;
      }
    }
  }
  for (const named of schemas) {
    if (directional.has(named.name)) {
      named.variants = { request: names.claim(`${named.name}Request`), response: names.claim(`${named.name}Response`) };
    }
  }
}
