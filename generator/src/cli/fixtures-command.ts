import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import { formatGitHub } from '../report/github.js';
import { formatJUnit } from '../report/junit.js';
import { formatSarif } from '../report/sarif.js';
import type { FixtureResult } from '../validate/fixtures.js';
import { print, toolVersion } from './run-cli.js';
import { validateUsage } from './usage.js';

type Values = Record<string, string | boolean | undefined>;

const formats: Record<string, (results: FixtureResult[]) => Promise<string>> = {
  text: async (results) => (await import('../validate/format-fixtures.js')).formatFixturesText(results),
  json: async (results) => `${JSON.stringify(results, null, 2)}\n`,
  junit: async (results) =>
    formatJUnit((await import('../validate/format-fixtures.js')).fixtureFindings(results), { name: 'specsmith fixtures' }),
  github: async (results) => formatGitHub((await import('../validate/format-fixtures.js')).fixtureFindings(results)),
  sarif: async (results) => {
    const { fixtureFindings, fixtureRules } = await import('../validate/format-fixtures.js');
    return formatSarif(fixtureFindings(results), { tool: 'specsmith', version: toolVersion(), rules: fixtureRules });
  },
};

/** `validate --fixtures DIR`: exit 0 when every fixture is as expected, 1 on any surprise, 2 on bad input. */
export async function runFixtures(values: Values, positionals: string[]): Promise<number> {
  const format = typeof values.format === 'string' ? values.format : 'text';
  const write = formats[format];
  if (typeof values.spec !== 'string') return print(process.stderr, `validate needs --spec FILE\n\n${validateUsage}`, 2);
  if (typeof values.fixtures !== 'string') return print(process.stderr, `--fixtures needs a folder\n\n${validateUsage}`, 2);
  if (
    positionals.length > 0 ||
    values.schema !== undefined ||
    values.operation !== undefined ||
    values.json !== undefined ||
    values.ndjson !== undefined
  )
    return print(
      process.stderr,
      `--fixtures takes no INPUT, --schema, --operation, --json or --ndjson (use --format)\n\n${validateUsage}`,
      2,
    );
  if (write === undefined)
    return print(process.stderr, `--format must be one of ${Object.keys(formats).join(', ')}\n\n${validateUsage}`, 2);
  const { checkFixtures } = await import('../validate/fixtures.js');
  const result = await checkFixtures({ spec: values.spec, dir: values.fixtures });
  for (const diagnostic of result.diagnostics)
    if (diagnostic.severity === 'error') process.stderr.write(`${formatDiagnostic(diagnostic)}\n`);
  if (!result.ok) return print(process.stderr, `${result.problem ?? 'the spec has errors: no fixture checked'}\n`, 2);
  process.stdout.write(await write(result.results));
  return result.results.some((entry) => entry.surprise) ? 1 : 0;
}
