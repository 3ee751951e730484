import { formatDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Severity } from '../shared/change-catalog.js';
import { diffSpecs } from '../diff/diff-specs.js';
import { diffRepository, type SpecDiff } from '../diff/diff-repository.js';
import { explainCheck } from '../diff/explain-check.js';
import { diffFindings, diffRules, formatDiffMarkdown, formatDiffText } from '../diff/format-diff.js';
import { checkIds, effectiveSeverities } from '../shared/change-catalog.js';
import { didYouMean } from '../util/did-you-mean.js';
import type { Finding } from '../report/finding.js';
import { formatGitHub } from '../report/github.js';
import { formatJUnit } from '../report/junit.js';
import { formatSarif } from '../report/sarif.js';
import { settingsFrom } from './settings.js';
import { print, toolVersion, usageError } from './output.js';
import type { Values } from './parse-options.js';

/** What one run compared: two versions of a spec, or (`--since`) every spec against itself at a revision. */
interface Compared {
  reports: SpecDiff[];
  /** With --since: the revision, the specs that did not exist then, and those that existed and are gone. */
  since?: { revision: string; added: string[]; removed: string[] };
}

/** Each change as a CI finding, and each spec removed since the revision as a failed one at its (old) path. */
const findings = ({ reports, since }: Compared): Finding[] => [
  ...reports.flatMap(diffFindings),
  ...(since?.removed ?? []).map((spec): Finding => ({
    suite: 'specsmith diff',
    name: `spec-removed ${spec}`,
    ruleId: 'spec-removed',
    level: 'error',
    failed: true,
    message: `${spec} existed at ${since!.revision} and is gone: its package is gone too`,
    file: spec,
  })),
];
const rules = () => [
  ...diffRules(),
  { id: 'spec-removed', description: 'a spec (and its package) was removed since the revision', level: 'error' as const },
];

const formats: Record<string, (compared: Compared) => string> = {
  text: ({ reports, since }) =>
    [
      ...reports.map(formatDiffText),
      ...(since?.added ?? []).map((spec) => `${spec}: new since ${since!.revision}, nothing to compare with\n`),
      ...(since?.removed ?? []).map((spec) => `error   ${spec}: removed since ${since!.revision} (its package is gone)\n`),
    ].join(since === undefined ? '' : '\n'),
  json: ({ reports, since }) =>
    `${JSON.stringify(
      since === undefined
        ? reports[0]
        : {
            since: since.revision,
            breaking: since.removed.length > 0 || reports.some((report) => report.breaking),
            specs: reports,
            added: since.added,
            removed: since.removed,
          },
      null,
      2,
    )}\n`,
  markdown: ({ reports, since }) => formatDiffMarkdown(reports, { added: since?.added ?? [], removed: since?.removed ?? [] }),
  junit: (compared) => formatJUnit(findings(compared), { name: 'specsmith diff' }),
  github: (compared) => formatGitHub(findings(compared)),
  sarif: (compared) => formatSarif(findings(compared), { tool: 'specsmith', version: toolVersion(), rules: rules() }),
};

const failLevels: Record<string, Severity[]> = { error: ['error'], warning: ['error', 'warning'], never: [] };

export async function runDiff(values: Values, positionals: string[]): Promise<number> {
  const format = typeof values.format === 'string' ? values.format : 'text';
  const failOn = typeof values['fail-on'] === 'string' ? values['fail-on'] : 'error';
  const since = typeof values.since === 'string' ? values.since : undefined;
  if (typeof values.explain === 'string') return explain(values.explain);
  if (since !== undefined && positionals.length > 0)
    return usageError('diff', '--since compares every spec of the settings: give no OLD NEW');
  if (since === undefined && positionals.length !== 2) return usageError('diff', 'needs two versions: OLD NEW (or --since REV)');
  if (formats[format] === undefined) return usageError('diff', `--format must be one of ${Object.keys(formats).join(', ')}`);
  if (failLevels[failOn] === undefined) return usageError('diff', '--fail-on must be error, warning or never');
  const settings = await settingsFrom(values);
  if (typeof settings === 'number') return settings;
  let compared: Compared;
  if (since === undefined) {
    const result = await diffSpecs({ old: positionals[0]!, new: positionals[1]!, severity: effectiveSeverities(settings.diff ?? {}) });
    if (!result.ok) return badInput(result.diagnostics, result.problem);
    printErrors(result.diagnostics);
    compared = { reports: [result] };
  } else {
    const result = await diffRepository({ since, config: settings });
    if (!result.ok) return badInput(result.diagnostics, result.problem);
    printErrors(result.diagnostics);
    compared = {
      reports: result.specs.map(({ diff }) => diff),
      since: { revision: since, added: result.added.map((job) => job.spec), removed: result.removed },
    };
  }
  process.stdout.write(formats[format]!(compared));
  const failing = failLevels[failOn]!;
  const removedFails = (compared.since?.removed.length ?? 0) > 0 && failing.includes('error');
  return removedFails || compared.reports.some((report) => report.changes.some((change) => failing.includes(change.severity))) ? 1 : 0;
}

function printErrors(diagnostics: Diagnostic[]): void {
  for (const diagnostic of diagnostics) if (diagnostic.severity === 'error') process.stderr.write(`${formatDiagnostic(diagnostic)}\n`);
}

function badInput(diagnostics: Diagnostic[], problem: string | undefined): number {
  for (const diagnostic of diagnostics) process.stderr.write(`${formatDiagnostic(diagnostic)}\n`);
  return print(process.stderr, problem === undefined ? 'a version has errors: nothing compared\n' : `${problem}\n`, 2);
}

function explain(id: string): number {
  const text = explainCheck(id);
  if (text !== undefined) return print(process.stdout, text, 0);
  return print(process.stderr, `specsmith diff: no check is named ${JSON.stringify(id)}.${didYouMean(id, checkIds)}\n`, 2);
}
