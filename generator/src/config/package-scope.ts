import { readFileSync } from 'node:fs';
import path from 'node:path';

/** An npm scope: `@` and a lower-case name (npm's rules for the first part of `@scope/name`). */
export const scopePattern = '^@[a-z0-9][a-z0-9._~-]*$';

/**
 * The npm scope of the package.json in a folder (`@acme` for `"name": "@acme/web"`), undefined when the
 * folder has none, or its name is unscoped. The settings' default scope: a consumer's packages take the
 * scope of the repository they are generated in, never ours.
 */
export function packageScopeAt(folder: string): string | undefined {
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(path.join(path.resolve(folder), 'package.json'), 'utf8'));
  } catch {
    // No package.json (or one npm could not read either): no scope to borrow.
    return undefined;
  }
  const name = (manifest as { name?: unknown } | null)?.name;
  if (typeof name !== 'string') return undefined;
  const scope = name.split('/')[0] ?? '';
  return name.includes('/') && new RegExp(scopePattern).test(scope) ? scope : undefined;
}

/** `<scope>/<name>`, or `<name>` alone without a scope. */
export function scopedName(scope: string | undefined, name: string): string {
  return scope === undefined ? name : `${scope}/${name}`;
}
