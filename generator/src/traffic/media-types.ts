import type { MediaNode } from '../ir/types.js';

/** A media type's essence, lower case, without parameters: `application/json` of `Application/JSON; charset=utf-8`. */
export const essence = (mediaType: string) => (mediaType.split(';')[0] ?? '').trim().toLowerCase();

/** True when a documented media type (possibly a range, `image/*`, `*\/*`) covers the one sent. */
export function covers(documented: string, sent: string): boolean {
  const [type, subtype] = essence(documented).split('/');
  const [sentType, sentSubtype] = essence(sent).split('/');
  return (type === '*' || type === sentType) && (subtype === '*' || subtype === sentSubtype);
}

/** The documented media type that covers the one sent, if any (RFC 9110 §8.3). */
export const documentedFor = (contents: readonly MediaNode[], sent: string) => contents.find((media) => covers(media.mediaType, sent));

/** JSON and its `+json` suffixes (RFC 6839 §3.1). */
export const isJson = (mediaType: string) => /^application\/([\w.-]+\+)?json$/.test(essence(mediaType));
