import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import { generate } from '../generate.js';
import { userConfigFrom, type Values } from './settings.js';

/** Exit 0 when every package is written, 2 on a spec with errors or no spec at all. */
export async function runGenerate(values: Values, positionals: string[]): Promise<number> {
  const config = await userConfigFrom(values, positionals, 'generate');
  if (typeof config === 'number') return config;
  const result = await generate(config);
  if (values.json === true) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  for (const diagnostic of result.diagnostics) process.stderr.write(`${formatDiagnostic(diagnostic)}\n`);
  for (const pack of result.packages) {
    const status = pack.ok
      ? `wrote ${pack.job.out} (${pack.job.name})`
      : `refused ${pack.job.spec}: ${pack.diagnostics.filter((d) => d.severity === 'error').length} error(s), ${pack.job.out} left as it was`;
    if (values.json !== true) (pack.ok ? process.stdout : process.stderr).write(`${status}\n`);
  }
  return result.ok ? 0 : 2;
}
