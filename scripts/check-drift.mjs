#!/usr/bin/env node
// Regenerates every package into a temporary folder and compares it byte for byte with generated/.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';

import path from 'node:path';
import { generate } from '../generator/dist/index.js';

const root = path.resolve(import.meta.dirname, '..');
const scratch = mkdtempSync(path.join(root, '.tmp-drift-'));
const list = (folder) =>
  readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
try {
  const result = await generate({ root, outDir: path.relative(root, scratch), progress: 'never' });
  if (!result.ok) throw new Error(`generation failed: ${result.diagnostics.length} problem(s)`);
  const problems = [];
  const providers = new Set([...readdirSync(path.join(root, 'generated')), ...readdirSync(scratch)]);
  for (const provider of [...providers].sort()) {
    const committed = path.join(root, 'generated', provider);
    const fresh = path.join(scratch, provider);
    const files = new Set([...safeList(committed), ...safeList(fresh)]);
    for (const file of [...files].sort()) {
      const a = safeRead(path.join(committed, file));
      const b = safeRead(path.join(fresh, file));
      if (a !== b)
        problems.push(
          `generated/${provider}/${file}: ${a === undefined ? 'missing' : b === undefined ? 'no longer generated' : 'differs'}`,
        );
    }
  }
  if (problems.length > 0) {
    console.error(`generated/ is out of date (run make generate and commit):\n${problems.join('\n')}`);
    process.exitCode = 1;
  } else {
    console.log(`generated/ matches the specs (${providers.size} package(s))`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

function safeList(folder) {
  try {
    return list(folder);
  } catch {
    return [];
  }
}

function safeRead(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
