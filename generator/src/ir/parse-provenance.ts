import type { Provenance } from './types.js';

/**
 * `x-source` and `x-inferred` of an object, as the curated specs write them: `x-source` is one entry or a
 * list, each a page's address, optionally followed by a note in parentheses. Other specs may write any
 * text; it is kept as written.
 */
export function parseProvenance(raw: Record<string, unknown>): Provenance | undefined {
  const sources = sourceEntries(raw['x-source']);
  const inferred = raw['x-inferred'];
  if (sources.length === 0 && inferred === undefined) return undefined;
  return inferred === undefined ? { sources } : { sources, inferred: typeof inferred === 'string' ? inferred : JSON.stringify(inferred) };
}

function sourceEntries(value: unknown): string[] {
  const entries = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return entries.map((entry) => (typeof entry === 'string' ? entry.trim() : JSON.stringify(entry))).filter((entry) => entry !== '');
}

/** The address an `x-source` entry starts with, when it starts with one. */
export function sourceUrl(entry: string): string | undefined {
  return /^https?:\/\/\S+/.exec(entry)?.[0];
}
