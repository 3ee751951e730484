import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { compareStrings, createDiagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { loadDocument } from '../load/load-document.js';
import { displayPathOf } from '../load/source-set.js';
import { compareFacts, labelFacts, readPage, type FactResult } from './compare-page.js';
import { readDocsMap, type DocsMapPage } from './docs-map.js';
import { SpecView } from './spec-view.js';

export interface DocsCheckOptions {
  /** Folder of captured doc pages (text files). */
  docsDir: string;
  /** Folder of provider specs, each with `openapi.yaml` and `docs-map.yaml`. @default 'specs' */
  specsDir?: string;
  /** Paths are resolved from and shown relative to it. @default process.cwd() */
  root?: string;
}

export interface PageResult {
  page: string;
  provider: string;
  /** `operation createMcCard` or `schema Customer`. */
  target: string;
  facts: FactResult[];
  /** Constraint lines the reader could not interpret: each counts as a mismatch. */
  unread: { line: number; text: string }[];
}

export interface DocsCheckResult {
  /** True when every fact of every page is matched and nothing stopped the check. */
  ok: boolean;
  docsDir: string;
  pages: PageResult[];
  diagnostics: Diagnostic[];
}

/** Reads every mapped doc page and compares each fact it states with the provider's spec. */
export async function docsCheck(options: DocsCheckOptions): Promise<DocsCheckResult> {
  const root = path.resolve(options.root ?? process.cwd());
  const docsDir = path.resolve(root, options.docsDir);
  const shownDocs = displayPathOf(docsDir, root);
  const result: DocsCheckResult = { ok: false, docsDir: shownDocs, pages: [], diagnostics: [] };
  if (!existsSync(docsDir) || !statSync(docsDir).isDirectory()) {
    result.diagnostics.push(
      createDiagnostic({
        code: 'docs-folder-missing',
        message: `${docsDir} ${existsSync(docsDir) ? 'is not a folder' : 'does not exist'}`,
        file: shownDocs,
        pointer: '',
      }),
    );
    return result;
  }
  const specsDir = path.resolve(root, options.specsDir ?? 'specs');
  const mapped = new Set<string>();
  for (const provider of providersWithDocsMap(specsDir)) {
    const checked = await checkProvider({ provider, specsDir, docsDir, root });
    result.pages.push(...checked.pages);
    result.diagnostics.push(...checked.diagnostics);
    checked.mapped.forEach((page) => mapped.add(page));
  }
  for (const page of listPages(docsDir).filter((name) => !mapped.has(name))) {
    const file = displayPathOf(path.join(docsDir, page), root);
    result.diagnostics.push(createDiagnostic({ code: 'docs-page-unmapped', message: `${page} is not in any docs map`, file, pointer: '' }));
  }
  result.diagnostics = sortDiagnostics(result.diagnostics);
  const mismatches = result.pages.some((page) => page.unread.length > 0 || page.facts.some((fact) => fact.problem !== undefined));
  result.ok = result.diagnostics.every((diagnostic) => diagnostic.severity !== 'error') && !mismatches;
  return result;
}

function providersWithDocsMap(specsDir: string): string[] {
  if (!existsSync(specsDir)) return [];
  return readdirSync(specsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(specsDir, entry.name, 'docs-map.yaml')))
    .map((entry) => entry.name)
    .sort(compareStrings);
}

/** The pages of a docs folder: every file but its README. */
function listPages(docsDir: string): string[] {
  return readdirSync(docsDir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && !/^readme(\.|$)/i.test(entry.name))
    .map((entry) => entry.name)
    .sort(compareStrings);
}

async function checkProvider({ provider, specsDir, docsDir, root }: { provider: string; specsDir: string; docsDir: string; root: string }) {
  const mapPath = path.join(specsDir, provider, 'docs-map.yaml');
  const map = await readDocsMap(mapPath, displayPathOf(mapPath, root));
  const mapped = map.pages.map((entry) => entry.page);
  const pages: PageResult[] = [];
  const diagnostics = [...map.diagnostics];
  if (map.pages.length === 0) return { pages, diagnostics, mapped };
  const loaded = await loadDocument({ entry: path.join(specsDir, provider, 'openapi.yaml'), root });
  diagnostics.push(...loaded.diagnostics);
  if (!loaded.ok) return { pages, diagnostics, mapped };
  const view = new SpecView(loaded.loaded);
  for (const entry of map.pages) {
    const checked = await checkEntry(entry, { provider, docsDir, root, view });
    diagnostics.push(...checked.diagnostics);
    if (checked.page !== undefined) pages.push(checked.page);
  }
  return { pages, diagnostics, mapped };
}

async function checkEntry(entry: DocsMapPage, context: { provider: string; docsDir: string; root: string; view: SpecView }) {
  const at = { file: entry.origin.file, pointer: entry.origin.pointer, line: entry.origin.line, column: entry.origin.column };
  const pagePath = path.join(context.docsDir, entry.page);
  if (!existsSync(pagePath)) {
    return {
      diagnostics: [
        createDiagnostic({
          code: 'docs-page-missing',
          message: `${entry.page} is not in ${displayPathOf(context.docsDir, context.root)}`,
          ...at,
        }),
      ],
    };
  }
  const targetProblem = checkTarget(entry, context.view);
  if (targetProblem !== undefined) return { diagnostics: [createDiagnostic({ ...targetProblem, ...at })] };
  const reading = readPage(entry.layout, await readFile(pagePath, 'utf8'));
  const labelled = labelFacts(reading.facts, entry);
  if (labelled.diagnostics.length > 0) return { diagnostics: labelled.diagnostics };
  const target = entry.schema !== undefined ? `schema ${entry.schema}` : `operation ${entry.operation ?? ''}`;
  const facts = compareFacts(labelled.facts, entry, context.view);
  return { diagnostics: [], page: { page: entry.page, provider: context.provider, target, facts, unread: reading.unread } };
}

function checkTarget(
  entry: DocsMapPage,
  view: SpecView,
): { code: 'docs-map-invalid' | 'docs-target-unknown'; message: string } | undefined {
  const wantsSchema = entry.layout === 'docusaurus-schema';
  if (wantsSchema !== (entry.schema !== undefined)) {
    return { code: 'docs-map-invalid', message: `layout ${entry.layout} documents ${wantsSchema ? 'a schema' : 'an operation'}` };
  }
  const root = entry.schema !== undefined ? view.schemaRoot(entry.schema) : view.operationExists(entry.operation ?? '');
  return 'problem' in root ? { code: 'docs-target-unknown', message: root.problem } : undefined;
}
