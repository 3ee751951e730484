import { docsCheck } from '../docs-check/run-docs-check.js';
import { formatDocsCheckReport } from '../docs-check/report.js';
import { usageError } from './output.js';
import type { Values } from './parse-options.js';

export async function runDocsCheck(values: Values, positionals: string[]): Promise<number> {
  if (positionals.length > 1) return usageError('docs-check', `unexpected argument ${positionals.slice(1).join(' ')}`);
  const docsDir = positionals[0] ?? process.env.SPECSMITH_DOCS_DIR;
  if (docsDir === undefined || docsDir === '') {
    return usageError('docs-check', 'name the folder of doc pages (or set SPECSMITH_DOCS_DIR)');
  }
  const result = await docsCheck({
    docsDir,
    ...(typeof values.specs === 'string' ? { specsDir: values.specs } : {}),
    ...(typeof values.root === 'string' ? { root: values.root } : {}),
  });
  if (values.json === true) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else (result.ok ? process.stdout : process.stderr).write(formatDocsCheckReport(result));
  if (result.ok) return 0;
  return result.diagnostics.some((diagnostic) => diagnostic.severity === 'error') ? 2 : 1;
}
