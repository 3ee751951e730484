import type { SecuritySchemeNode } from '../ir/types.js';

/**
 * Where a spec's credentials travel: the headers that carry them (`authorization`, `cookie`, API key
 * headers) and the query parameters that do (API keys in the query). Logs and reports never show their values.
 */
export function credentialNames(schemes: readonly SecuritySchemeNode[]): { headers: ReadonlySet<string>; query: ReadonlySet<string> } {
  const headers = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);
  // An OAuth 2.0 bearer token may travel in the query too (RFC 6750 §2.3).
  const query = new Set<string>(['access_token']);
  for (const scheme of schemes) {
    if (scheme.type !== 'apiKey' || scheme.parameterName === undefined) continue;
    if (scheme.in === 'query') query.add(scheme.parameterName);
    else if (scheme.in === 'header') headers.add(scheme.parameterName.toLowerCase());
  }
  return { headers, query };
}

/** A request target with the values of credential query parameters replaced: `/v1/x?api_key=(redacted)`. */
export function redactedUrl(target: string, query: ReadonlySet<string>): string {
  if (!target.includes('?')) return target;
  const url = new URL(target, 'http://localhost');
  for (const name of query) if (url.searchParams.has(name)) url.searchParams.set(name, '(redacted)');
  return `${url.pathname}${url.search.replace(/%28redacted%29/g, '(redacted)')}`;
}
