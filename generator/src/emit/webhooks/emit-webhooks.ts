import type { ApiModel, WebhookNode } from '../../ir/types.js';
import type { RuntimeNames } from '../runtime-names.js';
import { tsLiteral, tsPropertyName } from '../ts-text.js';
import { docText } from '../types/jsdoc.js';
import { tsInterface, tsProperty, type TypeStatement } from '../types/structures.js';
import { senderChecks } from './sender-checks.js';

/** The names the webhooks module exports: the receiver, and the runtime's signature check. */
export const webhookExports = ['parseWebhook', 'verifySignature'] as const;

/**
 * Each webhook under the name `parseWebhook` takes: its own; `name METHOD` where one name has several
 * methods; and, for a callback with several URL expressions, the expression after that.
 */
export function webhookKeys(model: ApiModel): Map<WebhookNode, string> {
  const withMethod = (webhook: WebhookNode) => `${webhook.name} ${webhook.operation.method.toUpperCase()}`;
  const counts = (key: (webhook: WebhookNode) => string) => {
    const count = new Map<string, number>();
    for (const webhook of model.webhooks) count.set(key(webhook), (count.get(key(webhook)) ?? 0) + 1);
    return (webhook: WebhookNode) => count.get(key(webhook)) ?? 0;
  };
  const byName = counts((webhook) => webhook.name);
  const byMethod = counts(withMethod);
  return new Map(
    model.webhooks.map((webhook) => {
      if (byName(webhook) === 1) return [webhook, webhook.name];
      if (byMethod(webhook) === 1) return [webhook, withMethod(webhook)];
      return [webhook, `${withMethod(webhook)} ${webhook.expression ?? ''}`.trimEnd()];
    }),
  );
}

/**
 * The webhooks module's code: one data object a webhook (how its sender proves itself, the payload's
 * media type and check) and `parseWebhook`, which hands them to the runtime's `receiveWebhook`.
 * 3.1 `webhooks` and 3.0 `callbacks` alike: each is a request the API sends to an endpoint its client runs.
 */
export function emitWebhooks({ model, validators }: { model: ApiModel; validators: ReadonlySet<string> }): {
  body: string;
  imports: string[];
} {
  const keys = webhookKeys(model);
  const imports: string[] = [];
  const entries = model.webhooks.map((webhook) => {
    const { operation } = webhook;
    const media = operation.requestBody?.contents[0]?.mediaType;
    const check = validators.has(operation.names.requestBody) ? operation.names.requestBody : undefined;
    if (check !== undefined) imports.push(`is${check}`, `assert${check}`);
    const sender = senderChecks(model, webhook);
    const fields = [
      `method: ${tsLiteral(operation.method.toUpperCase())}`,
      ...(media === undefined ? [] : [`media: ${tsLiteral(media)}`]),
      ...(operation.requestBody?.required === true ? ['bodyRequired: true'] : []),
      ...('unverifiable' in sender
        ? [`unverifiable: ${tsLiteral(sender.unverifiable)}`]
        : [
            ...(sender.alternatives.length === 0 ? [] : [`senders: ${tsLiteral(sender.alternatives)}`]),
            ...(operation.signing === undefined ? [] : [`signature: ${tsLiteral({ header: operation.signing.header.toLowerCase() })}`]),
          ]),
      ...(check === undefined ? [] : [`check: [is${check}, assert${check}]`]),
    ];
    return `  ${tsLiteral(keys.get(webhook) ?? webhook.name)}: { ${fields.join(', ')} },`;
  });
  const body = [
    `const webhooks$ = {\n${entries.join('\n')}\n};`,
    '/** Checks a webhook request (its sender first: credentials, signature, in constant time) and reads its payload. */',
    'function parseWebhook(name, request, secrets) {\n  return receiveWebhook(webhooks$, name, request, secrets);\n}',
  ].join('\n');
  return { body, imports };
}

/** The webhooks' declarations: the `Webhooks` interface (each webhook's payload by name) and `parseWebhook`. */
export function emitWebhookTypes({ model, runtime }: { model: ApiModel; runtime: RuntimeNames }): TypeStatement[] {
  const name = model.clientNames.webhooks;
  const keys = webhookKeys(model);
  const properties = model.webhooks.map((webhook) => {
    const { operation } = webhook;
    const body = operation.requestBody;
    // A payload of another media type than JSON is given as the text received (templates/runtime/webhooks.js).
    const media = body?.contents[0]?.mediaType;
    const read = media === undefined || /json/i.test(media) ? operation.names.requestBody : 'string';
    const payload = body === undefined ? 'undefined' : body.required ? read : `${read} | undefined`;
    const label = webhook.kind === 'webhook' ? `webhook ${webhook.name}` : `callback ${webhook.name} (${webhook.expression ?? ''})`;
    const doc = docText({
      lead: [`The payload of ${label}: ${operation.method.toUpperCase()} to the receiver.`, ...lines(operation.summary)],
      tags: [`@operation ${operation.id}`],
    });
    return tsProperty({ name: tsPropertyName(keys.get(webhook) ?? webhook.name), type: payload, optional: false, readonly: false, doc });
  });
  // Without webhooks no name is accepted (`keyof never` would be every key).
  const nameType = name === undefined ? 'never' : `keyof ${name} & string`;
  const eventType = name === undefined ? 'never' : `${name}[Name]`;
  const request = runtime.ref('WebhookRequest');
  const secrets = runtime.ref('WebhookSecrets');
  const result = runtime.ref('WebhookResult');
  return [
    ...(name === undefined
      ? []
      : [
          tsInterface({
            name,
            doc: 'The requests the API sends to an endpoint its client runs (webhooks and callbacks): each payload, by name.',
            properties,
          }),
        ]),
    [
      '/**',
      ' * Checks a webhook request and reads its payload: the credentials and the signature (HMAC over the raw',
      ' * body) the spec asks of the sender are checked first, in constant time; the body is parsed and validated only after.',
      ' * `{ ok: true, event }`, typed by the webhook, else why it was refused and the status to answer.',
      ' */',
      `export declare function parseWebhook<Name extends ${nameType}>(name: Name, request: ${request}, secrets?: ${secrets}): Promise<${result}<Name, ${eventType}>>;`,
    ].join('\n'),
  ];
}

const lines = (text: string | undefined): string[] => (text === undefined ? [] : [text]);
