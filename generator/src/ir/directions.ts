import type { NameRegistry } from './names.js';
import type { NamedSchema } from './types.js';
import { forEachNode } from './visit.js';

/**
 * Marks the schemas whose request and response views differ (OpenAPI 3.1 §4.8.24.4: `readOnly`
 * properties are not sent, `writeOnly` ones are not returned), directly or through a reference,
 * and names their views. Each schema is walked once; the marks then spread from each marked schema to
 * the schemas that refer to it, so cycles are fine.
 */
export function assignVariants(schemas: NamedSchema[], names: NameRegistry): void {
  const directional = new Set<string>();
  const referrers = new Map<string, string[]>();
  for (const named of schemas) {
    forEachNode(named.schema, (node) => {
      if (node.kind === 'object' && node.properties.some((property) => property.access !== 'both')) directional.add(named.name);
      if (node.kind !== 'ref') return;
      const referring = referrers.get(node.name);
      if (referring === undefined) referrers.set(node.name, [named.name]);
      else referring.push(named.name);
    });
  }
  const pending = [...directional];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    for (const referrer of referrers.get(name) ?? []) {
      if (directional.has(referrer)) continue;
      directional.add(referrer);
      pending.push(referrer);
    }
  }
  for (const named of schemas) {
    if (directional.has(named.name)) {
      named.variants = { request: names.claim(`${named.name}Request`), response: names.claim(`${named.name}Response`) };
    }
  }
}
