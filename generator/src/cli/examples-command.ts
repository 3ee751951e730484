import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import { formatGitHub } from '../report/github.js';
import { formatJUnit } from '../report/junit.js';
import { formatSarif } from '../report/sarif.js';
import type { ExampleResult } from '../traffic/check-examples.js';
import { exampleFindings, exampleRules, formatExamplesText } from '../traffic/format-examples.js';
import { print, toolVersion, usageError } from './output.js';
import type { Values } from './parse-options.js';

const formats: Record<string, (spec: string, results: ExampleResult[]) => string> = {
  text: formatExamplesText,
  json: (spec, results) => `${JSON.stringify({ spec, results }, null, 2)}\n`,
  junit: (spec, results) => formatJUnit(exampleFindings(spec, results), { name: 'specsmith examples' }),
  github: (spec, results) => formatGitHub(exampleFindings(spec, results)),
  sarif: (spec, results) => formatSarif(exampleFindings(spec, results), { tool: 'specsmith', version: toolVersion(), rules: exampleRules }),
};

/** `validate --examples`: exit 0 when every documented example fits its schema, 1 when one does not, 2 on bad input. */
export async function runExamples(values: Values, positionals: string[]): Promise<number> {
  const format = typeof values.format === 'string' ? values.format : 'text';
  const write = formats[format];
  if (typeof values.spec !== 'string') return usageError('validate', 'needs --spec FILE');
  if (positionals.length > 0 || values.schema !== undefined || values.operation !== undefined || values.fixtures !== undefined)
    return usageError('validate', '--examples takes no INPUT, --schema, --operation or --fixtures (use --format)');
  if (write === undefined) return usageError('validate', `--format must be one of ${Object.keys(formats).join(', ')}`);
  const { loadTrafficSpec } = await import('../traffic/load-spec.js');
  const { checkExamples } = await import('../traffic/check-examples.js');
  const loaded = await loadTrafficSpec({ spec: values.spec, root: process.cwd() });
  for (const diagnostic of loaded.diagnostics)
    if (diagnostic.severity === 'error') process.stderr.write(`${formatDiagnostic(diagnostic)}\n`);
  if (loaded.spec === undefined) return print(process.stderr, 'the spec has errors: no example checked\n', 2);
  const results = await checkExamples(loaded.spec);
  process.stdout.write(write(values.spec, results));
  return results.some((result) => result.issues.length > 0) ? 1 : 0;
}
