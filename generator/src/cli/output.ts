import { readFileSync } from 'node:fs';

/** Writes the text and hands back the exit code, so a command can `return print(…)`. */
export function print(stream: NodeJS.WriteStream, text: string, code: number): number {
  stream.write(text);
  return code;
}

/**
 * Bad usage: one line on stderr saying what is wrong and where the usage is, exit code 2. The full
 * usage is a `--help` away rather than printed after every slip.
 */
export function usageError(command: string, message: string): number {
  return print(process.stderr, `specsmith ${command}: ${message}; see specsmith ${command} --help\n`, 2);
}

export function toolVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}
