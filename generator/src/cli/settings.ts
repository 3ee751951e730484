import { existsSync } from 'node:fs';
import { defaultConfigFile, readConfigFile } from '../config/config-file.js';
import { resolveConfig, type UserConfig } from '../config/config.js';
import { scopedName } from '../config/package-scope.js';
import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import { print, usageError } from './output.js';
import type { Values } from './parse-options.js';

export type { Values } from './parse-options.js';

/** `--spec` and `--out`, and `--name` when given. */
interface FlagJob {
  spec: string;
  out: string;
  name: string | undefined;
}

/**
 * The settings of a run: the settings file (`--config`, else specsmith.config.json when present) with the
 * flags over it. A problem is printed and its exit code (2) returned.
 */
export async function userConfigFrom(values: Values, positionals: string[], command: string): Promise<UserConfig | number> {
  if (positionals.length > 0) return usageError(command, `unexpected argument ${positionals.join(' ')}`);
  const flags = configFrom(values);
  if (typeof flags === 'string') return usageError(command, flags);
  const fromFile = await settingsFrom(values);
  if (typeof fromFile === 'number') return fromFile;
  const { job, ...config } = flags;
  const merged: UserConfig = { ...fromFile, ...config };
  if (job === undefined) return merged;
  // Without --name the package takes the run's scope (settings, else the root's package.json): never ours.
  const name = job.name ?? scopedName(resolveConfig(merged).scope, folderName(job.out));
  return { ...merged, jobs: [{ spec: job.spec, out: job.out, name }] };
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

function configFrom(values: Values): (UserConfig & { job?: FlagJob }) | string {
  const config: UserConfig & { job?: FlagJob } = {};
  if (typeof values.root === 'string') config.root = values.root;
  const modes = modesFrom(values, config);
  if (modes !== undefined) return modes;
  const { spec, out, name } = values;
  if (spec === undefined && out === undefined && name === undefined) return config;
  if (typeof spec !== 'string' || typeof out !== 'string') return '--spec and --out go together (and --name needs both)';
  config.job = { spec, out, name: typeof name === 'string' ? name : undefined };
  return config;
}

/** The mode flags into `config`; what is wrong with one, if anything. */
function modesFrom(values: Values, config: UserConfig): string | undefined {
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
  return undefined;
}

/** The package name a folder gives: its last segment, lower-cased (npm names have no capitals). */
function folderName(out: string): string {
  const segments = out.replace(/[\\/]+$/, '').split(/[\\/]/);
  return (segments.pop() || 'api').toLowerCase();
}
