import type { Finding, Rule } from '../report/finding.js';
import type { Change, Place } from './change-log.js';
import { checkCatalog, severityRank, type Severity } from '../shared/change-catalog.js';
import type { DiffResult } from './diff-specs.js';

type DiffReport = Extract<DiffResult, { ok: true }>;

/** `file:line:column` of the changed keyword, or `file#pointer` when the line is unknown. */
export const where = (place: Place | undefined) =>
  place === undefined ? '' : place.line > 0 ? `${place.file}:${place.line}:${place.column}` : `${place.file}#${place.pointer}`;

/**
 * Where in the API a change is, in words: `POST /v3/PRIVATE (createPrivateCustomer) request body.address.city`,
 * `… response 200 body.accounts[].id`, with the component schema when the change is inside one.
 */
export function subjectOf(change: Change): string {
  const location =
    change.location === undefined
      ? undefined
      : change.direction === 'request' && change.operation !== undefined
        ? `request ${change.location}`
        : change.location;
  const inSchema = change.schema !== undefined && change.schema !== change.location ? `(schema ${change.schema})` : undefined;
  return [change.operation, location, inSchema].filter((part) => part !== undefined).join(' ');
}

/** `SUBJECT: what the check says: the detail`; the check's `request: ` prefix goes when the subject names the direction. */
export function describeChange(change: Change): string {
  const subject = subjectOf(change);
  const summary = checkCatalog[change.id].summary;
  const said = change.location === undefined ? summary : summary.replace(/^(request|response): /, '');
  return `${subject === '' ? '' : `${subject}: `}${said}${change.message === '' ? '' : `: ${change.message}`}`;
}

function counts(changes: Change[]): string {
  const by = (severity: Severity) => changes.filter((change) => change.severity === severity).length;
  return `${changes.length} change(s): ${by('error')} error(s), ${by('warning')} warning(s), ${by('info')} info`;
}

export function verdictLine(report: DiffReport): string {
  const release = report.bump === 'none' ? 'no new release' : `a ${report.bump} release`;
  return `${report.breaking ? 'Breaking for clients.' : 'Not breaking for clients.'} The generated package needs ${release}.`;
}

/** One line a change, most severe first, with where it is now (or was, when removed). */
export function formatDiffText(report: DiffReport): string {
  const lines = [`${report.old.source} (${report.old.version}) -> ${report.new.source} (${report.new.version})`];
  for (const change of report.changes) {
    const place = change.new ?? change.old;
    const was = change.new === undefined || change.old === undefined || change.old.line === 0 ? '' : ` (was ${where(change.old)})`;
    lines.push(`${change.severity.padEnd(7)} ${change.id}  ${where(place)}${was}\n        ${describeChange(change)}`);
  }
  lines.push(`${counts(report.changes)}. ${verdictLine(report)}`);
  return `${lines.join('\n')}\n`;
}

const icons: Record<Severity, string> = { error: '🔴 error', warning: '🟠 warning', info: '⚪ info' };
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/**
 * For a pull-request comment: the verdict, then a table, most severe first. Rows beyond the first
 * `visibleRows` are folded into a <details> block so a long report does not bury the conversation. Several
 * reports (`diff --since`, one per spec) make one comment: a line per spec, one table.
 */
export function formatDiffMarkdown(
  reports: DiffReport | DiffReport[],
  { visibleRows = 10, added = [], removed = [] }: { visibleRows?: number; added?: string[]; removed?: string[] } = {},
): string {
  const list = Array.isArray(reports) ? reports : [reports];
  const changes = list
    .flatMap((report) => report.changes)
    .map((change, index) => ({ change, index }))
    .sort((a, b) => severityRank[a.change.severity] - severityRank[b.change.severity] || a.index - b.index)
    .map(({ change }) => change);
  const errors = changes.filter((change) => change.severity === 'error').length + removed.length;
  const title = errors > 0 ? `${errors} breaking change(s)` : changes.length === 0 ? 'no changes' : 'no breaking changes';
  const versions = (report: DiffReport) =>
    `\`${cell(report.old.source)}\` (${cell(report.old.version)}) → \`${cell(report.new.source)}\` (${cell(report.new.version)})`;
  const lines = [`### specsmith diff: ${title}`, ''];
  if (list.length === 1 && added.length === 0 && removed.length === 0)
    lines.push(`${versions(list[0]!)}. ${counts(changes)}. ${verdictLine(list[0]!)}`);
  else {
    lines.push(`${counts(changes)} in ${list.length} spec(s).`, '');
    for (const report of list) lines.push(`- ${versions(report)}: ${counts(report.changes)}. ${verdictLine(report)}`);
    for (const spec of added) lines.push(`- \`${cell(spec)}\`: new, nothing to compare with.`);
    for (const spec of removed) lines.push(`- 🔴 \`${cell(spec)}\`: removed (its package is gone).`);
  }
  const table = (rows: Change[]) => [
    '',
    '| Severity | Check | Where | Change |',
    '| --- | --- | --- | --- |',
    ...rows.map(
      (change) =>
        `| ${icons[change.severity]} | \`${change.id}\` | \`${cell(where(change.new ?? change.old))}\` | ${cell(describeChange(change))} |`,
    ),
  ];
  if (changes.length > 0) lines.push(...table(changes.slice(0, visibleRows)));
  const rest = changes.slice(visibleRows);
  if (rest.length > 0) lines.push('', `<details><summary>${rest.length} more change(s)</summary>`, ...table(rest), '', '</details>');
  return `${lines.join('\n')}\n`;
}

const levels: Record<Severity, Finding['level']> = { error: 'error', warning: 'warning', info: 'note' };

/** Each change as a CI finding, failed when its severity is `error`, at its place in the new version (else the old). */
export function diffFindings(report: DiffReport): Finding[] {
  return report.changes.map((change) => {
    const place = change.new ?? change.old;
    const subject = subjectOf(change) || (place === undefined ? '' : `${place.file}#${place.pointer}`);
    return {
      suite: `specsmith diff ${report.new.source}`,
      name: `${change.id} ${subject}`.trim(),
      ...(subject === '' ? {} : { subject }),
      fingerprint: change.fingerprint,
      ruleId: change.id,
      level: levels[change.severity],
      failed: change.severity === 'error',
      message: describeChange(change),
      ...(place === undefined ? {} : { file: place.file, ...(place.line > 0 ? { line: place.line, column: place.column } : {}) }),
    };
  });
}

export const diffRules = (): Rule[] =>
  Object.entries(checkCatalog).map(([id, definition]) => ({ id, description: definition.summary, level: levels[definition.severity] }));
