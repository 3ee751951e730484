import type { MediaNode, WebhookNode } from '../ir/types.js';
import { placeOf, type ChangeSink, type Place } from './change-log.js';
import type { SchemaContext, Side } from './compare-context.js';
import { compareSchema } from './compare-schema.js';

const keyOf = (webhook: WebhookNode) =>
  `${webhook.kind}\u0000${webhook.name}\u0000${webhook.expression ?? ''}\u0000${webhook.operation.method}`;

/** `webhook cardIssued POST`, `callback createSubscription onEvent POST {$request.body#/url}`. */
export const webhookLabel = (webhook: WebhookNode) =>
  [
    webhook.kind,
    webhook.name,
    webhook.operation.method.toUpperCase(),
    ...(webhook.expression === undefined ? [] : [webhook.expression]),
  ].join(' ');

/**
 * Webhooks and callbacks are requests the API sends and its client answers, so the directions turn round:
 * the payload is read as a response (a client breaks when it may hold more), the client's answer as a
 * request (it breaks when the API accepts less of it).
 */
export function compareWebhooks({
  sides,
  log,
  visited,
  root,
}: {
  sides: { old: Side; new: Side };
  log: ChangeSink;
  visited: Set<string>;
  /** Where a webhook that one version lacks is placed in that version. */
  root: { old: Place; new: Place };
}): void {
  const before = new Map(sides.old.model.webhooks.map((webhook) => [keyOf(webhook), webhook]));
  for (const webhook of sides.new.model.webhooks) {
    const was = before.get(keyOf(webhook));
    const place = placeOf(webhook.operation.origin, root.new);
    const operation = webhookLabel(webhook);
    if (was === undefined) {
      log.add({ id: 'webhook-added', message: '', operation, values: { new: operation }, old: root.old, new: place });
      continue;
    }
    before.delete(keyOf(webhook));
    const at = { old: placeOf(was.operation.origin, root.old), new: place };
    const context = (direction: SchemaContext['direction'], location: string): SchemaContext => ({
      direction,
      ...sides,
      log,
      visited,
      operation,
      location,
    });
    compareMedia(context('response', 'body'), was.operation.requestBody?.contents ?? [], webhook.operation.requestBody?.contents ?? [], at);
    const answers = new Map(was.operation.responses.map((response) => [response.status.toUpperCase(), response]));
    for (const response of webhook.operation.responses) {
      const old = answers.get(response.status.toUpperCase());
      if (old !== undefined)
        compareMedia(context('request', `response ${response.status} body`), old.contents, response.contents, {
          old: placeOf(old.origin, at.old),
          new: placeOf(response.origin, at.new),
        });
    }
  }
  for (const webhook of before.values()) {
    const operation = webhookLabel(webhook);
    log.add({
      id: 'webhook-removed',
      message: '',
      operation,
      values: { old: operation },
      old: placeOf(webhook.operation.origin, root.old),
      new: root.new,
    });
  }
}

function compareMedia(context: SchemaContext, old: MediaNode[], next: MediaNode[], at: { old: Place; new: Place }): void {
  const before = new Map(old.map((media) => [media.mediaType.toLowerCase(), media]));
  for (const media of next) {
    const was = before.get(media.mediaType.toLowerCase());
    if (was !== undefined) compareSchema(context, was.schema, media.schema, at);
  }
}
