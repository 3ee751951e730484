/** RFC 6901 JSON pointers. */
export function escapePointerToken(token: string): string {
  // Most tokens need no escape: looking is cheaper than replacing.
  return token.includes('~') || token.includes('/') ? token.replace(/~/g, '~0').replace(/\//g, '~1') : token;
}

/**
 * A token as it stands in a URI fragment (RFC 6901 §6): escaped, then percent-encoded; how AJV writes the
 * keys of a schema path, and how the validators' tables and references key a named schema.
 */
export function fragmentToken(token: string): string {
  return encodeURIComponent(escapePointerToken(token));
}

export function unescapePointerToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function appendPointer(pointer: string, token: string | number): string {
  return `${pointer}/${escapePointerToken(String(token))}`;
}

export function parsePointer(pointer: string): string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return undefined;
  return pointer.slice(1).split('/').map(unescapePointerToken);
}

/** Follows a pointer through plain JSON values; undefined when any step is missing. */
export function getAtPointer(root: unknown, tokens: readonly string[]): unknown {
  let node: unknown = root;
  for (const token of tokens) {
    if (Array.isArray(node)) {
      if (!/^(0|[1-9][0-9]*)$/.test(token)) return undefined;
      node = node[Number(token)];
    } else if (node !== null && typeof node === 'object' && Object.hasOwn(node, token)) {
      node = (node as Record<string, unknown>)[token];
    } else {
      return undefined;
    }
  }
  return node;
}

const fragmentSafe = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/?]*$/;

/** A JSON pointer as a URI fragment (RFC 6901 §6): characters a fragment cannot hold are percent-encoded. */
export function pointerFragment(pointer: string): string {
  if (fragmentSafe.test(pointer)) return `#${pointer}`;
  return `#${pointer.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/?]/gu, (character) => encodeURIComponent(character))}`;
}
