import { describe, expect, it } from 'vitest';
import { checkAjvShape } from '../generator/src/emit/validators/ajv-shape.js';
import { formats } from '../templates/validators/runtime.js';

/**
 * The rewrites of AJV's standalone code (post-process.ts) depend on a code shape AJV never promised, so
 * AJV is pinned and this guard runs before every generation. Here each rewrite meets code of another
 * shape (what a different AJV might write) and the guard must fail by its name.
 */
describe('the guard of the rewrites of AJV output', () => {
  it('passes with the AJV specsmith pins', () => {
    expect(() => checkAjvShape({ formats })).not.toThrow();
  });

  const otherShapes: [string, (code: string) => string][] = [
    ['directCalls', (code) => code.replace(/\bwrapper(\d+)\b/g, 'wrap$1')],
    ['ownKeySets', (code) => code.replace(/\.call\((schema\d+)\.properties, /g, '.call($1["properties"], ')],
    ['relativeErrorPaths', (code) => code.replace(/\bparentDataProperty\b/g, 'parentKey')],
    ['sharedFailures', (code) => code.replace(/\}\];return false;/g, '}]; return false;')],
    ['countedFailures', (code) => code.replace(/\.errors = vErrors;return errors === 0;/g, '.errors = vErrors; return errors === 0;')],
  ];
  it.each(otherShapes)('fails by name when %s finds nothing to rewrite', (name, transform) => {
    expect(() => checkAjvShape({ formats, transform })).toThrow(
      new RegExp(`no longer has the shape these rewrites expect: .*\\b${name} \\(`),
    );
  });
});
