/**
 * Values one step away from a valid one, to find where a validator and its reference part: at every place
 * in the value, the value replaced by one of another type, or made a little longer, shorter, larger or
 * smaller; an object missing one of its keys or given one more; an array with an item more or less. At
 * most `limit`, spread over the places (deterministic: the same value gives the same near misses).
 */
export function nearMisses(value: unknown, limit = 24): unknown[] {
  const found: unknown[] = [];
  const places = placesOf(value);
  const step = Math.max(1, Math.floor(places.length / limit));
  for (let index = 0; index < places.length && found.length < limit * 2; index += step) {
    const path = places[index]!;
    for (const replacement of replacements(valueAt(value, path))) found.push(replaced(value, path, replacement));
  }
  return found.slice(0, limit * 2);
}

type Path = (string | number)[];

function placesOf(value: unknown, path: Path = []): Path[] {
  const places: Path[] = [path];
  if (Array.isArray(value)) value.forEach((item, index) => places.push(...placesOf(item, [...path, index])));
  else if (value !== null && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) places.push(...placesOf(item, [...path, key]));
  return places;
}

function valueAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, step) => (node as Record<string | number, unknown>)[step], value);
}

function replaced(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [step, ...rest] = path;
  if (Array.isArray(value)) return value.map((item, index) => (index === step ? replaced(item, rest, replacement) : item));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>))
    Object.defineProperty(copy, key, {
      value: key === step ? replaced(item, rest, replacement) : item,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return copy;
}

function replacements(node: unknown): unknown[] {
  const otherType = node === null ? 0 : typeof node === 'string' ? 7 : typeof node === 'number' ? String(node) : null;
  // The same number of characters in twice the UTF-16 units: a length counted in units is found out.
  const astral = (text: string) => [...text].map(() => '\u{1F600}').join('');
  if (typeof node === 'string')
    return [otherType, `${node}x`, node.slice(1), '', astral(node), astral(`${node}x`), `${node}${'x'.repeat(300)}`];
  if (typeof node === 'number') return [otherType, node + 0.5, node + 1, node - 1, -node - 1e9, node * 1e9];
  if (Array.isArray(node)) return [{}, [], [...node, ...node.slice(0, 1)], node.slice(1), [...node, null]];
  if (node !== null && typeof node === 'object') {
    const keys = Object.keys(node);
    const without = keys.map((key) => Object.fromEntries(Object.entries(node).filter(([other]) => other !== key)));
    return [[], { ...node, unexpectedKey: 1 }, ...without.slice(0, 3)];
  }
  return [otherType, 'text', {}];
}
