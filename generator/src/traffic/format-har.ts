import type { Finding, Rule } from '../report/finding.js';
import type { ExchangeIssue } from './check-exchange.js';
import type { HarEntryResult } from './check-har.js';

export const harRules: Rule[] = [
  { id: 'har-request-invalid', description: 'a recorded request does not match its operation in the spec', level: 'error' },
  { id: 'har-response-invalid', description: 'a recorded response does not match its operation in the spec', level: 'error' },
  { id: 'har-unmatched', description: 'a recorded request that no operation of the spec has', level: 'warning' },
];

/** `request query/auditUser: must not be empty`. */
export const describeIssue = (issue: ExchangeIssue) => `${issue.direction} ${issue.in}${issue.path}: ${issue.message}`;

const title = (result: HarEntryResult) => `#${result.entry} ${result.method} ${result.url}`;

/** Each entry as a CI finding at its line in the capture: failed when invalid, a warning when unmatched. */
export function harFindings(file: string, results: HarEntryResult[]): Finding[] {
  return results.map((result) => {
    const requestFailed = result.issues.some((issue) => issue.direction === 'request');
    const ruleId = result.outcome === 'unmatched' ? 'har-unmatched' : requestFailed ? 'har-request-invalid' : 'har-response-invalid';
    return {
      suite: `specsmith har ${file}`,
      name: title(result),
      ...(result.operation === undefined ? {} : { subject: `${result.operation} ${result.method} ${result.url}` }),
      ruleId: result.outcome === 'valid' ? 'har-valid' : ruleId,
      level: result.outcome === 'invalid' ? 'error' : result.outcome === 'unmatched' ? 'warning' : 'note',
      failed: result.outcome === 'invalid',
      message:
        result.outcome === 'unmatched'
          ? `not in the spec: ${result.reason ?? ''}`
          : result.outcome === 'valid'
            ? `${result.operation}: valid both ways`
            : `${result.operation}: ${result.issues.map(describeIssue).join('\n')}`,
      file,
      ...(result.line > 0 ? { line: result.line, column: result.column } : {}),
    };
  });
}

/** The invalid and unmatched entries, each at `file:line:column`, then a count. */
export function formatHarText(file: string, results: HarEntryResult[]): string {
  const lines: string[] = [];
  for (const result of results) {
    if (result.outcome === 'valid') continue;
    const where = `${file}:${result.line}:${result.column}`;
    if (result.outcome === 'unmatched') lines.push(`${where}: ${title(result)}: not in the spec (${result.reason ?? ''})`);
    else {
      lines.push(`${where}: ${title(result)} (${result.operation}):`);
      for (const issue of result.issues) lines.push(`  ${describeIssue(issue)}`);
    }
  }
  const count = (outcome: HarEntryResult['outcome']) => results.filter((result) => result.outcome === outcome).length;
  lines.push(
    `${results.length} entr${results.length === 1 ? 'y' : 'ies'}: ${count('valid')} valid, ${count('invalid')} invalid, ${count('unmatched')} not in the spec`,
  );
  return `${lines.join('\n')}\n`;
}
