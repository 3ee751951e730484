import type { IncomingHttpHeaders } from 'node:http';
import type { SecuritySchemeNode } from '../ir/types.js';

/** What the mock knows of a request's credentials: its headers and query. */
export interface Credentials {
  headers: IncomingHttpHeaders;
  search: URLSearchParams;
}

export type SecurityVerdict = { ok: true } | { ok: false; challenges: string[]; detail: string };

const realm = 'realm="specsmith mock"';

/**
 * An operation's security requirements against a request (OpenAPI 3.1 §4.8.30): the alternatives are OR,
 * the schemes within one AND, and an empty alternative lets anyone through. The mock checks that each
 * credential is there and of the right kind, not that it is valid: HTTP `basic` wants `Authorization:
 * Basic …`, `bearer` (and OAuth2, OpenID Connect) `Authorization: Bearer …`, an API key its header, query
 * parameter or cookie. Mutual TLS is not the mock's to check.
 */
export function checkSecurity({
  requirements,
  schemes,
  credentials,
}: {
  requirements: readonly Record<string, readonly string[]>[];
  schemes: ReadonlyMap<string, SecuritySchemeNode>;
  credentials: Credentials;
}): SecurityVerdict {
  if (requirements.length === 0) return { ok: true };
  const missing: string[] = [];
  for (const alternative of requirements) {
    const unmet = Object.keys(alternative).filter((name) => !presented(schemes.get(name), credentials));
    if (unmet.length === 0) return { ok: true };
    missing.push(unmet.join(' + '));
  }
  const challenges = [
    ...new Set(requirements.flatMap((alternative) => Object.keys(alternative).map((name) => challengeOf(schemes.get(name))))),
  ].filter((challenge) => challenge !== undefined);
  return { ok: false, challenges, detail: `missing credentials: ${missing.map((alternative) => alternative).join(', or ')}` };
}

function presented(scheme: SecuritySchemeNode | undefined, { headers, search }: Credentials): boolean {
  if (scheme === undefined) return false;
  const authorization = /^(\S+)\s+(\S.*)$/.exec(single(headers.authorization) ?? '');
  const authScheme = authorization?.[1]?.toLowerCase();
  switch (scheme.type) {
    case 'http':
      return authScheme === (scheme.scheme ?? '').toLowerCase();
    case 'oauth2':
    case 'openIdConnect':
      return authScheme === 'bearer';
    case 'apiKey': {
      const name = scheme.parameterName ?? '';
      if (scheme.in === 'query') return (search.get(name) ?? '') !== '';
      if (scheme.in === 'cookie') return cookies(single(headers.cookie)).get(name) !== undefined;
      return (single(headers[name.toLowerCase()]) ?? '') !== '';
    }
    default:
      return true;
  }
}

/** The `WWW-Authenticate` challenge of a scheme (RFC 9110 §11.6.1); an API key has no registered one. */
function challengeOf(scheme: SecuritySchemeNode | undefined): string | undefined {
  if (scheme === undefined) return undefined;
  if (scheme.type === 'http' && scheme.scheme !== undefined) return `${capitalized(scheme.scheme)} ${realm}`;
  if (scheme.type === 'oauth2' || scheme.type === 'openIdConnect') return `Bearer ${realm}`;
  if (scheme.type === 'apiKey') return `ApiKey ${realm}, in="${scheme.in ?? 'header'}", name="${scheme.parameterName ?? ''}"`;
  return undefined;
}

const capitalized = (text: string) => `${text.slice(0, 1).toUpperCase()}${text.slice(1).toLowerCase()}`;
const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The `Cookie` header's pairs (RFC 6265 §4.2.1). */
function cookies(header: string | undefined): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0) pairs.set(part.slice(0, index).trim(), part.slice(index + 1).trim());
  }
  return pairs;
}
