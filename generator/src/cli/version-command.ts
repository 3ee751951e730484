import { resolveConfig } from '../config/config.js';
import { noSpecsDiagnostic } from '../config/discover.js';
import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import { versionPackages } from '../release/version-packages.js';
import { userConfigFrom, type Values } from './settings.js';
import { print, usageError } from './output.js';

export async function runVersion(values: Values, positionals: string[]): Promise<number> {
  if (typeof values.since !== 'string') return usageError('version', 'needs --since REV');
  const { since, ...rest } = values;
  const config = await userConfigFrom(rest, positionals, 'version');
  if (typeof config === 'number') return config;
  const result = await versionPackages({ since, config });
  for (const diagnostic of result.diagnostics)
    if (diagnostic.severity === 'error') process.stderr.write(`${formatDiagnostic(diagnostic)}\n`);
  if (!result.ok) return print(process.stderr, `${result.problem ?? 'a spec has errors: no version changed'}\n`, 2);
  // As for generate and check: a release step that finds no package must not pass.
  if (result.packages.length === 0) return print(process.stderr, `${formatDiagnostic(noSpecsDiagnostic(resolveConfig(config)))}\n`, 2);
  if (values.json === true) return print(process.stdout, `${JSON.stringify(result.packages, null, 2)}\n`, 0);
  const lines = result.packages.map((pack) =>
    pack.new
      ? `${pack.job.out}: new since ${since}, stays ${pack.to}`
      : pack.bump === 'none'
        ? `${pack.job.out}: no changes since ${since}, stays ${pack.to}`
        : `${pack.job.out}: ${pack.from} -> ${pack.to} (${pack.bump}, ${pack.changes.length} change(s), CHANGELOG.md updated)`,
  );
  return print(process.stdout, `${lines.join('\n')}\n`, 0);
}
