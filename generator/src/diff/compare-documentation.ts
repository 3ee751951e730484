import equal from 'fast-deep-equal';
import type { Provenance, SchemaMeta } from '../ir/types.js';
import type { ChangeSink } from './change-log.js';
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
  {
    old,
    new: next,
    at,
    operation,
  }: { old: Documentation | SchemaMeta; new: Documentation | SchemaMeta; at: PlacePair; operation?: string },
): void {
  const before = 'constraints' in old ? documentationOfMeta(old) : old;
  const after = 'constraints' in next ? documentationOfMeta(next) : next;
  const fields = (['title', 'summary', 'description', 'examples', 'provenance'] as const).filter(
    (field) => !equal(before[field] ?? emptyOf(field), after[field] ?? emptyOf(field)),
  );
  if (fields.length === 0) return;
  log.add({
    id: 'documentation-changed',
    message: `${fields.map((field) => (field === 'provenance' ? 'x-source' : field)).join(', ')} changed`,
    ...(operation === undefined ? {} : { operation }),
    ...at,
  });
}

const emptyOf = (field: keyof Documentation) => (field === 'examples' ? [] : undefined);
