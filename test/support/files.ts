import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { compareStrings } from '../../generator/src/diagnostics/diagnostic.js';

/** Every file below `root`, as sorted relative paths with `/` separators. */
export function listFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else found.push(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  walk(root);
  return found.sort(compareStrings);
}

/** Relative path to file contents, for byte-for-byte comparison of two trees. */
export function readTree(root: string): Record<string, string> {
  return Object.fromEntries(listFiles(root).map((file) => [file, readFileSync(path.join(root, file), 'utf8')]));
}
