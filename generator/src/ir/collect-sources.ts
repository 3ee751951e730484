import { forEachStructuralObject } from '../load/walk-refs.js';
import { parseProvenance, sourceUrl } from './parse-provenance.js';

/** Every distinct page the document's `x-source`s name (the address, without the note), in document order. */
export function collectSources(document: unknown): string[] {
  const pages = new Set<string>();
  forEachStructuralObject(document, (object) => {
    if (!('x-source' in object)) return;
    for (const entry of parseProvenance(object)?.sources ?? []) pages.add(sourceUrl(entry) ?? entry);
  });
  return [...pages];
}
