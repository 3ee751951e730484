import { createReadStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import { loadSpecValidator, type SpecValidator, type ValidateTarget } from '../validate/spec-validator.js';
import { print, usageError } from './output.js';
import { runFixtures } from './fixtures-command.js';
import type { Values } from './parse-options.js';

export async function runValidate(values: Values, positionals: string[]): Promise<number> {
  if (values.har !== undefined) return (await import('./har-command.js')).runHar(values, positionals);
  if (values.examples === true) return (await import('./examples-command.js')).runExamples(values, positionals);
  if (values.fixtures !== undefined) return runFixtures(values, positionals);
  if (values.format !== undefined) return usageError('validate', '--format goes with --fixtures, --har or --examples');
  const request = readRequest(values, positionals);
  if (typeof request === 'string') return usageError('validate', request);
  const loaded = await loadSpecValidator({
    spec: request.spec,
    target: request.target,
    ...(values['no-cache'] === true ? { cache: false as const } : {}),
  });
  for (const diagnostic of loaded.diagnostics) process.stderr.write(`${formatDiagnostic(diagnostic)}\n`);
  if (!loaded.ok) return print(process.stderr, loaded.problem === undefined ? '' : `${loaded.problem}\n`, 2);
  const input = request.input === '-' ? process.stdin : createReadStream(request.input);
  const source = request.input === '-' ? 'stdin' : request.input;
  try {
    return values.ndjson === true
      ? await validateLines(input, loaded.validator)
      : await validateDocument({ input, source, validator: loaded.validator, json: values.json === true });
  } catch (error) {
    return print(process.stderr, `cannot read ${source}: ${(error as Error).message}\n`, 2);
  }
}

function readRequest(values: Values, positionals: string[]): { spec: string; target: ValidateTarget; input: string } | string {
  const { spec, schema, operation, part } = values;
  if (typeof spec !== 'string') return 'needs --spec FILE';
  if (positionals.length !== 1) return 'needs exactly one input: a FILE, or - for standard input';
  const input = positionals[0] ?? '-';
  if (typeof schema === 'string' && operation === undefined && part === undefined) return { spec, target: { schema }, input };
  if (typeof operation === 'string' && typeof part === 'string' && schema === undefined)
    return { spec, target: { operation, part }, input };
  return 'name what to validate against: --schema NAME, or --operation ID with --part body|query|path|headers|response.<status>';
}

async function validateDocument({
  input,
  source,
  validator,
  json,
}: {
  input: NodeJS.ReadableStream;
  source: string;
  validator: SpecValidator;
  json: boolean;
}): Promise<number> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  let value: unknown;
  try {
    value = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (error) {
    return print(process.stderr, `${source} is not JSON: ${(error as Error).message}\n`, 2);
  }
  const issues = validator.check(value);
  if (json)
    return print(
      process.stdout,
      `${JSON.stringify({ valid: issues === undefined, issues: issues ?? [] }, null, 2)}\n`,
      issues === undefined ? 0 : 1,
    );
  if (issues === undefined) return print(process.stdout, `${source}: a valid ${validator.name}\n`, 0);
  const lines = issues.map((issue) => `${source}: ${issue.message}\n`).join('');
  return print(
    process.stdout,
    `${lines}${source}: not a valid ${validator.name} (${issues.length} issue${issues.length === 1 ? '' : 's'})\n`,
    1,
  );
}

/** One JSON value a line in, one result line out, in constant memory (writes wait when stdout is full). */
async function validateLines(input: NodeJS.ReadableStream, validator: SpecValidator): Promise<number> {
  let failed = false;
  let number = 0;
  // Results go out in blocks: a write a line was a system call a line, half the time of a run. A block is
  // also written once the lines read so far are done (the next turn of the event loop), so a slow producer
  // (`tail -f`) sees each result as its line comes; at 64 kB the loop waits for the output to drain.
  let pending = '';
  let scheduled = false;
  const writeSoon = () => {
    scheduled = false;
    if (pending === '' || process.stdout.writableNeedDrain) return;
    process.stdout.write(pending);
    pending = '';
  };
  const flush = async () => {
    const block = pending;
    pending = '';
    if (!process.stdout.write(block)) await once(process.stdout, 'drain');
  };
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    number += 1;
    if (line.trim() === '') continue;
    let result: Record<string, unknown>;
    try {
      const issues = validator.check(JSON.parse(line));
      result = issues === undefined ? { line: number, valid: true } : { line: number, valid: false, issues };
    } catch (error) {
      result = { line: number, valid: false, error: `not JSON: ${(error as Error).message}` };
    }
    if (result.valid !== true) failed = true;
    pending += `${JSON.stringify(result)}\n`;
    if (pending.length >= 1 << 16) await flush();
    else if (!scheduled) {
      scheduled = true;
      setImmediate(writeSoon);
    }
  }
  if (pending !== '') await flush();
  return failed ? 1 : 0;
}
