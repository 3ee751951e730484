import { check, type CheckResult } from '../drift/check-packages.js';
import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import { userConfigFrom, type Values } from './settings.js';

/**
 * Exit 0 when every package matches its spec, 1 when a file is stale, missing or extra, 2 on a spec with
 * errors or no spec at all.
 */
export async function runCheck(values: Values, positionals: string[]): Promise<number> {
  const config = await userConfigFrom(values, positionals, 'check');
  if (typeof config === 'number') return config;
  const result = await check(config);
  if (values.json === true) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else (result.ok ? process.stdout : process.stderr).write(report(result));
  for (const diagnostic of result.diagnostics)
    if (diagnostic.severity === 'error') process.stderr.write(`${formatDiagnostic(diagnostic)}\n`);
  if (result.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) return 2;
  return result.ok ? 0 : 1;
}

function report(result: CheckResult): string {
  // No package: the diagnostics (specs-not-found) say it all.
  if (result.packages.length === 0) return '';
  const lines: string[] = [];
  for (const pack of result.packages) {
    if (!pack.generated) lines.push(`${pack.job.spec}: has errors, ${pack.job.out} not checked`);
    for (const file of pack.files) {
      lines.push(`${file.status} ${joinPath(pack.job.out, file.path)}`);
      if (file.diff !== undefined) lines.push(...file.diff.split('\n').map((line) => `  ${line}`));
    }
  }
  const changed = result.packages.reduce((count, pack) => count + pack.files.length, 0);
  lines.push(
    changed === 0 && result.ok
      ? `${result.packages.length} package(s) match their specs`
      : `${changed} file(s) differ from what the specs produce now: run specsmith generate and commit the result`,
  );
  return `${lines.join('\n')}\n`;
}

const joinPath = (folder: string, file: string) =>
  `${folder
    .replace(/[\\/]+$/, '')
    .split('\\')
    .join('/')}/${file}`;
