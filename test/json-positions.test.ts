import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordJsonPositions } from '../generator/src/load/json-positions.js';
import { parseJsonText, visitJsonText } from '../generator/src/load/parse-json.js';
import { OriginIndex } from '../generator/src/load/origins.js';
import { fixturesDir, repoRoot } from './support/paths.js';

/**
 * json-positions.ts against the streaming visitor (jsonc-parser), which reads the text as written: the
 * same values, and for every container and key the same place.
 */
function places(value: unknown, origins: OriginIndex): unknown[] {
  const found: unknown[] = [];
  const walk = (node: unknown) => {
    if (node === null || typeof node !== 'object') return;
    found.push(origins.of(node));
    for (const key of Object.keys(node)) {
      if (!Array.isArray(node)) found.push([key, origins.ofKey(node, key)]);
      walk((node as Record<string, unknown>)[key]);
    }
  };
  walk(value);
  return found;
}

function scanned(text: string): { recorded: boolean; value: unknown; places: unknown[] } {
  const origins = new OriginIndex();
  const value: unknown = JSON.parse(text);
  const recorded = recordJsonPositions({ text, value, file: 'spec.json', origins });
  return { recorded, value, places: places(value, origins) };
}

function visited(text: string): { value: unknown; places: unknown[] } {
  const origins = new OriginIndex();
  const { value } = visitJsonText({ text, file: 'spec.json', origins });
  return { value, places: places(value, origins) };
}

const crafted: [string, string][] = [
  ['an empty object and array', '{"a": {}, "b": [], "c": [[], {}]}'],
  ['CRLF, CR and LF line ends, tabs', '{\r\n\t"a": [\r1,\n\t{"b": null}],\r\n"c"\t:\t{"d": true}\n}'],
  ['keys with escapes, quotes and backslashes', '{"a\\"b": {"x": 1}, "c\\\\": [{"y": "\\\\"}], "\\u00e9\\n": {}, "e\\\\\\"f": {}}'],
  ['integer-like keys, which JSON.parse puts first', '{"b": {"x": 1}, "200": {"y": 2}, "10": [1], "a": {}}'],
  ['a key named __proto__', '{"__proto__": {"x": {"y": 1}}, "z": {}}'],
  ['characters outside Latin-1 and astral ones before a container', '{"ключ": "значение 😀", "b": {"c": ["日本", {"d": 1}]}}'],
  ['numbers, literals and strings that hold structure', '{"a": -1.5e+3, "b": "{[,]}", "c": [true, false, null, 0], "d": {"e": "\\"}"}}'],
  [
    'numbers at the edges of a double, a lone surrogate, a line separator',
    '{"n": [1e400, -0, 1.0000000000000001, 1e-400, 123456789012345678901234567890], "s": ["\\ud800", "\u2028", {"t": "\\u2028"}]}',
  ],
  ['an array at the root', '[{"a": 1}, [{"b": 2}], "x"]'],
  ['one line', '{"a":{"b":[{"c":{}}]},"d":[1,2,{"e":[]}]}'],
];

describe('JSON positions beside JSON.parse', () => {
  it.each(crafted)('places %s where the visitor does', (_label, text) => {
    const fast = scanned(text);
    expect(fast.recorded).toBe(true);
    const reference = visited(text);
    expect(fast.value).toEqual(reference.value);
    expect(fast.places).toEqual(reference.places);
  });

  it.each([
    ['GitHub REST', path.join(repoRoot, 'node_modules/@octokit/openapi/generated/api.github.com.json')],
    ['the JSON fixture', path.join(fixturesDir, 'json-document.json')],
    ['package.json', path.join(repoRoot, 'package.json')],
  ])('places every container and key of %s where the visitor does', (_label, file) => {
    const text = readFileSync(file, 'utf8');
    const fast = scanned(text);
    expect(fast.recorded).toBe(true);
    const reference = visited(text);
    expect(Object.keys(fast.value as object)).toEqual(Object.keys(reference.value as object));
    expect(fast.places).toEqual(reference.places);
  });

  it('gives a text with a key named twice to the visitor, which keeps the last value at the place of the last', () => {
    const text = '{"a": {"x": {"deep": 1}}, "b": 1, "a": {"y": 2}}';
    expect(scanned(text).recorded).toBe(false);
    const origins = new OriginIndex();
    const parsed = parseJsonText({ text, file: 'spec.json', origins });
    const reference = visited(text);
    expect(parsed.value).toEqual({ a: { y: 2 }, b: 1 });
    expect(places(parsed.value, origins)).toEqual(reference.places);
  });

  it('words the syntax errors of a text JSON.parse refuses as the visitor does', () => {
    const text = '{"a": [1, 2,]}';
    const parsed = parseJsonText({ text, file: 'spec.json', origins: new OriginIndex() });
    expect(parsed.value).toBeUndefined();
    expect(parsed.diagnostics).toEqual(visitJsonText({ text, file: 'spec.json', origins: new OriginIndex() }).diagnostics);
    expect(parsed.diagnostics[0]).toMatchObject({ code: 'json-syntax', line: 1 });
  });
});
