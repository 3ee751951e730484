import type { ServerNode } from '../ir/types.js';
import type { ChangeSink, Place } from './change-log.js';

/** A server URL as its origin (scheme and host, empty for a relative URL) and its base path, without a trailing slash. */
function partsOf(url: string): { origin: string; path: string } {
  const match = /^([A-Za-z][\w+.-]*:\/\/[^/]*)?(.*)$/.exec(url);
  return { origin: (match?.[1] ?? '').toLowerCase(), path: (match?.[2] ?? '').replace(/\/+$/, '') };
}

/**
 * The document's servers, by URL. A URL gone while another on the same host appeared is a base path that
 * moved (every operation's URL changed); otherwise a server is added or removed.
 */
export function compareServers({
  old,
  new: next,
  log,
  at,
}: {
  old: ServerNode[];
  new: ServerNode[];
  log: ChangeSink;
  /** `/servers` in each version. */
  at: (side: 'old' | 'new', index?: number) => Place;
}): void {
  // Compared as written apart from what does not change a URL: the host's case, a trailing slash.
  const same = (a: string, b: string) => partsOf(a).origin === partsOf(b).origin && partsOf(a).path === partsOf(b).path;
  const removed = old.map((server) => server.url).filter((url) => !next.some((server) => same(server.url, url)));
  const added = new Set(next.map((server) => server.url).filter((url) => !old.some((server) => same(server.url, url))));
  const indexIn = (servers: ServerNode[], url: string) => servers.findIndex((server) => server.url === url);
  for (const url of removed) {
    const moved = [...added].find(
      (candidate) => partsOf(candidate).origin === partsOf(url).origin && partsOf(candidate).path !== partsOf(url).path,
    );
    const place = { old: at('old', indexIn(old, url)) };
    if (moved !== undefined) {
      added.delete(moved);
      log.add({
        id: 'server-base-path-changed',
        message: `${url} -> ${moved}`,
        values: { old: url, new: moved },
        ...place,
        new: at('new', indexIn(next, moved)),
      });
    } else log.add({ id: 'server-removed', message: url, values: { old: url }, ...place, new: at('new') });
  }
  for (const url of added)
    log.add({ id: 'server-added', message: url, values: { new: url }, old: at('old'), new: at('new', indexIn(next, url)) });
}
