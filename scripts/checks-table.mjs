#!/usr/bin/env node
// The README's tables of diff checks, from the catalog (generator/dist must be built): printed, or with
// --write put in place in README.md. test/readme-checks.test.ts holds the README to them.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkTables } from './checks-table-lib.mjs';

const root = path.resolve(import.meta.dirname, '..');
const catalog = path.join(root, 'generator/dist/shared/change-catalog.js');
const tables = checkTables((await import(pathToFileURL(catalog).href)).checkCatalog);

/** Replaces the rows of the table under `header` (the line that starts with it, then its separator line). */
function replaceRows(text, header, rows) {
  const start = text.indexOf(header);
  if (start === -1) throw new Error(`README.md has no table starting with ${header}`);
  const body = text.indexOf('\n', text.indexOf('\n', start) + 1) + 1;
  let end = body;
  while (text.startsWith('|', end)) end = text.indexOf('\n', end) + 1;
  return `${text.slice(0, body)}${rows}\n${text.slice(end)}`;
}

if (process.argv.includes('--write')) {
  const file = path.join(root, 'README.md');
  let text = readFileSync(file, 'utf8');
  text = replaceRows(text, '| Schema check (', tables.schema);
  text = replaceRows(text, '| Check | Severity | Bump |', tables.other);
  writeFileSync(file, text);
} else console.log(`${tables.schema}\n\n${tables.other}`);
