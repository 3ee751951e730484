import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './paths.js';

/** How a consumer of the packages compiles: strict, ES2022 with the DOM's fetch types, Node's module resolution. */
export const strictOptions = [
  '--noEmit',
  '--strict',
  '--target',
  'es2022',
  '--module',
  'nodenext',
  '--moduleResolution',
  'nodenext',
  '--lib',
  'es2022,dom',
];

/** The TypeScript compiler's report on `files` (empty when they compile), run in `cwd`. */
export function typeCheck(files: string[], cwd: string, options: string[] = strictOptions): string {
  const tsc = path.join(repoRoot, 'node_modules/typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, ...options, ...files], { cwd, encoding: 'utf8', stdio: 'pipe' });
    return '';
  } catch (error) {
    return String((error as { stdout?: string }).stdout);
  }
}
