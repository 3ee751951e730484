import { closestName } from '../util/did-you-mean.js';
import { print, toolVersion, usageError } from './output.js';
import { parseOptions, type Options, type Values } from './parse-options.js';
import { overview } from './usage.js';

/** A command: its options, and its body, loaded only when the command runs (the CLI starts fast). */
interface Command {
  options: Options;
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
    options: {
      format: { type: 'string' },
      'fail-on': { type: 'string' },
      config: { type: 'string' },
      explain: { type: 'string' },
      since: { type: 'string' },
    },
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
      har: { type: 'string' },
      examples: { type: 'boolean' },
      format: { type: 'string' },
    },
    usage: async () => (await import('./usage.js')).validateUsage,
    run: async (values, positionals) => (await import('./validate-command.js')).runValidate(values, positionals),
  },
  mock: {
    options: {
      spec: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'no-auth': { type: 'boolean' },
      cors: { type: 'string' },
      stateful: { type: 'boolean' },
      seed: { type: 'string' },
      'send-webhook': { type: 'string' },
      to: { type: 'string' },
      example: { type: 'string' },
      'signing-key': { type: 'string' },
      token: { type: 'string' },
      basic: { type: 'string' },
      'api-key': { type: 'string' },
    },
    usage: async () => (await import('./usage.js')).mockUsage,
    run: async (values, positionals) => (await import('./mock-command.js')).runMock(values, positionals),
  },
  proxy: {
    options: {
      spec: { type: 'string' },
      target: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      errors: { type: 'string' },
      report: { type: 'string' },
      format: { type: 'string' },
    },
    usage: async () => (await import('./usage.js')).proxyUsage,
    run: async (values, positionals) => (await import('./proxy-command.js')).runProxy(values, positionals),
  },
  'docs-check': {
    options: { specs: { type: 'string' }, root: { type: 'string' }, json: { type: 'boolean' } },
    usage: async () => (await import('./usage.js')).docsCheckUsage,
    run: async (values, positionals) => (await import('./docs-check-command.js')).runDocsCheck(values, positionals),
  },
};

/**
 * Runs the command line and returns the exit code; never calls process.exit. `--help` prints the
 * overview, `COMMAND --help` the command's usage; a slip gets one line that says what to type.
 */
export async function runCli(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) return print(process.stderr, overview, 2);
  if (first === '--help' || first === '-h') return print(process.stdout, overview, 0);
  if (first === '--version') return print(process.stdout, `${toolVersion()}\n`, 0);
  const command = commands[first];
  if (command === undefined) return print(process.stderr, `specsmith: ${notACommand(first)}; run specsmith --help\n`, 2);
  const wantsHelp = rest.includes('--help') || rest.includes('-h');
  const parsed = parseOptions(rest, { ...command.options, help: { type: 'boolean', short: 'h' } });
  if (wantsHelp || (typeof parsed !== 'string' && parsed.values.help === true)) return print(process.stdout, await command.usage(), 0);
  if (typeof parsed === 'string') return usageError(first, parsed);
  return command.run(parsed.values, parsed.positionals);
}

function notACommand(word: string): string {
  if (word.startsWith('-')) return `unknown option ${word}: the command comes first (specsmith COMMAND [options])`;
  const closest = closestName(word, Object.keys(commands), 2);
  return `unknown command ${word}${closest === undefined ? '' : ` (did you mean ${closest}?)`}`;
}
