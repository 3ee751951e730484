import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { checkCatalog } from '../generator/src/shared/change-catalog.js';
import { checkTables } from '../scripts/checks-table-lib.mjs';
import { repoRoot } from './support/paths.js';

// `node scripts/checks-table.mjs --write` puts the tables in place after a change to the catalog.
it("the README's tables list every diff check with the catalog's severity and bump", () => {
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const tables = checkTables(checkCatalog) as { schema: string; other: string };
  expect(readme).toContain(tables.schema);
  expect(readme).toContain(tables.other);
});
