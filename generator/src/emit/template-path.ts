import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `templates/` sits beside `dist/` in the published toolkit (two levels above `dist/emit`) and at the
 * repository root in a checkout (three levels above `generator/src/emit` or `generator/dist/emit`).
 */
export function templatePath(relative: string): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.resolve(here, '../../templates'), path.resolve(here, '../../../templates')];
  const base = candidates.find((candidate) => existsSync(path.join(candidate, relative))) ?? candidates[0] ?? '';
  return path.join(base, relative);
}

/**
 * A file of the runtime bundle a package ships (runtime.js, runtime.cjs, runtime.d.ts), which
 * scripts/build-runtime.mjs makes from templates/runtime when specsmith is built: in `dist/runtime`, one
 * level above `dist/emit` once built, and `generator/dist/runtime` when run from `generator/src/emit`.
 */
export function runtimeBundlePath(file: string): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.resolve(here, '../runtime'), path.resolve(here, '../../dist/runtime')];
  const found = candidates.find((candidate) => existsSync(path.join(candidate, file)));
  if (found === undefined)
    throw new Error(`specsmith: the package runtime is not built (${file} in ${candidates.join(' or ')}); run \`make build\``);
  return path.join(found, file);
}
