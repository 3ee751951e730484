import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { formats } from '../../templates/runtime/checks.js';
import type { CompiledCheck } from './construct-module.js';

/**
 * AJV at run time, the reference the emitted validators are held to: JSON Schema 2020-12, all errors,
 * the runtime's own formats (runtime-formats.test.ts holds them to their RFCs), and `ownProperties`, so
 * that an inherited member (`constructor`, `toString`) is not a present property on either side. What
 * AJV still gets wrong there (it drops a property named `__proto__` from `properties`) is left out of
 * the generated schemas and tested on its own (construct-own-properties.test.ts).
 */
export function createReference(): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true, ownProperties: true, validateFormats: true });
  for (const [name, definition] of Object.entries(formats)) ajv.addFormat(name, definition as never);
  return ajv;
}

/** What is compared of an issue: where in the value, and which keyword. */
export const issueKey = (issue: { instancePath: string; keyword: string }) => `${issue.instancePath} ${issue.keyword}`;

const distinct = (keys: string[]) => [...new Set(keys)].sort();

/**
 * A disagreement between the emitted check and AJV on one value, in words, or undefined: the same
 * verdict in stop mode (`is*`) and in collect mode, and for an invalid value the same set of
 * `(instancePath, keyword)` issues.
 */
export function disagreement(check: CompiledCheck, reference: ValidateFunction, value: unknown): string | undefined {
  const expected = reference(value) as boolean;
  const expectedIssues = expected ? [] : distinct((reference.errors ?? []).map(issueKey));
  const stopped = check(value, '', true);
  const collected = check(value);
  const issues = collected ? [] : distinct((check.errors ?? []).map(issueKey));
  if (stopped !== expected || collected !== expected) return `AJV says ${expected}, stop mode ${stopped}, collect mode ${collected}`;
  if (JSON.stringify(issues) !== JSON.stringify(expectedIssues))
    return `issues ${JSON.stringify(issues)}, AJV's ${JSON.stringify(expectedIssues)}`;
  return undefined;
}
