import { describe, expect, it } from 'vitest';
import { createMeta } from '../generator/src/ir/parse-meta.js';
import type { OperationNode, ParameterLocation, ParameterNode, SchemaNode } from '../generator/src/ir/types.js';
import { readParameters } from '../generator/src/traffic/read-parameters.js';
import { serializeHeader, serializePath, serializeQuery } from '../templates/runtime/serialize.js';

/**
 * Parameter serialization against the Style Examples of OpenAPI 3.1 §4.8.12.4 (color = "blue",
 * ["blue", "black", "brown"], { R: 100, G: 200, B: 150 }), with `label` as RFC 6570 §3.2.5 spells it
 * (`.blue,black,brown` unexploded; the 3.0.3 table printed dots, 3.1.1 corrected it). The mock server's
 * reader must give every value back, typed by its schema.
 */
const string = 'blue';
const array = ['blue', 'black', 'brown'];
const object = { R: 100, G: 200, B: 150 };

const pathTable: [string, boolean, string, string, string][] = [
  ['matrix', false, ';color=blue', ';color=blue,black,brown', ';color=R,100,G,200,B,150'],
  ['matrix', true, ';color=blue', ';color=blue;color=black;color=brown', ';R=100;G=200;B=150'],
  ['label', false, '.blue', '.blue,black,brown', '.R,100,G,200,B,150'],
  ['label', true, '.blue', '.blue.black.brown', '.R=100.G=200.B=150'],
  ['simple', false, 'blue', 'blue,black,brown', 'R,100,G,200,B,150'],
  ['simple', true, 'blue', 'blue,black,brown', 'R=100,G=200,B=150'],
];

const queryTable: [string, boolean, string | undefined, string, string][] = [
  ['form', false, 'color=blue', 'color=blue,black,brown', 'color=R,100,G,200,B,150'],
  ['form', true, 'color=blue', 'color=blue&color=black&color=brown', 'R=100&G=200&B=150'],
  ['spaceDelimited', false, undefined, 'color=blue%20black%20brown', 'color=R%20100%20G%20200%20B%20150'],
  ['pipeDelimited', false, undefined, 'color=blue%7Cblack%7Cbrown', 'color=R%7C100%7CG%7C200%7CB%7C150'],
];

describe('path parameters', () => {
  it.each(pathTable)('%s, explode %s', (style, explode, forString, forArray, forObject) => {
    expect(serializePath('color', string, style, explode)).toBe(forString);
    expect(serializePath('color', array, style, explode)).toBe(forArray);
    expect(serializePath('color', object, style, explode)).toBe(forObject);
    const read = (value: string, schema: SchemaNode) =>
      readParameters({ ...readerInput('path', style, explode, schema), pathValues: { color: value } }).path.color;
    expect(read(forString, stringSchema)).toBe(string);
    expect(read(forArray, arraySchema)).toEqual(array);
    expect(read(forObject, objectSchema)).toEqual(object);
  });

  it('percent-encodes values, not delimiters', () => {
    expect(serializePath('id', 'a/b c', 'simple', false)).toBe('a%2Fb%20c');
    expect(serializePath('ids', ['a,b', 'c'], 'simple', false)).toBe('a%2Cb,c');
  });
});

describe('query parameters', () => {
  it.each(queryTable)('%s, explode %s', (style, explode, forString, forArray, forObject) => {
    if (forString !== undefined) expect(serializeQuery('color', string, style, explode).join('&')).toBe(forString);
    expect(serializeQuery('color', array, style, explode).join('&')).toBe(forArray);
    expect(serializeQuery('color', object, style, explode).join('&')).toBe(forObject);
    const read = (value: string, schema: SchemaNode) =>
      readParameters({ ...readerInput('query', style, explode, schema), search: new URLSearchParams(value) }).query.color;
    expect(read(forArray, arraySchema)).toEqual(array);
    expect(read(forObject, objectSchema)).toEqual(object);
  });

  it('deepObject, explode true', () => {
    expect(serializeQuery('color', object, 'deepObject', true).join('&')).toBe('color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150');
    const search = new URLSearchParams('color[R]=100&color[G]=200&color[B]=150');
    expect(readParameters({ ...readerInput('query', 'deepObject', true, objectSchema), search }).query.color).toEqual(object);
  });

  it('leaves out an absent value and sends an empty one as name=', () => {
    expect(serializeQuery('color', undefined, 'form', true)).toEqual([]);
    expect(serializeQuery('color', '', 'form', true)).toEqual(['color=']);
  });
});

describe('header parameters (simple)', () => {
  it('writes arrays and objects as the table does, unencoded', () => {
    expect(serializeHeader(array, false)).toBe('blue,black,brown');
    expect(serializeHeader(object, false)).toBe('R,100,G,200,B,150');
    expect(serializeHeader(object, true)).toBe('R=100,G=200,B=150');
    const parts = readParameters({ ...readerInput('header', 'simple', true, objectSchema), headers: { color: 'R=100,G=200,B=150' } });
    expect(parts.headers.color).toEqual(object);
  });
});

const stringSchema: SchemaNode = { kind: 'string', meta: createMeta() };
const arraySchema: SchemaNode = { kind: 'array', items: stringSchema, prefixItems: [], meta: createMeta() };
const numberSchema: SchemaNode = { kind: 'number', integer: true, meta: createMeta() };
const objectSchema: SchemaNode = {
  kind: 'object',
  properties: ['R', 'G', 'B'].map((name) => ({ name, required: false, access: 'both', schema: numberSchema })),
  additional: undefined,
  extraRequired: [],
  untyped: false,
  meta: createMeta(),
};

/** A one-parameter operation, for the mock's reader. */
function readerInput(location: ParameterLocation, style: string, explode: boolean, schema: SchemaNode) {
  const parameter: ParameterNode = { name: 'color', in: location, required: true, deprecated: false, style, explode, schema };
  const parameters = { path: [], query: [], header: [], cookie: [], [location]: [parameter] } as OperationNode['parameters'];
  const operation = { parameters } as OperationNode;
  return { operation, schemas: new Map(), pathValues: {}, search: new URLSearchParams(), headers: {} };
}
