import { createHash } from 'node:crypto';
import type { Direction } from '../shared/change-catalog.js';

/**
 * What identifies a finding across commits, so code scanning (SARIF `partialFingerprints`) follows it as
 * the spec is edited: the check, where in the API it is (a component schema's own path when the change is
 * inside one, so it does not move with the operation that first reaches the schema), and the values.
 * Lines, pointers and message wording are left out: they move when unrelated text above them does.
 */
export function fingerprintOf({
  id,
  operation,
  direction,
  location,
  schema,
  values,
}: {
  id: string;
  operation?: string;
  direction?: Direction;
  location?: string;
  schema?: string;
  values?: { old?: unknown; new?: unknown };
}): string {
  const where = schema === undefined ? [operation ?? null, location ?? null] : [null, schema];
  const identity = JSON.stringify([id, direction ?? null, ...where, values?.old ?? null, values?.new ?? null]);
  return createHash('sha256').update(identity).digest('hex').slice(0, 32);
}
