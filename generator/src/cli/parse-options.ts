import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closestName } from '../util/did-you-mean.js';

export type Options = NonNullable<ParseArgsConfig['options']>;
export type Values = Record<string, string | boolean | undefined>;

/**
 * A command's arguments read against its options, or what is wrong with them in one sentence. The
 * arguments are first read leniently, token by token, so that a mistyped option is named with the
 * option it most likely meant; Node's own messages are never shown (nor parsed).
 */
export function parseOptions(args: string[], options: Options): { values: Values; positionals: string[] } | string {
  const lenient = parseArgs({ args, options, allowPositionals: true, strict: false, tokens: true });
  for (const token of lenient.tokens) {
    if (token.kind !== 'option') continue;
    const problem = optionProblem(token, options);
    if (problem !== undefined) return problem;
  }
  try {
    const parsed = parseArgs({ args, options, allowPositionals: true });
    return { values: parsed.values as Values, positionals: parsed.positionals };
  } catch (error) {
    // Every case parseArgs refuses is named above; this keeps its word should a new one appear.
    return (error as Error).message.split('\n')[0] ?? 'cannot read the options';
  }
}

interface OptionToken {
  name: string;
  rawName: string;
  value?: string | undefined;
  inlineValue?: boolean | undefined;
}

function optionProblem(token: OptionToken, options: Options): string | undefined {
  const option = options[token.name];
  if (option === undefined) {
    // Two edits catch a swap of two letters (`--sepc`), the commonest slip at a keyboard.
    const closest = closestName(token.name, Object.keys(options), token.name.length <= 3 ? 1 : 2);
    return `unknown option ${token.rawName}${closest === undefined ? '' : ` (did you mean --${closest}?)`}`;
  }
  if (option.type === 'boolean') return token.value === undefined ? undefined : `${token.rawName} takes no value`;
  if (token.value === undefined) return `${token.rawName} needs a value`;
  // `--spec --out x`: the value looks like the next option (`--spec=-x` is how to mean it).
  if (token.inlineValue !== true && token.value.startsWith('-') && token.value !== '-')
    return `${token.rawName} needs a value, not ${token.value} (write ${token.rawName}=${token.value} if that is the value)`;
  return undefined;
}
