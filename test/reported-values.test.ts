import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../generator/src/index.js';
import { temporaryDirectory } from './support/paths.js';

/** A message says what the spec writes: a union of types, an enum's values, whatever the check holds in its constants. */
describe('the types and values a message reports', () => {
  let pkg: Record<string, (value: unknown) => unknown>;

  beforeAll(async () => {
    const folder = temporaryDirectory('reported-values');
    writeFileSync(
      path.join(folder, 'openapi.yaml'),
      `openapi: 3.1.0
info: {title: Constants, version: 1.0.0}
paths: {}
components:
  schemas:
    Card:
      type: object
      properties:
        nickname: {type: [string, 'null'], maxLength: 3}
        status: {enum: [a status longer than the read of it, another long status value]}
        limits:
          type: array
          items: {type: [integer, 'null']}
`,
    );
    const result = await generate({
      root: folder,
      jobs: [{ spec: 'openapi.yaml', out: 'pkg', name: '@fixtures/constants' }],
      progress: 'never',
    });
    expect(result.diagnostics).toEqual([]);
    pkg = (await import(pathToFileURL(path.join(folder, 'pkg/index.js')).href)) as typeof pkg;
  });

  const messages = (value: unknown): string[] => {
    try {
      pkg.assertCard?.(value);
      return [];
    } catch (error) {
      return (error as { issues: { message: string }[] }).issues.map((issue) => issue.message);
    }
  };

  it('reports the types and values the spec writes', () => {
    expect(messages({ nickname: 1, status: 'x', limits: ['y'] })).toEqual([
      expect.stringContaining('must be of type string or null'),
      expect.stringContaining('must be one of "a status longer than the read of it", "another long status value"'),
      expect.stringContaining('must be of type integer or null'),
    ]);
    expect(pkg.isCard?.({ nickname: null, status: 'another long status value', limits: [1, null] })).toBe(true);
  });
});
