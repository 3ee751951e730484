#!/usr/bin/env node
// Prints the README's tables of diff checks from the catalog (generator/dist must be built):
// `node scripts/checks-table.mjs` and paste; test/readme.test.ts holds the README to it.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkTables } from './checks-table-lib.mjs';

const catalog = path.resolve(import.meta.dirname, '../generator/dist/diff/checks.js');
const tables = checkTables((await import(pathToFileURL(catalog).href)).checkCatalog);
console.log(`${tables.schema}\n\n${tables.other}`);
