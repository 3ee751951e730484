import type { Finding, Rule } from '../report/finding.js';
import type { ExampleResult } from './check-examples.js';

export const exampleRules: Rule[] = [
  { id: 'example-invalid', description: 'a documented example fails the schema it illustrates', level: 'error' },
];

const title = (result: ExampleResult) => `${result.target}${result.name === undefined ? '' : ` example ${JSON.stringify(result.name)}`}`;
const where = (spec: string, result: ExampleResult) =>
  result.line > 0 ? `${result.file ?? spec}:${result.line}:${result.column}` : `${spec}#${result.pointer}`;

/** Each example as a CI finding, failed when it fails its schema, at its line in the spec. */
export function exampleFindings(spec: string, results: ExampleResult[]): Finding[] {
  return results.map((result) => ({
    suite: `specsmith examples ${spec}`,
    name: title(result),
    ruleId: result.issues.length > 0 ? 'example-invalid' : 'example-valid',
    level: result.issues.length > 0 ? 'error' : 'note',
    failed: result.issues.length > 0,
    message: result.issues.length > 0 ? result.issues.map((issue) => issue.message).join('\n') : 'valid',
    file: result.file ?? spec,
    ...(result.line > 0 ? { line: result.line, column: result.column } : {}),
  }));
}

export function formatExamplesText(spec: string, results: ExampleResult[]): string {
  const lines: string[] = [];
  for (const result of results.filter((entry) => entry.issues.length > 0)) {
    lines.push(`${where(spec, result)}: ${title(result)} fails its schema:`);
    for (const issue of result.issues) lines.push(`  ${issue.message}`);
  }
  const invalid = results.filter((result) => result.issues.length > 0).length;
  lines.push(`${results.length} example(s): ${results.length - invalid} valid, ${invalid} failing their schema`);
  return `${lines.join('\n')}\n`;
}
