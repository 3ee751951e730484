import type { ApiModel, WebhookNode } from '../../ir/types.js';

/** One credential a webhook's sender shows, as the runtime checks it (templates/runtime/webhooks.js). */
export type SenderCheck = ['bearer'] | ['basic'] | [kind: 'apiKey', place: 'header' | 'cookie', parameter: string, scheme: string];

/**
 * How a webhook's sender proves itself: `alternatives` (any one suffices; each a list of credentials that
 * must all hold, OpenAPI 3.1 §4.8.30), an empty list when its security asks for none; and `signed` when it
 * carries the document's `x-request-signing` signature. `unverifiable` says why a receiver cannot check it
 * (a scheme parseWebhook does not read, or `x-signed` with no `x-request-signing`): then it refuses to run
 * rather than let a request in unchecked. A webhook does not take the document's `security`, which says
 * how a client proves itself to the API, not how the API proves itself to the client.
 */
export function senderChecks(
  model: ApiModel,
  webhook: WebhookNode,
): { alternatives: SenderCheck[][]; signed: boolean } | { unverifiable: string } {
  const { operation } = webhook;
  if (webhook.signedWithoutScheme) return { unverifiable: 'it is marked x-signed, but the document has no x-request-signing' };
  const requirements = operation.security ?? [];
  const signed = operation.signing !== undefined;
  if (requirements.length === 0 || requirements.some((requirement) => Object.keys(requirement).length === 0))
    return { alternatives: [], signed };
  const reasons: string[] = [];
  const alternatives: SenderCheck[][] = [];
  for (const requirement of requirements) {
    const checks = Object.keys(requirement).map((name) => {
      const check = checkOf(model, name);
      if (typeof check === 'string') reasons.push(check);
      return check;
    });
    if (checks.every((check): check is SenderCheck => typeof check !== 'string')) alternatives.push(checks);
  }
  if (alternatives.length === 0)
    return { unverifiable: `its security cannot be checked by parseWebhook (${[...new Set(reasons)].join('; ')})` };
  return { alternatives, signed };
}

function checkOf(model: ApiModel, name: string): SenderCheck | string {
  const scheme = model.securitySchemes.find((candidate) => candidate.name === name);
  if (scheme === undefined) return `${name} is not a security scheme of the document`;
  if (scheme.type === 'http' && /^bearer$/i.test(scheme.scheme ?? '')) return ['bearer'];
  if (scheme.type === 'http' && /^basic$/i.test(scheme.scheme ?? '')) return ['basic'];
  // An OAuth 2 or OpenID Connect sender shows a bearer token; the receiver compares it with the one it holds.
  if (scheme.type === 'oauth2' || scheme.type === 'openIdConnect') return ['bearer'];
  if (scheme.type === 'apiKey' && (scheme.in === 'header' || scheme.in === 'cookie') && scheme.parameterName !== undefined)
    return ['apiKey', scheme.in, scheme.parameterName, name];
  if (scheme.type === 'apiKey') return `${name}: an API key in the ${scheme.in ?? 'unknown place'}`;
  return `${name}: ${scheme.type}${scheme.scheme === undefined ? '' : ` ${scheme.scheme}`}`;
}
