import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths.js';

/**
 * The first fenced code block after the first line of README.md that contains `marker`, which must be of
 * `language`: the recipes are run as the README shows them, so a recipe moved or relabelled fails here.
 */
export function readmeBlock({ marker, language }: { marker: string; language: string }): string {
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const at = readme.indexOf(marker);
  if (at < 0) throw new Error(`README.md has no line with "${marker}"`);
  const block = /^```(\w*)\n([\s\S]*?)^```$/m.exec(readme.slice(at));
  if (block?.[1] !== language) throw new Error(`README.md has no \`\`\`${language} block right after "${marker}"`);
  return block[2] ?? '';
}
