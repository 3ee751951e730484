import type { Finding, Rule } from '../report/finding.js';
import type { FixtureResult } from './fixtures.js';

/** Why a fixture failed the build, as a rule id CI systems group by. */
function ruleOf(result: FixtureResult): string {
  if (result.outcome === 'no-target') return 'fixture-target-unknown';
  if (result.outcome === 'unreadable') return 'fixture-not-json';
  if (!result.surprise) return 'fixture-as-expected';
  return result.expected === 'valid' ? 'fixture-refused' : 'fixture-accepted';
}

export const fixtureRules: Rule[] = [
  { id: 'fixture-refused', description: 'a fixture expected to be valid is refused by the spec', level: 'error' },
  { id: 'fixture-accepted', description: 'a fixture named *.invalid.json is accepted by the spec', level: 'error' },
  { id: 'fixture-not-json', description: 'a fixture file is not JSON', level: 'error' },
  { id: 'fixture-target-unknown', description: 'a fixture folder names no operation, part or schema of the spec', level: 'error' },
];

function messageOf(result: FixtureResult): string {
  if (result.problem !== undefined) return result.problem;
  if (result.outcome === 'valid')
    return result.expected === 'valid' ? `a valid ${result.target}` : `expected to be refused as ${result.target}, but it is valid`;
  const issues = result.issues.map((issue) => issue.message).join('\n');
  return result.expected === 'invalid' ? `refused as expected:\n${issues}` : `not a valid ${result.target}:\n${issues}`;
}

/** Each fixture file as a CI finding: failed when it surprised, at the line of its first issue. */
export function fixtureFindings(results: FixtureResult[]): Finding[] {
  return results.map((result) => ({
    suite: result.target,
    name: result.file,
    ruleId: ruleOf(result),
    level: result.surprise ? 'error' : 'note',
    failed: result.surprise,
    message: messageOf(result),
    file: result.file,
    ...(result.line > 0 ? { line: result.line, column: result.column } : {}),
  }));
}

/** Surprises with their issues, each at `file:line:column`, then a count. */
export function formatFixturesText(results: FixtureResult[]): string {
  const lines: string[] = [];
  for (const result of results.filter((entry) => entry.surprise)) {
    if (result.outcome === 'invalid') {
      lines.push(`${result.file}: expected a valid ${result.target}, but:`);
      for (const issue of result.issues) lines.push(`  ${result.file}:${issue.line}:${issue.column}: ${issue.message}`);
    } else {
      const where = result.line > 0 ? `${result.file}:${result.line}:${result.column}` : result.file;
      lines.push(`${where}: ${messageOf(result)}`);
    }
  }
  const surprises = results.filter((result) => result.surprise).length;
  lines.push(`${results.length} fixture(s): ${results.length - surprises} as expected, ${surprises} surprise(s)`);
  return `${lines.join('\n')}\n`;
}
