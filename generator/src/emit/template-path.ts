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
