import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import { formatGitHub } from '../report/github.js';
import { formatJUnit } from '../report/junit.js';
import { formatSarif } from '../report/sarif.js';
import type { HarEntryResult } from '../traffic/check-har.js';
import { formatHarText, harFindings, harRules } from '../traffic/format-har.js';
import { print, toolVersion, usageError } from './output.js';
import type { Values } from './parse-options.js';

const formats: Record<string, (file: string, results: HarEntryResult[]) => string> = {
  text: formatHarText,
  json: (file, results) => `${JSON.stringify({ file, results }, null, 2)}\n`,
  junit: (file, results) => formatJUnit(harFindings(file, results), { name: 'specsmith har' }),
  github: (file, results) => formatGitHub(harFindings(file, results)),
  sarif: (file, results) => formatSarif(harFindings(file, results), { tool: 'specsmith', version: toolVersion(), rules: harRules }),
};

/** `validate --har FILE`: exit 0 when every matched entry is valid both ways, 1 when one is not, 2 on bad input. */
export async function runHar(values: Values, positionals: string[]): Promise<number> {
  const format = typeof values.format === 'string' ? values.format : 'text';
  const write = formats[format];
  if (typeof values.spec !== 'string') return usageError('validate', 'needs --spec FILE');
  if (typeof values.har !== 'string') return usageError('validate', '--har needs a file');
  if (positionals.length > 0 || values.schema !== undefined || values.operation !== undefined || values.fixtures !== undefined)
    return usageError('validate', '--har takes no INPUT, --schema, --operation or --fixtures (use --format)');
  if (write === undefined) return usageError('validate', `--format must be one of ${Object.keys(formats).join(', ')}`);
  const { checkHar } = await import('../traffic/check-har.js');
  const result = await checkHar({ spec: values.spec, file: values.har });
  for (const diagnostic of result.diagnostics)
    if (diagnostic.severity === 'error') process.stderr.write(`${formatDiagnostic(diagnostic)}\n`);
  if (!result.ran) return print(process.stderr, `${result.problem ?? 'the spec has errors: no entry checked'}\n`, 2);
  process.stdout.write(write(result.file, result.results));
  return result.ok ? 0 : 1;
}
