import type { ServerResponse } from 'node:http';

/** An answer before it is sent: what an idempotency key keeps and replays as it was. */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body?: string;
}

/** An RFC 9457 problem document. */
export function problemReply(status: number, title: string, detail: string, extra: Record<string, unknown> = {}): Reply {
  return {
    status,
    headers: { 'content-type': 'application/problem+json' },
    body: JSON.stringify({ type: 'about:blank', title, status, detail, ...extra }),
  };
}

/** Sends a reply; to `HEAD`, its headers (with the length the body would have) and no body. */
export function send(response: ServerResponse, reply: Reply, { head = false }: { head?: boolean } = {}): void {
  response.statusCode = reply.status;
  for (const [name, value] of Object.entries(reply.headers)) response.setHeader(name, value);
  if (reply.body === undefined) return void response.end();
  response.setHeader('content-length', Buffer.byteLength(reply.body));
  response.end(head ? undefined : reply.body);
}
