import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { usage } from './usage.js';

type Values = Record<string, string | boolean | undefined>;

/** A command: its options, and its body, loaded only when the command runs (the CLI starts fast). */
interface Command {
  options: NonNullable<ParseArgsConfig['options']>;
  usage: () => Promise<string>;
  run: (values: Values, positionals: string[]) => Promise<number>;
}

/** What says which packages to generate and how: `check` takes the same, so it compares like with like. */
const packageOptions: Command['options'] = {
  config: { type: 'string' },
  spec: { type: 'string' },
  out: { type: 'string' },
  name: { type: 'string' },
  root: { type: 'string' },
  format: { type: 'string' },
  progress: { type: 'string' },
  validators: { type: 'string' },
  commonjs: { type: 'string' },
  json: { type: 'boolean' },
};

const commands: Record<string, Command> = {
  generate: {
    options: packageOptions,
    usage: async () => (await import('./usage.js')).generateUsage,
    run: async (values, positionals) => (await import('./generate-command.js')).runGenerate(values, positionals),
  },
  check: {
    options: packageOptions,
    usage: async () => (await import('./usage.js')).checkUsage,
    run: async (values, positionals) => (await import('./check-command.js')).runCheck(values, positionals),
  },
  diff: {
    options: { format: { type: 'string' }, 'fail-on': { type: 'string' }, config: { type: 'string' } },
    usage: async () => (await import('./usage.js')).diffUsage,
    run: async (values, positionals) => (await import('./diff-command.js')).runDiff(values, positionals),
  },
  version: {
    options: { ...packageOptions, since: { type: 'string' } },
    usage: async () => (await import('./usage.js')).versionUsage,
    run: async (values, positionals) => (await import('./version-command.js')).runVersion(values, positionals),
  },
  validate: {
    options: {
      spec: { type: 'string' },
      schema: { type: 'string' },
      operation: { type: 'string' },
      part: { type: 'string' },
      json: { type: 'boolean' },
      ndjson: { type: 'boolean' },
      'no-cache': { type: 'boolean' },
      fixtures: { type: 'string' },
      format: { type: 'string' },
    },
    usage: async () => (await import('./usage.js')).validateUsage,
    run: async (values, positionals) => (await import('./validate-command.js')).runValidate(values, positionals),
  },
  mock: {
    options: { spec: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } },
    usage: async () => (await import('./usage.js')).mockUsage,
    run: async (values, positionals) => (await import('./mock-command.js')).runMock(values, positionals),
  },
  'docs-check': {
    options: { specs: { type: 'string' }, root: { type: 'string' }, json: { type: 'boolean' } },
    usage: async () => (await import('./usage.js')).docsCheckUsage,
    run: async (values, positionals) => (await import('./docs-check-command.js')).runDocsCheck(values, positionals),
  },
};

/** Runs the command line and returns the exit code; never calls process.exit. */
export async function runCli(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '--help' || first === '-h') return print(process.stdout, usage, 0);
  if (first === '--version') return print(process.stdout, `${toolVersion()}\n`, 0);
  const command = first === undefined ? undefined : commands[first];
  if (command === undefined) {
    return print(process.stderr, `${first === undefined ? 'missing command' : `unknown command: ${first}`}\n\n${usage}`, 2);
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, allowPositionals: true, options: { ...command.options, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    return print(process.stderr, `${(error as Error).message}\n\n${await command.usage()}`, 2);
  }
  if (parsed.values.help === true) return print(process.stdout, await command.usage(), 0);
  return command.run(parsed.values, parsed.positionals);
}

export function print(stream: NodeJS.WriteStream, text: string, code: number): number {
  stream.write(text);
  return code;
}

export function toolVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}
