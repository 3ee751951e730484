import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTrafficSpec } from '../generator/src/traffic/load-spec.js';
import { loadSpecValidator } from '../generator/src/validate/spec-validator.js';
import { temporaryDirectory } from './support/paths.js';

/**
 * `specsmith validate` and `mock` compile through the same entry point as `generate` (validator-code.ts),
 * so a schema the emitter leaves to AJV runs AJV's standalone code there too: from memory, from the
 * validate cache (a module file in another folder), with AJV's helpers required from the toolkit.
 */
const spec = `openapi: 3.1.0
info: {title: Fallback, version: 1.0.0}
paths: {}
components:
  schemas:
    Closed:
      type: object
      properties:
        name: {type: string, maxLength: 3}
        tags: {type: array, uniqueItems: true, items: {enum: [{a: 1}, b]}}
      unevaluatedProperties: false
    Open:
      type: object
      properties:
        name: {type: string, maxLength: 3}
`;

const issues = (found: { path: string; keyword: string }[] | undefined) => found?.map(({ path, keyword }) => `${path} ${keyword}`);

describe('a schema compiled by AJV, outside generate', () => {
  it.each([
    ['without a cache', false],
    ['through the validate cache', true],
  ] as const)('checks values in validate, %s', async (_, cached) => {
    const root = temporaryDirectory('validate-fallback');
    writeFileSync(path.join(root, 'openapi.yaml'), spec);
    const cache = cached ? path.join(root, 'cache') : false;
    for (const round of [1, 2]) {
      const loaded = await loadSpecValidator({ spec: 'openapi.yaml', target: { schema: 'Closed' }, root, cache });
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
      expect(loaded.cache).toBe(cached ? (round === 1 ? 'miss' : 'hit') : 'off');
      const { check } = loaded.validator;
      expect(check({ name: 'abc', tags: [{ a: 1 }, 'b'] })).toBeUndefined();
      // uniqueItems and enum by deep equality, and unevaluatedProperties: AJV's runtime helpers at work.
      expect(issues(check({ name: 'abcd', tags: [{ a: 1 }, { a: 1 }], extra: 1 }))?.sort()).toEqual([
        '/extra unevaluatedProperties',
        '/name maxLength',
        '/tags uniqueItems',
      ]);
    }
  });

  it('checks requests in mock, beside schemas the emitter compiles', async () => {
    const root = temporaryDirectory('mock-fallback');
    writeFileSync(path.join(root, 'openapi.yaml'), spec);
    const { spec: mock, diagnostics } = await loadTrafficSpec({ spec: 'openapi.yaml', root });
    expect(diagnostics).toEqual([]);
    const closed = mock?.checks.get('Closed');
    const open = mock?.checks.get('Open');
    expect(issues(closed?.({ name: 'abcd', extra: 1 }))?.sort()).toEqual(['/extra unevaluatedProperties', '/name maxLength']);
    expect(issues(open?.({ name: 'abcd', extra: 1 }))).toEqual(['/name maxLength']);
  });
});
