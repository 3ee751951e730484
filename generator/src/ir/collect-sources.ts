import { parseProvenance, sourceUrl } from './parse-provenance.js';

/** Every distinct page the spec's `x-source`s name (the address, without the note), in the order they are written. */
export function collectSources(holders: readonly Record<string, unknown>[]): string[] {
  const pages = new Set<string>();
  for (const holder of holders) for (const entry of parseProvenance(holder)?.sources ?? []) pages.add(sourceUrl(entry) ?? entry);
  return [...pages];
}
