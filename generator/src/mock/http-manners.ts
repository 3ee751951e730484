import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MediaNode, OperationNode, SecuritySchemeNode } from '../ir/types.js';
import { covers, documentedFor } from '../traffic/media-types.js';

/**
 * CORS (Fetch Standard §3.2): every answer says which origin may read it; a preflight is answered from the
 * spec, the methods of the path and the headers its operations take.
 */
export function allowOrigin(request: IncomingMessage, response: ServerResponse): void {
  const origin = request.headers.origin;
  response.setHeader('access-control-allow-origin', origin ?? '*');
  if (origin !== undefined) {
    response.setHeader('vary', 'Origin');
    response.setHeader('access-control-allow-credentials', 'true');
  }
  response.setHeader('access-control-expose-headers', '*');
}

/** Headers a browser may send to the path's operations: their header parameters, API keys, and the usual ones. */
export function allowedHeaders(operations: readonly OperationNode[], schemes: readonly SecuritySchemeNode[]): string[] {
  const names = new Set(['accept', 'authorization', 'content-type', 'prefer']);
  for (const operation of operations) {
    for (const parameter of operation.parameters.header) names.add(parameter.name.toLowerCase());
    // A signed request carries its signature, an idempotent one its key: headers the spec states beside the parameters.
    if (operation.signing !== undefined) names.add(operation.signing.header.toLowerCase());
    if (operation.idempotency !== undefined) names.add(operation.idempotency.header.toLowerCase());
  }
  for (const scheme of schemes)
    if (scheme.type === 'apiKey' && scheme.in === 'header' && scheme.parameterName !== undefined)
      names.add(scheme.parameterName.toLowerCase());
  return [...names].sort();
}

/** A CORS preflight: `OPTIONS` with `Access-Control-Request-Method`. */
export const isPreflight = (request: IncomingMessage) =>
  request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined;

export function answerPreflight(response: ServerResponse, { methods, headers }: { methods: string[]; headers: string[] }): void {
  response.statusCode = 204;
  response.setHeader('access-control-allow-methods', methods.join(', '));
  response.setHeader('access-control-allow-headers', headers.join(', '));
  response.setHeader('access-control-max-age', '600');
  response.end();
}

/** The request body's media type is one the operation documents (else 415, RFC 9110 §15.5.16). */
export function acceptsBody(contents: readonly MediaNode[], contentType: string): boolean {
  return documentedFor(contents, contentType) !== undefined;
}

/**
 * The first of a response's media types that the `Accept` header allows, by the header's q-values (RFC 9110
 * §12.5.1); undefined when none is (406). No `Accept` takes anything.
 */
export function negotiate(offered: readonly string[], accept: string | undefined): string | undefined {
  if (accept === undefined || accept.trim() === '') return offered[0];
  const ranges = accept
    .split(',')
    .map((part) => {
      const [range = '', ...parameters] = part.split(';');
      const q = parameters.map((parameter) => /^\s*q\s*=\s*([\d.]+)\s*$/i.exec(parameter)?.[1]).find((value) => value !== undefined);
      return { range: range.trim(), q: q === undefined ? 1 : Number(q) };
    })
    .filter((entry) => entry.range !== '');
  let best: { mediaType: string; q: number } | undefined;
  for (const mediaType of offered) {
    // The most specific range that covers the type decides its quality.
    const matching = ranges
      .filter((entry) => covers(entry.range, mediaType))
      .sort((a, b) => specificity(b.range) - specificity(a.range))[0];
    if (matching !== undefined && matching.q > 0 && (best === undefined || matching.q > best.q)) best = { mediaType, q: matching.q };
  }
  return best?.mediaType;
}

const specificity = (range: string) => (range.startsWith('*/') ? 0 : range.endsWith('/*') ? 1 : 2);
