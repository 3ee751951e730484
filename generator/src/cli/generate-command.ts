import { existsSync } from 'node:fs';
import { defaultConfigFile, readConfigFile } from '../config-file.js';
import type { UserConfig } from '../config.js';
import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import { generate } from '../generate.js';
import { print } from './run-cli.js';
import { generateUsage } from './usage.js';

type Values = Record<string, string | boolean | undefined>;

export async function runGenerate(values: Values, positionals: string[]): Promise<number> {
  const config = await userConfigFrom(values, positionals, generateUsage);
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
  if (result.packages.length === 0) process.stderr.write('no spec found: nothing to generate\n');
  return result.ok ? 0 : 2;
}

/**
 * The settings of a run: the settings file (`--config`, else specsmith.config.json when present) with the
 * flags over it. A problem is printed and its exit code (2) returned.
 */
export async function userConfigFrom(values: Values, positionals: string[], usage: string): Promise<UserConfig | number> {
  if (positionals.length > 0) return print(process.stderr, `unexpected argument: ${positionals.join(' ')}\n\n${usage}`, 2);
  const flags = configFrom(values);
  if (typeof flags === 'string') return print(process.stderr, `${flags}\n\n${usage}`, 2);
  const fromFile = await settingsFrom(values);
  return typeof fromFile === 'number' ? fromFile : { ...fromFile, ...flags };
}

/**
 * The settings file alone: `--config`, else specsmith.config.json when present, else none. A file with
 * problems is printed and its exit code (2) returned.
 */
export async function settingsFrom(values: Values): Promise<UserConfig | number> {
  const configFile = typeof values.config === 'string' ? values.config : existsSync(defaultConfigFile) ? defaultConfigFile : undefined;
  const fromFile = configFile === undefined ? { config: {}, diagnostics: [] } : await readConfigFile(configFile);
  if (fromFile.config !== undefined) return fromFile.config;
  return print(process.stderr, fromFile.diagnostics.map((diagnostic) => `${formatDiagnostic(diagnostic)}\n`).join(''), 2);
}

function configFrom(values: Values): UserConfig | string {
  const config: UserConfig = {};
  if (typeof values.root === 'string') config.root = values.root;
  if (values.format !== undefined) {
    if (values.format !== 'prettier' && values.format !== 'none' && values.format !== 'auto')
      return `--format must be auto, prettier or none, not ${String(values.format)}`;
    config.format = values.format;
  }
  if (values.validators !== undefined) {
    if (values.validators !== 'all' && values.validators !== 'none') return `--validators must be all or none`;
    config.validators = values.validators;
  }
  if (values.commonjs !== undefined) {
    if (values.commonjs !== 'copy' && values.commonjs !== 'require-esm') return `--commonjs must be copy or require-esm`;
    config.commonjs = values.commonjs;
  }
  if (values.progress !== undefined) {
    if (values.progress !== 'auto' && values.progress !== 'always' && values.progress !== 'never')
      return `--progress must be auto, always or never`;
    config.progress = values.progress;
  }
  const { spec, out, name } = values;
  if (spec === undefined && out === undefined && name === undefined) return config;
  if (typeof spec !== 'string' || typeof out !== 'string') return '--spec and --out go together';
  const folder =
    out
      .replace(/[\\/]+$/, '')
      .split(/[\\/]/)
      .pop() ?? 'api';
  config.jobs = [{ spec, out, name: typeof name === 'string' ? name : `@specsmith/${folder.toLowerCase()}` }];
  return config;
}
