import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import type { Severity } from '../shared/change-catalog.js';
import { diffSpecs, type DiffResult } from '../diff/diff-specs.js';
import { explainCheck } from '../diff/explain-check.js';
import { diffFindings, diffRules, formatDiffMarkdown, formatDiffText } from '../diff/format-diff.js';
import { checkIds, effectiveSeverities } from '../shared/change-catalog.js';
import { didYouMean } from '../util/did-you-mean.js';
import { formatGitHub } from '../report/github.js';
import { formatJUnit } from '../report/junit.js';
import { formatSarif } from '../report/sarif.js';
import { settingsFrom } from './settings.js';
import { print, toolVersion, usageError } from './output.js';
import type { Values } from './parse-options.js';
type Report = Extract<DiffResult, { ok: true }>;

const formats: Record<string, (report: Report) => string> = {
  text: formatDiffText,
  json: (report) => `${JSON.stringify(report, null, 2)}\n`,
  markdown: (report) => formatDiffMarkdown(report),
  junit: (report) => formatJUnit(diffFindings(report), { name: 'specsmith diff' }),
  github: (report) => formatGitHub(diffFindings(report)),
  sarif: (report) => formatSarif(diffFindings(report), { tool: 'specsmith', version: toolVersion(), rules: diffRules() }),
};

const failLevels: Record<string, Severity[]> = { error: ['error'], warning: ['error', 'warning'], never: [] };

export async function runDiff(values: Values, positionals: string[]): Promise<number> {
  const format = typeof values.format === 'string' ? values.format : 'text';
  const failOn = typeof values['fail-on'] === 'string' ? values['fail-on'] : 'error';
  if (typeof values.explain === 'string') return explain(values.explain);
  if (positionals.length !== 2) return usageError('diff', 'needs two versions: OLD NEW');
  if (formats[format] === undefined) return usageError('diff', `--format must be one of ${Object.keys(formats).join(', ')}`);
  if (failLevels[failOn] === undefined) return usageError('diff', '--fail-on must be error, warning or never');
  const settings = await settingsFrom(values);
  if (typeof settings === 'number') return settings;
  const result = await diffSpecs({ old: positionals[0]!, new: positionals[1]!, severity: effectiveSeverities(settings.diff ?? {}) });
  for (const diagnostic of result.diagnostics)
    if (diagnostic.severity === 'error' || !result.ok) process.stderr.write(`${formatDiagnostic(diagnostic)}\n`);
  if (!result.ok)
    return print(process.stderr, result.problem === undefined ? 'a version has errors: nothing compared\n' : `${result.problem}\n`, 2);
  process.stdout.write(formats[format]!(result));
  const failing = failLevels[failOn]!;
  return result.changes.some((change) => failing.includes(change.severity)) ? 1 : 0;
}

function explain(id: string): number {
  const text = explainCheck(id);
  if (text !== undefined) return print(process.stdout, text, 0);
  return print(process.stderr, `specsmith diff: no check is named ${JSON.stringify(id)}.${didYouMean(id, checkIds)}\n`, 2);
}
