import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import type { FactKind } from './facts.js';
import type { DocsCheckResult, PageResult } from './run-docs-check.js';

/** Columns of the table: kinds of fact grouped the way a reader scans a page. */
const columns: { title: string; kinds: FactKind[] }[] = [
  { title: 'type/format', kinds: ['type', 'format'] },
  { title: 'enum', kinds: ['enum'] },
  { title: 'length', kinds: ['minLength', 'maxLength', 'minItems', 'maxItems', 'minimum', 'maximum'] },
  { title: 'required', kinds: ['required'] },
  { title: 'default/deprecated', kinds: ['default', 'deprecated'] },
];

/**
 * A table with one row a page: for each kind of fact, how many the page states and how many the spec
 * matches (`matched/found`); then one line per mismatch with the page line and the spec location.
 */
export function formatDocsCheckReport(result: DocsCheckResult): string {
  // Without the folder nothing was compared: a table of zeros and a verdict on the specs would mislead.
  if (result.diagnostics.some((diagnostic) => diagnostic.code === 'docs-folder-missing'))
    return `${result.diagnostics.map(formatDiagnostic).join('\n')}\n`;
  const header = ['page', 'provider', 'documents', ...columns.map((column) => column.title), 'all'];
  const rows = result.pages.map((page) => [
    page.page,
    page.provider,
    page.target,
    ...columns.map((column) => count(page, column.kinds)),
    count(page, undefined),
  ]);
  const totals = ['total', '', '', ...columns.map((column) => countAll(result.pages, column.kinds)), countAll(result.pages, undefined)];
  const lines = [`docs-check: pages in ${result.docsDir} against their specs (matched/found)`, '', ...table([header, ...rows, totals]), ''];
  for (const page of result.pages) {
    for (const fact of page.facts.filter((item) => item.problem !== undefined)) {
      const where = fact.spec === undefined ? '' : ` (spec: ${fact.spec})`;
      lines.push(`${result.docsDir}/${page.page}:${fact.line} ${fact.field || '(body)'} ${fact.kind}: ${fact.problem ?? ''}${where}`);
    }
    for (const unread of page.unread) lines.push(`${result.docsDir}/${page.page}:${unread.line} could not read: ${unread.text}`);
  }
  lines.push(...result.diagnostics.map(formatDiagnostic));
  lines.push(result.ok ? 'every fact on the pages is in the specs' : 'the specs do not match the pages');
  return `${lines.join('\n')}\n`;
}

function count(page: PageResult, kinds: FactKind[] | undefined): string {
  return countAll([page], kinds);
}

function countAll(pages: PageResult[], kinds: FactKind[] | undefined): string {
  const facts = pages.flatMap((page) => page.facts).filter((fact) => kinds === undefined || kinds.includes(fact.kind));
  const unread = kinds === undefined ? pages.reduce((sum, page) => sum + page.unread.length, 0) : 0;
  const matched = facts.filter((fact) => fact.problem === undefined).length;
  return `${matched}/${facts.length + unread}`;
}

function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, index) => Math.max(...rows.map((row) => (row[index] ?? '').length))) ?? [];
  return rows.map((row) =>
    row
      .map((cell, index) => (index < 3 ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}
