import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generate } from '../generator/src/generate.js';
import { loadDocument } from '../generator/src/load/load-document.js';
import { getAtPointer, parsePointer } from '../generator/src/util/json-pointer.js';
import { listFiles } from './support/files.js';
import { repoRoot, temporaryDirectory } from './support/paths.js';

/**
 * A package is read by people outside this repository: what it says about where a fact comes from must
 * lead to a public page, and every place it names must be inside the package (its `openapi.json`).
 */
const generatedDir = path.join(repoRoot, 'generated');
const packages = readdirSync(generatedDir);

/** The providers' public documentation, and ISO for the country lists. */
const publicHosts = new Set([
  'docs.enfuce.com',
  'docs.paysafe.com',
  'developer.paysafe.com',
  'gateway-api-docs-sandbox.pages.dev',
  'gateway-api-docs-staging.pages.dev',
  'www.iso.org',
]);

/** Words and paths of this repository's working files, which mean nothing to a user of the package. */
const internalReferences: [RegExp, string][] = [
  [/\bseeds?\b/i, 'a seed'],
  [/\bresearch\b/i, 'a research note'],
  [/\b\d{3}_[0-9a-f]{16}\.txt\b/, 'a captured page'],
  [/(^|[\s'"`(])\.\.\//m, 'a path outside the package'],
  [/(^|[\s'"`(])(specs|generated|test|shared)\//m, 'a path of this repository'],
  [new RegExp(escapeRegExp(repoRoot)), 'an absolute path'],
  [new RegExp(escapeRegExp(tmpdir())), 'a temporary path'],
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every `x-source` value written in the curated specs, with its file. */
function curatedSources(): { file: string; value: unknown }[] {
  const found: { file: string; value: unknown }[] = [];
  const visit = (node: unknown, file: string): void => {
    if (Array.isArray(node)) for (const item of node) visit(item, file);
    else if (node !== null && typeof node === 'object')
      for (const [key, value] of Object.entries(node)) {
        if (key === 'x-source') found.push({ file, value });
        visit(value, file);
      }
  };
  for (const file of listFiles(path.join(repoRoot, 'specs')).filter((name) => name.endsWith('.yaml') && !name.endsWith('docs-map.yaml')))
    for (const document of parseAllDocuments(readFileSync(path.join(repoRoot, 'specs', file), 'utf8')))
      if (!('errors' in document && document.errors.length > 0)) visit(document.toJS(), file);
  return found;
}

describe('x-source in the curated specs', () => {
  const sources = curatedSources();

  it('is written on the facts of every spec', () => {
    expect(new Set(sources.map(({ file }) => file.split('/')[0]))).toEqual(new Set(['common', 'enfuce', 'gateway', 'paysafe']));
    expect(sources.length).toBeGreaterThan(200);
  });

  it.each(sources.map((source, index) => ({ ...source, index })))('names public pages: $file #$index', ({ value }) => {
    const entries = Array.isArray(value) ? value : [value];
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      expect(typeof entry).toBe('string');
      const match = /^(https:\/\/\S+)( \(.+\))?$/.exec(entry as string);
      expect(match, `${JSON.stringify(entry)} is an https address, optionally followed by a note in parentheses`).not.toBeNull();
      expect(publicHosts.has(new URL(match?.[1] ?? '').host), `${entry} is on a public documentation site`).toBe(true);
    }
  });
});

describe.each(packages)('generated/%s', (name) => {
  const folder = path.join(generatedDir, name);
  const files = listFiles(folder);
  const declarations = readFileSync(path.join(folder, 'types.d.cts'), 'utf8');
  const shipped = JSON.parse(readFileSync(path.join(folder, 'openapi.json'), 'utf8')) as unknown;

  it('mentions no seed, research note or place outside the package', () => {
    for (const file of files) {
      const text = readFileSync(path.join(folder, file), 'utf8');
      for (const [pattern, what] of internalReferences) {
        const hit = pattern.exec(text);
        expect(hit === null ? null : `${file} mentions ${what}: ${text.slice(Math.max(0, hit.index - 40), hit.index + 60)}`).toBeNull();
      }
    }
  });

  it('links each fact to a public page with @see, and lists every page in its README', () => {
    const pages = [...declarations.matchAll(/@see (\S+)/g)].map((match) => match[1] ?? '');
    expect(pages.length).toBeGreaterThan(20);
    for (const page of pages) {
      expect(page.startsWith('https://'), page).toBe(true);
      expect(publicHosts.has(new URL(page).host), page).toBe(true);
    }
    const readme = readFileSync(path.join(folder, 'README.md'), 'utf8');
    const listed = readme.split('## Sources')[1] ?? '';
    for (const page of new Set(pages)) expect(listed).toContain(`<${page}>`);
  });

  it('ships its spec, and every @spec points at a node of it written at the line it names', () => {
    const specs = [...declarations.matchAll(/@spec openapi\.json#(\S*) \(([^:]+):(\d+)\)/g)];
    expect(specs.length).toBe([...declarations.matchAll(/@spec /g)].length);
    expect(specs.length).toBeGreaterThan(30);
    for (const [, fragment = '', source = '', line = ''] of specs) {
      const pointer = decodeURIComponent(fragment);
      const node = getAtPointer(shipped, parsePointer(pointer) ?? []);
      expect(node, `${pointer} is in openapi.json`).toBeDefined();
      // The node's key (a property or component name) is written on the line named (a property's place
      // is its key) or on the line before it (an object's place is its first line).
      const key = parsePointer(pointer)?.at(-1) ?? '';
      const lines = readFileSync(path.join(repoRoot, 'specs', source), 'utf8').split('\n');
      const keyLine = new RegExp(`^\\s*(- )?['"]?${escapeRegExp(key)}['"]?:`);
      const around = [lines[Number(line) - 1] ?? '', lines[Number(line) - 2] ?? ''];
      if (!/^\d+$/.test(key))
        expect(
          around.some((text) => keyLine.test(text)),
          `${source}:${line} for ${pointer}`,
        ).toBe(true);
    }
  });

  it('ships a spec that loads as OpenAPI and generates the same types as the source', async () => {
    const shippedFile = path.join(folder, 'openapi.json');
    const loaded = await loadDocument({ entry: shippedFile, root: repoRoot });
    expect(loaded.diagnostics).toEqual([]);
    const out = path.join(temporaryDirectory('shipped'), name);
    const result = await generate({ root: repoRoot, jobs: [{ spec: shippedFile, out, name: `@specsmith/${name}` }], progress: 'never' });
    expect(result.diagnostics).toEqual([]);
    // The same declarations, but for where each one is written (the shipped file has its own lines).
    const withoutPlaces = (text: string) => text.replace(/^\/\/.*\n/gm, '').replace(/ \([^()\s]*:\d+\)(?= \*\/$|$)/gm, '');
    expect(withoutPlaces(readFileSync(path.join(out, 'types.d.cts'), 'utf8'))).toBe(withoutPlaces(declarations));
  });

  it('exports the spec as a subpath', () => {
    const manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as {
      exports: Record<string, unknown>;
      files: string[];
    };
    expect(manifest.exports['./openapi.json']).toBe('./openapi.json');
    expect(manifest.files).toContain('openapi.json');
  });
});
