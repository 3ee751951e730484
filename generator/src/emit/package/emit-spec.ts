import type { ApiModel } from '../../ir/types.js';
import type { FormatPolicy } from './format.js';

/**
 * The spec the package was generated from, as one JSON document (`openapi.json`): the `@spec` pointers in
 * the declarations and validator messages resolve inside it, and tools (a mock server, a docs viewer) can
 * read it from `node_modules`. A spec that is one JSON file ships as written; a bundle is indented for
 * reading unless it is larger than the format limit.
 */
export function emitShippedSpec(model: ApiModel, policy: FormatPolicy): string {
  const { text } = model.shipped;
  if (text !== undefined) return text.endsWith('\n') ? text : `${text}\n`;
  const compact = JSON.stringify(model.shipped.document);
  return `${compact.length > policy.limit ? compact : JSON.stringify(model.shipped.document, null, 2)}\n`;
}
