import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import { generate } from '../generate.js';
import type { UserConfig } from '../config.js';

const usage = `specsmith: OpenAPI 3.0/3.1 to TypeScript packages

Usage:
  specsmith generate                      every spec under specs/ into generated/
  specsmith generate --spec FILE --out DIR [--name PKG]
  specsmith --help | --version

Options for generate:
  --spec FILE        OpenAPI document (YAML or JSON); its relative $refs are followed
  --out DIR          package folder to write (replaced as a whole, only on success)
  --name PKG         npm package name (default: @specsmith/<name of DIR>)
  --root DIR         folder paths are taken from and shown relative to (default: .)
  --format MODE      auto | prettier | none (default: auto: prettier below 1 MB a file)
  --progress MODE    auto | always | never (default: auto: only when stderr is a terminal)
  --json             print the result (files, diagnostics) as JSON on stdout

Exit codes: 0 success, 1 internal error, 2 bad usage or a spec with errors (nothing written for it).
`;

/** Runs the command line and returns the exit code; never calls process.exit. */
export async function runCli(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
        spec: { type: 'string' },
        out: { type: 'string' },
        name: { type: 'string' },
        root: { type: 'string' },
        format: { type: 'string' },
        progress: { type: 'string' },
        json: { type: 'boolean' },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    process.stdout.write(usage);
    return 0;
  }
  if (values.version === true) {
    process.stdout.write(`${toolVersion()}\n`);
    return 0;
  }
  const [command, ...rest] = positionals;
  if (command !== 'generate' || rest.length > 0) {
    process.stderr.write(
      `${command === undefined ? 'missing command' : `unknown command or argument: ${[command, ...rest].join(' ')}`}\n\n${usage}`,
    );
    return 2;
  }
  const config = configFrom(values);
  if (typeof config === 'string') {
    process.stderr.write(`${config}\n\n${usage}`);
    return 2;
  }
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

function configFrom(values: Record<string, string | boolean | undefined>): UserConfig | string {
  const config: UserConfig = {};
  if (typeof values.root === 'string') config.root = values.root;
  if (values.format !== undefined) {
    if (values.format !== 'prettier' && values.format !== 'none' && values.format !== 'auto')
      return `--format must be auto, prettier or none, not ${String(values.format)}`;
    config.format = values.format;
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

function toolVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}
