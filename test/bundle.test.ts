import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../generator/src/generate.js';
import { parseDocument } from '../generator/src/ir/parse-document.js';
import { loadDocument } from '../generator/src/load/load-document.js';
import { fixturesDir, temporaryDirectory } from './support/paths.js';

/**
 * The spec a package ships is the user's multi-file spec bundled into one document: it must mean the same
 * (it generates the same types as the files it came from) and every place in the source maps into it.
 */
const root = `openapi: 3.1.0
info: {title: bundled, version: '1'}
paths:
  /pages:
    get:
      parameters:
        - $ref: 'parts.yaml#/parameters/Limit'
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: 'parts.yaml#/schemas/Page'}
  /other:
    get:
      parameters:
        - $ref: 'parts.yaml#/parameters/Limit'
      responses:
        '204': {description: none}
components:
  schemas:
    Page: {type: string, description: the entry file's own Page}
    Item:
      type: object
      properties:
        next: {$ref: '#/components/schemas/Item'}
`;

/** A YAML alias inside itself: the model cuts the cycle (its type reads `unknown`), JSON cannot hold it. */
const selfAlias = `    Node: &node
      type: object
      properties:
        child: *node
`;

const parts = `parameters:
  Limit:
    name: limit
    in: query
    schema: {$ref: '#/schemas/Size'}
schemas:
  Page:
    type: object
    properties:
      items: {type: array, items: {$ref: 'openapi.yaml#/components/schemas/Item'}}
      size: {$ref: '#/schemas/Size', description: how many}
  Size: {type: integer, minimum: 1}
`;

function writeSpec(extra = ''): string {
  const folder = temporaryDirectory('bundle');
  writeFileSync(path.join(folder, 'openapi.yaml'), root + extra);
  writeFileSync(path.join(folder, 'parts.yaml'), parts);
  return folder;
}

async function bundleOf(folder: string) {
  const loaded = await loadDocument({ entry: 'openapi.yaml', root: folder });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  return parseDocument(loaded.loaded);
}

describe('the shipped spec of a multi-file spec', () => {
  it('moves named schemas of other files under components/schemas, without taking a name the entry file uses', async () => {
    const model = await bundleOf(writeSpec());
    const document = model.shipped.document as { components: { schemas: Record<string, unknown> } };
    expect(Object.keys(document.components.schemas)).toEqual(['Page', 'Item', 'Size', 'Page2']);
    expect(document.components.schemas.Page2).toEqual({
      type: 'object',
      properties: {
        items: { type: 'array', items: { $ref: '#/components/schemas/Item' } },
        size: { $ref: '#/components/schemas/Size', description: 'how many' },
      },
    });
  });

  it('copies another fragment in place of its first reference, and points later ones at that copy', async () => {
    const model = await bundleOf(writeSpec());
    const paths = (model.shipped.document as { paths: Record<string, { get: { parameters: unknown[] } }> }).paths;
    expect(paths['/pages']?.get.parameters).toEqual([{ name: 'limit', in: 'query', schema: { $ref: '#/components/schemas/Size' } }]);
    expect(paths['/other']?.get.parameters).toEqual([{ $ref: '#/paths/~1pages/get/parameters/0' }]);
  });

  it('writes a YAML alias that contains itself as a reference to its first place', async () => {
    const model = await bundleOf(writeSpec(selfAlias));
    const node = (model.shipped.document as { components: { schemas: { Node: unknown } } }).components.schemas.Node;
    expect(node).toEqual({ type: 'object', properties: { child: { $ref: '#/components/schemas/Node' } } });
    expect(() => JSON.stringify(model.shipped.document)).not.toThrow();
  });

  it('maps each source place to its place in the bundle and names the file from the spec folder', async () => {
    const model = await bundleOf(writeSpec());
    const page = model.schemas.find((named) => named.name === 'Page2');
    expect(page?.schema.meta.origin?.shipped).toEqual({ pointer: '/components/schemas/Page2', source: 'parts.yaml' });
    const size = page?.schema.kind === 'object' ? page.schema.properties.find((property) => property.name === 'size') : undefined;
    expect(size?.origin?.shipped).toEqual({ pointer: '/components/schemas/Page2/properties/size', source: 'parts.yaml' });
    const limit = model.operations.find((operation) => operation.path === '/pages')?.parameters.query[0];
    expect(limit?.origin?.shipped).toEqual({ pointer: '/paths/~1pages/get/parameters/0', source: 'parts.yaml' });
  });

  it('generates the same types as the files it was bundled from', async () => {
    const folder = writeSpec();
    const result = await generate({ root: folder, jobs: [{ spec: 'openapi.yaml', out: 'out', name: 'bundled' }], progress: 'never' });
    expect(result.diagnostics).toEqual([]);
    const again = await generate({ root: folder, jobs: [{ spec: 'out/openapi.json', out: 'again', name: 'bundled' }], progress: 'never' });
    expect(again.diagnostics).toEqual([]);
    const withoutPlaces = (text: string) => text.replace(/^\/\/.*\n/gm, '').replace(/ \([^()\s]*:\d+\)(?= \*\/$|$)/gm, '');
    const types = (folder: string) => withoutPlaces(readFileSync(path.join(folder, 'types.d.cts'), 'utf8'));
    expect(types(path.join(folder, 'again'))).toBe(types(path.join(folder, 'out')));
    expect(types(path.join(folder, 'out'))).toContain('@spec openapi.json#/components/schemas/Page2/properties/size');
  });
});

describe('the shipped spec of a one-file JSON spec', () => {
  it('is the file as written, so the lines @spec names are the shipped file’s lines', async () => {
    const folder = temporaryDirectory('bundle-json');
    const text = readFileSync(path.join(fixturesDir, 'json-document.json'), 'utf8');
    writeFileSync(path.join(folder, 'api.json'), text);
    const result = await generate({ root: folder, jobs: [{ spec: 'api.json', out: 'out', name: 'json' }], progress: 'never' });
    expect(result.diagnostics).toEqual([]);
    expect(readFileSync(path.join(folder, 'out/openapi.json'), 'utf8')).toBe(text);
    const shippedLines = text.split('\n');
    const declarations = readFileSync(path.join(folder, 'out/types.d.cts'), 'utf8');
    const tags = [...declarations.matchAll(/@spec openapi\.json#(\S+) \(openapi\.json:(\d+)\)/g)];
    expect(tags.length).toBeGreaterThan(2);
    for (const [, pointer = '', line = ''] of tags) {
      const key = pointer.split('/').at(-1)?.replace(/~1/g, '/').replace(/~0/g, '~') ?? '';
      // An object's place is its opening line, so its key is on that line or the one before.
      const around = [shippedLines[Number(line) - 1] ?? '', shippedLines[Number(line) - 2] ?? ''].join('\n');
      expect(around, `openapi.json:${line} for ${pointer}`).toContain(JSON.stringify(key));
    }
  });
});
