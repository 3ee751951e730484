import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../generator/src/index.js';
import { temporaryDirectory } from './support/paths.js';

/**
 * One compiled function answers `is*` (stop at the first problem) and `assert*` (collect them all):
 * the emitted function, called without an `errors` array or with one. What a value's getters are asked tells how far a check walked. Record is an object
 * without alternatives; Tagged holds an `anyOf` (its function collects, whatever it is asked) between
 * two properties of its own; Outer calls Tagged's function, then Record's.
 */
const spec = `openapi: 3.1.0
info: {title: Stops, version: 1.0.0}
paths: {}
components:
  schemas:
    Record:
      type: object
      properties:
        first: {type: string}
        second: {type: string}
        third: {type: string}
    Tagged:
      type: object
      properties:
        before: {type: string}
        tag:
          anyOf:
            - $ref: '#/components/schemas/Record'
            - {type: string, maxLength: 3}
        after: {type: string}
    Outer:
      type: object
      properties:
        tag: {$ref: '#/components/schemas/Tagged'}
        record: {$ref: '#/components/schemas/Record'}
`;

type Face = (value: unknown) => unknown;
let pkg: Record<string, Face>;

/** A value whose properties note each time they are read. */
function watched(properties: Record<string, unknown>): { value: Record<string, unknown>; reads: string[] } {
  const reads: string[] = [];
  const value = {};
  for (const [name, held] of Object.entries(properties))
    Object.defineProperty(value, name, {
      enumerable: true,
      get: () => {
        reads.push(name);
        return held;
      },
    });
  return { value, reads };
}

const issuePaths = (value: unknown): string[] => {
  try {
    pkg.assertTagged?.(value);
    return [];
  } catch (error) {
    return (error as { issues: { path: string }[] }).issues.map((issue) => issue.path);
  }
};

beforeAll(async () => {
  const folder = temporaryDirectory('stop-at-first');
  writeFileSync(path.join(folder, 'openapi.yaml'), spec);
  const result = await generate({ root: folder, jobs: [{ spec: 'openapi.yaml', out: 'pkg', name: '@fixtures/stops' }], progress: 'never' });
  expect(result.diagnostics).toEqual([]);
  pkg = (await import(pathToFileURL(path.join(folder, 'pkg/index.js')).href)) as Record<string, Face>;
});

describe('is* and assert* from one compiled function', () => {
  it('is* stops at the first problem; assert* goes on to the end', () => {
    const forIs = watched({ first: 1, second: 'b', third: 3 });
    expect(pkg.isRecord?.(forIs.value)).toBe(false);
    expect(new Set(forIs.reads)).toEqual(new Set(['first']));
    const forAssert = watched({ first: 1, second: 'b', third: 3 });
    expect(() => pkg.assertRecord?.(forAssert.value)).toThrow(/\/first must be of type string[\s\S]*\/third must be of type string/);
    expect(forAssert.reads).toEqual(expect.arrayContaining(['first', 'second', 'third']));
  });

  it("does not stop inside an alternative: a failing one is not the value's problem", () => {
    // The first alternative (Record) fails on a string, the second holds; on an object, the first holds.
    expect(pkg.isTagged?.({ before: 'a', tag: 'abc', after: 'z' })).toBe(true);
    expect(pkg.isTagged?.({ before: 'a', tag: { first: 'x' }, after: 'z' })).toBe(true);
    expect(pkg.isTagged?.({ before: 'a', tag: 'abcd', after: 'z' })).toBe(false);
    expect(pkg.isTagged?.({ before: 'a', tag: { first: 1 }, after: 'z' })).toBe(false);
  });

  it('stops again once the alternatives are done, in the caller and the functions it calls next', () => {
    // Tagged's own function tries the alternatives, so it runs to its end; `after` is its problem.
    const tagged = watched({ before: 'a', tag: 'abc', after: 1 });
    expect(pkg.isTagged?.(tagged.value)).toBe(false);
    expect(issuePaths({ before: 'a', tag: 'abc', after: 1 })).toEqual(['/after']);
    // Outer asks Tagged's function, then Record's, to stop: Record's stops at its first problem.
    const record = watched({ first: 1, second: 'b', third: 3 });
    expect(pkg.isOuter?.({ tag: { before: 'a', tag: 'abc' }, record: record.value })).toBe(false);
    expect(new Set(record.reads)).toEqual(new Set(['first']));
  });

  it('leaves assert* collecting every problem after an is* that could not walk the value', () => {
    const throwing = {};
    Object.defineProperty(throwing, 'first', {
      enumerable: true,
      get: () => {
        throw new Error('no reading this');
      },
    });
    expect(pkg.isRecord?.(throwing)).toBe(false);
    expect(() => pkg.assertRecord?.({ first: 1, second: 2, third: 3 })).toThrow(/\/first [^\n]*\n[^\n]*\/second [^\n]*\n[^\n]*\/third /);
  });
  it('keeps each face to its own mode when one runs inside the other (from a getter of the value)', () => {
    const paths = (value: unknown) => {
      try {
        pkg.assertRecord?.(value);
        return [];
      } catch (error) {
        return (error as { issues: { path: string }[] }).issues.map((issue) => issue.path);
      }
    };
    // assert* inside is*: it collects everything, and the is* around it still stops at its first problem.
    let inner: string[] = [];
    const outer = watched({ first: 'a', third: 3, fourth: 4 });
    Object.defineProperty(outer.value, 'second', {
      enumerable: true,
      get: () => {
        inner = paths({ first: 1, second: 'ok', third: 3 });
        return 'b';
      },
    });
    expect(pkg.isRecord?.(outer.value)).toBe(false);
    expect(inner).toEqual(['/first', '/third']);
    // is* inside assert*: it stops at its first problem, and the assert* around it still collects everything.
    const checked = watched({ first: 1, second: 'b', third: 3 });
    const around = { first: 1, third: 3 };
    Object.defineProperty(around, 'second', {
      enumerable: true,
      get: () => {
        expect(pkg.isRecord?.(checked.value)).toBe(false);
        return 2;
      },
    });
    expect(paths(around)).toEqual(['/first', '/second', '/third']);
    expect(new Set(checked.reads)).toEqual(new Set(['first']));
  });
});
