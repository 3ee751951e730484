import { createHmac } from 'node:crypto';
import { webhookKeys } from '../emit/webhooks/emit-webhooks.js';
import { senderChecks, type SenderCheck } from '../emit/webhooks/sender-checks.js';
import type { WebhookNode } from '../ir/types.js';
import { mediaExamples } from '../traffic/examples.js';
import type { TrafficSpec } from '../traffic/load-spec.js';
import { sampleValue } from './sample-value.js';

/** What the receiver's endpoint needs to let the webhook in: the HMAC shared secret (base64), a bearer token, Basic credentials, an API key. */
export interface WebhookCredentials {
  signingKey?: string;
  token?: string;
  /** `user:password`. */
  basic?: string;
  apiKey?: string;
}

/** One webhook sent: what went out, what came back, and every way the answer falls short of the spec. */
export interface SentWebhook {
  name: string;
  method: string;
  url: string;
  /** The body exactly as sent (and signed). */
  body: string;
  headers: Record<string, string>;
  status?: number;
  durationMs: number;
  problems: string[];
}

/** A mistake in the request to send (an unknown webhook, a missing secret): nothing was sent. */
export class SendWebhookError extends Error {}

/**
 * Sends one webhook of the spec to a receiver, as the provider would: its documented example (the one named
 * `example`, else the first), else a value built from its schema; signed over the exact bytes sent when the
 * spec asks for a signature (`x-signed`), with the bearer token when its security names one. The answer is
 * held to the spec: a documented status, its body valid, and within `x-answer-within` when the spec gives it.
 */
export async function sendWebhook({
  spec,
  name,
  to,
  credentials,
  example,
  timeoutMs = 10_000,
}: {
  spec: TrafficSpec;
  name: string;
  to: string;
  credentials: WebhookCredentials;
  example?: string;
  timeoutMs?: number;
}): Promise<SentWebhook> {
  const webhook = findWebhook(spec, name);
  const { operation } = webhook;
  await spec.prepare(operation);
  const media = operation.requestBody?.contents[0]?.mediaType;
  const headers: Record<string, string> = {};
  let body = '';
  if (media !== undefined) {
    body = JSON.stringify(payloadOf(spec, webhook, media, example));
    headers['content-type'] = media;
  }
  const sender = senderChecks(spec.model, webhook);
  if ('unverifiable' in sender) throw new SendWebhookError(`webhook ${name} cannot be sent as the spec says: ${sender.unverifiable}`);
  if (operation.signing !== undefined) {
    if (credentials.signingKey === undefined)
      throw new SendWebhookError(
        `webhook ${name} is signed (${operation.signing.header}): give --signing-key BASE64 or SPECSMITH_SIGNING_KEY`,
      );
    const key = Buffer.from(credentials.signingKey.replace(/\s+/g, ''), 'base64');
    if (key.length === 0) throw new SendWebhookError('the signing key decodes to no bytes: give the shared secret as base64');
    headers[operation.signing.header.toLowerCase()] = createHmac('sha256', key).update(body).digest('base64');
  }
  if (sender.alternatives.length > 0) {
    const chosen = sender.alternatives.find((checks) => checks.every((check) => credentialOf(check, checks, credentials) !== undefined));
    if (chosen === undefined)
      throw new SendWebhookError(
        `webhook ${name} needs ${sender.alternatives.map((checks) => checks.map(optionOf).join(' and ')).join(', or ')}`,
      );
    for (const check of chosen) setCredential(headers, check, credentialOf(check, chosen, credentials) ?? '');
  }
  const method = operation.method.toUpperCase();
  const started = performance.now();
  const sent = { name, method, url: to, body, headers };
  let response: Response;
  let text: string;
  try {
    response = await fetch(to, { method, headers, ...(media === undefined ? {} : { body }), signal: AbortSignal.timeout(timeoutMs) });
    text = await response.text();
  } catch (error) {
    const message = error instanceof Error ? (((error.cause as Error | undefined)?.message ?? error.message) as string) : String(error);
    // Node's message may repeat the URL, with what it carries.
    const reason = message.split(to).join(shownUrl(to));
    return { ...sent, durationMs: Math.round(performance.now() - started), problems: [`the receiver gave no answer: ${reason}`] };
  }
  const durationMs = Math.round(performance.now() - started);
  return { ...sent, status: response.status, durationMs, problems: answerProblems({ spec, webhook, response, text, durationMs }) };
}

/**
 * The credential given for a check: the token, `user:password`, or the API key, given as `SCHEME=KEY` for
 * that scheme or as a bare key where the requirement names one API key scheme only.
 */
function credentialOf(check: SenderCheck, requirement: readonly SenderCheck[], credentials: WebhookCredentials): string | undefined {
  if (check[0] === 'bearer') return credentials.token;
  if (check[0] === 'basic') return credentials.basic;
  const given = credentials.apiKey;
  if (given === undefined) return undefined;
  const keyed = /^([^=]+)=(.*)$/s.exec(given);
  if (keyed !== null && requirement.some((other) => other[0] === 'apiKey' && other[3] === keyed[1]))
    return keyed[1] === check[3] ? keyed[2] : undefined;
  return requirement.filter((other) => other[0] === 'apiKey').length === 1 ? given : undefined;
}

const optionOf = (check: SenderCheck): string =>
  check[0] === 'bearer'
    ? '--token TOKEN (or SPECSMITH_WEBHOOK_TOKEN)'
    : check[0] === 'basic'
      ? '--basic USER:PASSWORD (or SPECSMITH_WEBHOOK_BASIC)'
      : `--api-key ${check[3]}=KEY for ${check[2]} (or SPECSMITH_WEBHOOK_API_KEY)`;

function setCredential(headers: Record<string, string>, check: SenderCheck, value: string): void {
  if (check[0] === 'bearer') headers.authorization = `Bearer ${value}`;
  else if (check[0] === 'basic') headers.authorization = `Basic ${Buffer.from(value).toString('base64')}`;
  else if (check[1] === 'header') headers[check[2].toLowerCase()] = value;
  else headers.cookie = `${headers.cookie === undefined ? '' : `${headers.cookie}; `}${check[2]}=${encodeURIComponent(value)}`;
}

function findWebhook(spec: TrafficSpec, name: string): WebhookNode {
  const keys = webhookKeys(spec.model);
  const found = [...keys].find(([, key]) => key === name)?.[0];
  if (found !== undefined) return found;
  const names = [...keys.values()];
  throw new SendWebhookError(
    names.length === 0
      ? 'the spec has no webhooks or callbacks to send'
      : `the spec has no webhook ${JSON.stringify(name)}; it has ${names.map((key) => JSON.stringify(key)).join(', ')}`,
  );
}

/** The documented example (by name, else the first), else a value built from the payload's schema and held to it. */
function payloadOf(spec: TrafficSpec, webhook: WebhookNode, media: string, example: string | undefined): unknown {
  const { operation } = webhook;
  const pointer = operation.requestBody?.origin?.shipped?.pointer;
  const examples = pointer === undefined ? [] : mediaExamples(spec.model.shipped.document, pointer, media);
  if (example !== undefined) {
    const named = examples.find((candidate) => candidate.name === example);
    if (named === undefined)
      throw new SendWebhookError(
        `webhook ${webhook.name} has no example ${JSON.stringify(example)}; it has ${examples.map((candidate) => candidate.name ?? '(unnamed)').join(', ') || 'none'}`,
      );
    return named.value;
  }
  if (examples[0] !== undefined) return examples[0].value;
  const definition = spec.defs[operation.names.requestBody];
  if (definition === undefined) return {};
  const value = sampleValue(definition, spec.defs);
  const issues = spec.checks.get(operation.names.requestBody)?.(value);
  if (issues !== undefined)
    throw new SendWebhookError(`cannot build a valid payload for ${webhook.name}: ${issues.map((issue) => issue.message).join('; ')}`);
  return value;
}

/** How the receiver's answer falls short of the spec: an undocumented status, a body its schema refuses, too slow. */
function answerProblems({
  spec,
  webhook,
  response,
  text,
  durationMs,
}: {
  spec: TrafficSpec;
  webhook: WebhookNode;
  response: Response;
  text: string;
  durationMs: number;
}): string[] {
  const { operation } = webhook;
  const problems: string[] = [];
  const status = String(response.status);
  const documented =
    operation.responses.find((candidate) => candidate.status === status) ??
    operation.responses.find((candidate) => candidate.status === `${status[0]}XX`) ??
    operation.responses.find((candidate) => candidate.status === 'default');
  if (documented === undefined)
    problems.push(
      `answered ${status}, which the spec does not document (it documents ${operation.responses.map((item) => item.status).join(', ')})`,
    );
  else if (!/^2/.test(status)) problems.push(`answered ${status}: the receiver refused the webhook`);
  const validator = documented === undefined ? undefined : operation.names.response[documented.status];
  const check = validator === undefined ? undefined : spec.checks.get(validator);
  if (check !== undefined && text !== '') {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      problems.push(`its body is not JSON: ${text.slice(0, 200)}`);
    }
    for (const issue of (data === undefined ? undefined : check(data)) ?? []) problems.push(`its body: ${issue.message}`);
  }
  if (operation.answerWithinMs !== undefined && durationMs > operation.answerWithinMs)
    problems.push(`answered in ${durationMs} ms, where the spec allows ${operation.answerWithinMs} ms (x-answer-within)`);
  return problems;
}

/** A URL as printed: without the user and password it may carry, and without its query (which may hold a key). */
export function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    parsed.search = '';
    return parsed.href;
  } catch {
    return url;
  }
}
