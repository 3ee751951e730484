import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import { formatGitHub } from '../report/github.js';
import { formatJUnit } from '../report/junit.js';
import { formatSarif } from '../report/sarif.js';
import type { FixtureResult } from '../validate/fixtures.js';
import { print, toolVersion, usageError } from './output.js';
import type { Values } from './parse-options.js';

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
  if (typeof values.spec !== 'string') return usageError('validate', 'needs --spec FILE');
  if (typeof values.fixtures !== 'string') return usageError('validate', '--fixtures needs a folder');
  if (
    positionals.length > 0 ||
    values.schema !== undefined ||
    values.operation !== undefined ||
    values.json !== undefined ||
    values.ndjson !== undefined
  )
    return usageError('validate', '--fixtures takes no INPUT, --schema, --operation, --json or --ndjson (use --format)');
  if (write === undefined) return usageError('validate', `--format must be one of ${Object.keys(formats).join(', ')}`);
  const { checkFixtures } = await import('../validate/fixtures.js');
  const result = await checkFixtures({ spec: values.spec, dir: values.fixtures });
  for (const diagnostic of result.diagnostics)
    if (diagnostic.severity === 'error') process.stderr.write(`${formatDiagnostic(diagnostic)}\n`);
  if (!result.ran) return print(process.stderr, `${result.problem ?? 'the spec has errors: no fixture checked'}\n`, 2);
  process.stdout.write(await write(result.results));
  return result.ok ? 0 : 1;
}
