import { readFile } from 'node:fs/promises';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { locate, OriginIndex } from '../load/origins.js';
import { parseJsonText } from '../load/parse-json.js';
import { ExchangeChecker, type ExchangeIssue, type Headers } from './check-exchange.js';
import { loadTrafficSpec } from './load-spec.js';
import { credentialNames, redactedUrl } from './redact.js';

type Json = Record<string, unknown>;
const asObject = (value: unknown): Json | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** One entry of a HAR capture, checked: matched to an operation and valid, invalid (with issues), or unmatched. */
export interface HarEntryResult {
  /** Its index in `log.entries`. */
  entry: number;
  method: string;
  url: string;
  outcome: 'valid' | 'invalid' | 'unmatched';
  operation?: string;
  /** Why no operation matched. */
  reason?: string;
  issues: ExchangeIssue[];
  /** Where the entry starts in the HAR file. */
  line: number;
  column: number;
}

export type HarResult =
  | { ok: boolean; ran: true; file: string; results: HarEntryResult[]; diagnostics: Diagnostic[] }
  | { ran: false; problem?: string; diagnostics: Diagnostic[] };

/**
 * `specsmith validate --spec S --har FILE`: every entry of a HAR 1.2 capture (browser devtools,
 * Playwright, mitmproxy) matched to its operation by method and path, and both directions checked
 * (ExchangeChecker). Entries no operation matches are listed, not failed: a capture holds other traffic too.
 */
export async function checkHar({ spec, file, root = process.cwd() }: { spec: string; file: string; root?: string }): Promise<HarResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { ran: false, problem: `cannot read ${file}: ${(error as Error).message}`, diagnostics: [] };
  }
  const origins = new OriginIndex();
  const parsed = parseJsonText({ text, file, origins });
  const entries = asArray(asObject(asObject(parsed.value)?.log)?.entries);
  if (parsed.diagnostics.length > 0 || !Array.isArray(asObject(asObject(parsed.value)?.log)?.entries))
    return { ran: false, problem: `${file} is not a HAR capture (a JSON document with log.entries)`, diagnostics: parsed.diagnostics };
  // Only the operations the capture reaches are compiled.
  const loaded = await loadTrafficSpec({ spec, root, compile: 'on-demand' });
  if (loaded.spec === undefined) return { ran: false, diagnostics: loaded.diagnostics };
  const checker = new ExchangeChecker(loaded.spec);
  const secrets = credentialNames(loaded.spec.model.securitySchemes).query;
  const results: HarEntryResult[] = [];
  for (const [index, raw] of entries.entries())
    results.push(await checkEntry(checker, { raw, index, origins, root: parsed.value, secrets }));
  return { ok: results.every((result) => result.outcome !== 'invalid'), ran: true, file, results, diagnostics: loaded.diagnostics };
}

async function checkEntry(
  checker: ExchangeChecker,
  {
    raw,
    index,
    origins,
    root,
    secrets,
  }: { raw: unknown; index: number; origins: OriginIndex; root: unknown; secrets: ReadonlySet<string> },
): Promise<HarEntryResult> {
  const entry = asObject(raw) ?? {};
  const request = asObject(entry.request) ?? {};
  const response = asObject(entry.response);
  const place = locate(origins, root, ['log', 'entries', String(index)]);
  const base = {
    entry: index,
    method: String(request.method ?? 'GET').toUpperCase(),
    // What the results show (they end up in CI logs): no credential from the query.
    url: redactedUrl(String(request.url ?? '/'), secrets),
    line: place?.line ?? 0,
    column: place?.column ?? 0,
  };
  const result = await checker.check(
    {
      method: base.method,
      url: String(request.url ?? '/'),
      headers: headersOf(request.headers, asObject(request.postData)?.mimeType),
      body: requestBody(request),
    },
    response === undefined
      ? undefined
      : {
          status: Number(response.status ?? 0),
          headers: headersOf(response.headers, asObject(response.content)?.mimeType),
          body: responseBody(response),
        },
  );
  if (!result.matched) return { ...base, outcome: 'unmatched', reason: result.reason, issues: [] };
  return { ...base, outcome: result.issues.length === 0 ? 'valid' : 'invalid', operation: result.operation.id, issues: result.issues };
}

/**
 * HAR headers (`[{ name, value }]`) by lower-case name, repeated ones joined as HTTP joins them; a capture
 * that left out `Content-Type` still states the body's `mimeType`.
 */
function headersOf(raw: unknown, mimeType: unknown): Headers {
  const headers: Record<string, string> = {};
  for (const entry of asArray(raw)) {
    const header = asObject(entry);
    if (typeof header?.name !== 'string') continue;
    const name = header.name.toLowerCase();
    // HTTP/2 pseudo-headers (`:authority`) are not headers of the message.
    if (name.startsWith(':')) continue;
    const value = String(header.value ?? '');
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  if (headers['content-type'] === undefined && typeof mimeType === 'string' && mimeType !== '') headers['content-type'] = mimeType;
  return headers;
}

const requestBody = (request: Json) => Buffer.from(String(asObject(request.postData)?.text ?? ''), 'utf8');

/** A response's content, base64-decoded when the capture says so (HAR 1.2 §content). */
function responseBody(response: Json): Buffer {
  const content = asObject(response.content) ?? {};
  const body = String(content.text ?? '');
  return Buffer.from(body, content.encoding === 'base64' ? 'base64' : 'utf8');
}
