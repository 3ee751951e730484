import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../generator/src/index.js';
import { temporaryDirectory } from './support/paths.js';

/**
 * Entries with the same lowered schema share one compiled function (shared-entries.ts); each still cites
 * its own place in the spec. Two operations answer with the same inline object (lines 11 and 21); a third
 * answers with what the recursive Tree is, so its schema reaches itself and it keeps a function of its own.
 */
const spec = `openapi: 3.1.0
info: {title: Shared, version: 1.0.0}
paths:
  /a:
    get:
      operationId: getA
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                required: [id]
                properties: {id: {type: string}}
  /b:
    get:
      operationId: getB
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                required: [id]
                properties: {id: {type: string}}
  /c:
    get:
      operationId: getC
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  children: {type: array, items: {$ref: '#/components/schemas/Tree'}}
                  name: {type: string}
components:
  schemas:
    Tree:
      type: object
      properties:
        children: {type: array, items: {$ref: '#/components/schemas/Tree'}}
        name: {type: string}
`;

type Assert = (value: unknown) => void;
let pkg: Record<string, Assert>;
let all: Record<string, unknown>;

/** The messages `assert` throws for `value`. */
function messages(assert: Assert | undefined, value: unknown): string[] {
  try {
    assert?.(value);
  } catch (error) {
    return (error as { issues: { message: string }[] }).issues.map((issue) => issue.message);
  }
  return [];
}

beforeAll(async () => {
  const folder = temporaryDirectory('shared-entries');
  writeFileSync(path.join(folder, 'openapi.yaml'), spec);
  const result = await generate({
    root: folder,
    jobs: [{ spec: 'openapi.yaml', out: 'pkg', name: '@fixtures/shared' }],
    progress: 'never',
  });
  expect(result.diagnostics).toEqual([]);
  pkg = (await import(pathToFileURL(path.join(folder, 'pkg/index.js')).href)) as Record<string, Assert>;
  all = (await import(pathToFileURL(path.join(folder, 'pkg/validators-compiled.js')).href)) as Record<string, unknown>;
});

describe('entries with the same schema', () => {
  it('share one compiled function', () => {
    expect(all.GetAResponse200).toBeTypeOf('function');
    expect(all.GetBResponse200).toBe(all.GetAResponse200);
  });

  it("each cite their own place in the spec, not the first entry's", () => {
    expect(messages(pkg.assertGetAResponse200, {})).toEqual([
      expect.stringContaining('openapi.json#/paths/~1a/get/responses/200/content/application~1json/schema, openapi.yaml:13)'),
    ]);
    expect(messages(pkg.assertGetBResponse200, {})).toEqual([
      expect.stringContaining('openapi.json#/paths/~1b/get/responses/200/content/application~1json/schema, openapi.yaml:25)'),
    ]);
  });

  it('keep functions of their own when the first reaches itself, so nested rules keep their place', () => {
    expect(all.GetCResponse200).not.toBe(all.Tree);
    const found = messages(pkg.assertGetCResponse200, { name: 1, children: [{ name: 2 }] });
    expect(found).toEqual([
      expect.stringMatching(/^\/children\/0\/name must be .*#\/components\/schemas\/Tree\/properties\/name, openapi\.yaml:47\)$/),
      expect.stringMatching(/^\/name must be .*#\/paths\/~1c\/get\/.*, openapi\.yaml:40\)$/),
    ]);
  });
});
