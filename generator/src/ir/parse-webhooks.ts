import { pathItemOperations } from '../load/lint-operations.js';
import { appendPointer } from '../util/json-pointer.js';
import type { ParseContext } from './context.js';
import { toIdentifier, toTypeName } from './names.js';
import { parseOperation } from './parse-operation.js';
import type { OperationNode, ServerNode, WebhookNode } from './types.js';

type Json = Record<string, unknown>;

const asObject = (value: unknown): Json | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;

/**
 * The requests an API sends: each 3.1 `webhooks` entry (keyed by its name), then each operation's
 * `callbacks` (keyed by operation and callback name, one per runtime expression), in document order.
 */
export function parseWebhooks({
  document,
  operations,
  context,
  servers,
  signingHeader,
}: {
  document: Json;
  /** The `paths` operations with the raw object each was parsed from. */
  operations: { node: OperationNode; raw: Json; pointer: string }[];
  context: ParseContext;
  servers: ServerNode[];
  /** The document's `x-request-signing` header, which a webhook marked `x-signed: true` carries. */
  signingHeader: string | undefined;
}): WebhookNode[] {
  const resolver = context.resolver;
  const webhooks: WebhookNode[] = [];
  const rawWebhooks = asObject(document.webhooks) ?? {};
  for (const name of Object.keys(rawWebhooks))
    for (const { operation, signedWithoutScheme } of operationsOf(rawWebhooks[name], name, name, appendPointer('/webhooks', name), {
      context,
      servers,
      signingHeader,
    }))
      webhooks.push({ kind: 'webhook', name, operation, ...(signedWithoutScheme ? { signedWithoutScheme } : {}) });
  for (const { node, raw, pointer } of operations) {
    const callbacks = asObject(resolver.deref(raw.callbacks)) ?? {};
    for (const callbackName of Object.keys(callbacks)) {
      const callback = asObject(resolver.deref(callbacks[callbackName])) ?? {};
      const callbackPointer = appendPointer(appendPointer(pointer, 'callbacks'), callbackName);
      for (const expression of Object.keys(callback).filter((key) => !key.startsWith('x-')))
        for (const { operation, signedWithoutScheme } of operationsOf(
          callback[expression],
          `${node.id} ${callbackName}`,
          expression,
          appendPointer(callbackPointer, expression),
          {
            context,
            servers,
            signingHeader,
          },
        ))
          webhooks.push({
            kind: 'callback',
            name: `${node.id} ${callbackName}`,
            expression,
            operation,
            ...(signedWithoutScheme ? { signedWithoutScheme } : {}),
          });
    }
  }
  return webhooks;
}

function operationsOf(
  raw: unknown,
  name: string,
  pathKey: string,
  pointer: string,
  { context, servers, signingHeader }: { context: ParseContext; servers: ServerNode[]; signingHeader: string | undefined },
): { operation: OperationNode; signedWithoutScheme: boolean }[] {
  const pathItem = asObject(context.resolver.deref(raw));
  if (pathItem === undefined) return [];
  const sites = pathItemOperations(pathItem, pathKey, pointer);
  return sites.map((site) => {
    const operation = parseOperation({ site, context, documentServers: servers });
    // Without an operationId, named after the webhook (`subscribe statusChanged` → subscribeStatusChanged), not
    // its URL expression; with the method where the webhook has several.
    if (typeof site.operation.operationId !== 'string') {
      operation.id = toIdentifier(sites.length > 1 ? `${name} ${site.method}` : name);
      operation.typeName = toTypeName(operation.id);
    }
    const signed = site.operation['x-signed'] === true;
    if (signed && signingHeader !== undefined) operation.signing = { header: signingHeader };
    return { operation, signedWithoutScheme: signed && signingHeader === undefined };
  });
}
