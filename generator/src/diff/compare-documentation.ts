import equal from 'fast-deep-equal';
import type { Provenance, SchemaMeta } from '../ir/types.js';
import type { ChangeSink, Scope } from './change-log.js';
import type { PlacePair } from './compare-context.js';

/** What a node says for people (JSDoc, the package README): its change asks for a patch release. */
export interface Documentation {
  title?: string;
  summary?: string;
  description?: string;
  examples?: unknown[];
  provenance?: Provenance;
}

export function documentationOfMeta(meta: SchemaMeta): Documentation {
  return { title: meta.title, description: meta.description, examples: meta.examples, provenance: meta.provenance };
}

/** One `documentation-changed` per node, naming the fields that changed. */
export function compareDocumentation(
  log: ChangeSink,
  { old, new: next, at, scope = {} }: { old: Documentation | SchemaMeta; new: Documentation | SchemaMeta; at: PlacePair; scope?: Scope },
): void {
  const before = 'constraints' in old ? documentationOfMeta(old) : old;
  const after = 'constraints' in next ? documentationOfMeta(next) : next;
  const fields = (['title', 'summary', 'description', 'examples', 'provenance'] as const).filter(
    (field) => !equal(before[field] ?? emptyOf(field), after[field] ?? emptyOf(field)),
  );
  if (fields.length === 0) return;
  const keywords = fields.map((field) => (field === 'provenance' ? 'x-source' : field));
  log.add({
    id: 'documentation-changed',
    message: `${keywords.join(', ')} changed`,
    ...scope,
    // One field changed: its line. Several: the node's.
    ...(keywords.length === 1 && fields[0] !== 'examples' ? { keyword: keywords[0] } : {}),
    ...at,
  });
}

const emptyOf = (field: keyof Documentation) => (field === 'examples' ? [] : undefined);
