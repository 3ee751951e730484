import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The largest request body the mock and the proxy read; a larger one is answered 413. */
export const maxBodyBytes = 10 * 1024 * 1024;

/** A request's body, or undefined when it is larger than `maxBodyBytes` (the rest is left unread). */
export async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Starts listening; its URL as a client writes it (`http://[::1]:4010`), and a close that waits for it. */
export async function listen(server: Server, port: number, host: string): Promise<{ url: string; close(): Promise<void> }> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shown}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
