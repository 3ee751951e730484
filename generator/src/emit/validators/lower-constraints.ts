import type { SchemaMeta } from '../../ir/types.js';
import type { LowerContext } from './lower-schema.js';

/** Validation keywords of the node that apply to its JSON type (all of them when the type is not known). */
export function constraints(
  meta: SchemaMeta,
  type: 'string' | 'number' | 'array' | 'object' | undefined,
  context: LowerContext,
): Record<string, unknown> {
  const kept: [string, unknown][] = [];
  // `minContains`/`maxContains` only qualify `contains` (§10.3.1.2-3); alone they assert nothing.
  const hasContains = meta.assertions.some((assertion) => assertion.keyword === 'contains');
  for (const { keyword, value } of meta.constraints) {
    if (keyword === 'contentEncoding' || keyword === 'contentMediaType') continue;
    if ((keyword === 'minContains' || keyword === 'maxContains') && !hasContains) continue;
    if (keyword === 'pattern' && !compiles(String(value))) {
      context.notes.push({ reason: 'invalid-pattern', value: String(value), origin: meta.origin });
      continue;
    }
    const risk = keyword === 'pattern' ? context.patternRisk(String(value)) : undefined;
    if (risk !== undefined) context.notes.push({ reason: 'risky-pattern', value: String(value), detail: risk, origin: meta.origin });
    kept.push([keyword, value]);
  }
  // Length checks are cheaper than patterns: AJV checks keywords in the order they are written.
  kept.sort(([a], [b]) => Number(a === 'pattern') - Number(b === 'pattern'));
  const format = meta.format;
  if (format !== undefined) {
    const applies = context.formats.get(format);
    if (applies === undefined) context.notes.push({ reason: 'unknown-format', value: format, origin: meta.origin });
    else if (type === undefined || applies === type) kept.push(['format', format]);
  }
  return Object.fromEntries(kept);
}

/** Whether a pattern compiles as the validators compile it (ECMA-262 with the `u` flag). */
export function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}
