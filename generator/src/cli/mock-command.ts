import { readFile } from 'node:fs/promises';
import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import { loadTrafficSpec } from '../traffic/load-spec.js';
import { startMockServer } from '../mock/mock-server.js';
import { SendWebhookError, sendWebhook, shownUrl } from '../mock/send-webhook.js';
import { print, usageError } from './output.js';
import { untilStopped } from './until-stopped.js';
import type { Values } from './parse-options.js';

/**
 * Serves the spec until SIGINT, SIGTERM or SIGHUP (or its parent is gone), then closes the server and
 * resolves with 0; with --send-webhook, sends one webhook to --to instead.
 */
export async function runMock(values: Values, positionals: string[]): Promise<number> {
  if (typeof values.spec !== 'string') return usageError('mock', 'needs --spec FILE');
  if (positionals.length > 0) return usageError('mock', `unexpected argument ${positionals.join(' ')}`);
  if (typeof values['send-webhook'] === 'string') return runSendWebhook(values, values.spec, values['send-webhook']);
  for (const option of ['to', 'example', 'signing-key', 'token', 'basic', 'api-key'])
    if (values[option] !== undefined) return usageError('mock', `--${option} goes with --send-webhook NAME`);
  const port = values.port === undefined ? 4010 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return usageError('mock', '--port must be a whole number from 0 to 65535');
  const host = typeof values.host === 'string' ? values.host : '127.0.0.1';
  const cors = values.cors ?? 'on';
  if (cors !== 'on' && cors !== 'off') return usageError('mock', '--cors must be on or off');
  let seed: Record<string, unknown> = {};
  if (typeof values.seed === 'string') {
    if (values.stateful !== true) return usageError('mock', '--seed preloads the state: it needs --stateful');
    try {
      seed = JSON.parse(await readFile(values.seed, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      return print(process.stderr, `cannot read --seed ${values.seed}: ${(error as Error).message}\n`, 2);
    }
    if (seed === null || typeof seed !== 'object' || Array.isArray(seed))
      return print(process.stderr, `--seed ${values.seed}: expected an object of items by the URL path that reads them\n`, 2);
  }
  const stop = untilStopped();
  // Each operation's validators are compiled on its first request: a large spec starts in the time it takes to read it.
  const loaded = await loadTrafficSpec({ spec: values.spec, root: process.cwd(), compile: 'on-demand' });
  for (const diagnostic of loaded.diagnostics) process.stderr.write(`${formatDiagnostic(diagnostic)}\n`);
  if (loaded.spec === undefined) return 2;
  if (stop.isStopped()) return 0;
  let server;
  try {
    server = await startMockServer({
      mock: loaded.spec,
      port,
      host,
      auth: values['no-auth'] !== true,
      cors: cors === 'on',
      stateful: values.stateful === true,
      seed,
      log: (line) => process.stdout.write(`${line}\n`),
    });
  } catch (error) {
    const message = (error as Error).message;
    return print(process.stderr, message.startsWith('--seed') ? `${message}\n` : `cannot listen on ${host}:${port}: ${message}\n`, 2);
  }
  const { model } = loaded.spec;
  process.stdout.write(`specsmith mock: ${model.info.title} (${model.operations.length} operations) at ${server.url}\n`);
  await stop.stopped;
  await server.close();
  process.stdout.write('specsmith mock: stopped\n');
  return 0;
}

/**
 * `mock --send-webhook NAME --to URL`: one webhook as the provider sends it (signed, with its bearer token),
 * and the receiver's answer held to the spec. Exit 0 when the answer is documented, a success, valid and in
 * time; 1 when it is not, or nothing answered; 2 for bad usage.
 */
async function runSendWebhook(values: Values, spec: string, name: string): Promise<number> {
  if (typeof values.to !== 'string') return usageError('mock', '--send-webhook needs --to URL, the receiver to send it to');
  if (!/^https?:\/\//.test(values.to)) return usageError('mock', '--to must be an http:// or https:// URL');
  if (/^https?:\/\/[^/?#]*@/.test(values.to)) return usageError('mock', '--to must not carry credentials: give them with --basic');
  const loaded = await loadTrafficSpec({ spec, root: process.cwd(), compile: 'on-demand' });
  for (const diagnostic of loaded.diagnostics) process.stderr.write(`${formatDiagnostic(diagnostic)}\n`);
  if (loaded.spec === undefined) return 2;
  // An empty variable is none: a CI secret that is not set comes through as ''.
  const secret = (option: string, variable: string) =>
    typeof values[option] === 'string' ? (values[option] as string) : process.env[variable] || undefined;
  const credentials = Object.fromEntries(
    [
      ['signingKey', secret('signing-key', 'SPECSMITH_SIGNING_KEY')],
      ['token', secret('token', 'SPECSMITH_WEBHOOK_TOKEN')],
      ['basic', secret('basic', 'SPECSMITH_WEBHOOK_BASIC')],
      ['apiKey', secret('api-key', 'SPECSMITH_WEBHOOK_API_KEY')],
    ].filter((entry) => entry[1] !== undefined),
  );
  let sent;
  try {
    sent = await sendWebhook({
      spec: loaded.spec,
      name,
      to: values.to,
      credentials,
      ...(typeof values.example === 'string' ? { example: values.example } : {}),
    });
  } catch (error) {
    if (error instanceof SendWebhookError) return usageError('mock', error.message);
    throw error;
  }
  const answer = sent.status === undefined ? 'no answer' : `${sent.status} in ${sent.durationMs} ms`;
  process.stdout.write(
    `specsmith mock: sent webhook ${sent.name} (${sent.method} ${shownUrl(sent.url)}, ${Buffer.byteLength(sent.body)} bytes): ${answer}\n`,
  );
  for (const problem of sent.problems) process.stdout.write(`  ${problem}\n`);
  return sent.problems.length === 0 ? 0 : 1;
}
