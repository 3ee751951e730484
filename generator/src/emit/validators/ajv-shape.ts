import { createRequire } from 'node:module';
import { compileValidators, type RuntimeFormat } from './compile-validators.js';
import type { RewriteName } from './rewrite-statements.js';
import type { JsonSchema } from './lower-schema.js';
import { StopAtFirstShapeError } from './stop-at-first.js';

const require = createRequire(import.meta.url);

/**
 * Schemas whose standalone code holds every shape the rewrites of AJV's output look for: a recursive
 * `$ref` (the wrapper object), a nested call, the `sourceURL` comments AJV writes after each function, an
 * object of nine closed properties (the own-property test), error literals and the schema constants they
 * read (short enums, written where they are reported, and one too long for that, which keeps its
 * constant), and an `anyOf` whose alternatives' problems are dropped when one holds. (`maxLength`/`minLength`
 * are keywords of ours, length-keywords.ts, and need no rewrite.)
 */
const probe: { entries: { name: string; def: string }[]; defs: Record<string, JsonSchema> } = {
  entries: [
    { name: 'Node', def: 'Node' },
    { name: 'Wide', def: 'Wide' },
  ],
  defs: {
    Node: {
      type: 'object',
      properties: { name: { type: 'string', maxLength: 3 }, next: { $ref: '#/$defs/Node' }, tag: { $ref: '#/$defs/Tag' } },
      required: ['name'],
    },
    Tag: { anyOf: [{ type: 'string' }, { type: 'number' }] },
    Wide: {
      type: 'object',
      additionalProperties: false,
      properties: {
        ...Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((name) => [name, { enum: [name, `${name}${name}`] }])),
        i: { enum: ['a value longer than the read of it', 'and another'] },
      },
    },
  },
};

/** What the compilation must have rewritten. */
const expected: RewriteName[] = [
  'replaceRequires',
  'directCalls',
  'absoluteSchemaPaths',
  'ownKeySets',
  'relativeErrorPaths',
  'compactErrors',
  'collectInAlternatives',
  'stopAtFirst',
  'dropUnreadCounts',
  'inlineReportedValues',
  'trimSchemaConstants',
];

/**
 * The rewrites read AJV's private code shape, so `ajv` is pinned to the version they were written
 * against; this guards the pin. It compiles the probe and throws, naming each rewrite that found nothing
 * to rewrite (or, for stop-at-first.ts, a function it cannot read), instead of letting code of another
 * shape pass through unchanged (still valid JavaScript, but slower, or where a rewrite is all-or-nothing
 * differently shaped, or for stop-at-first.ts an `is*` that stops inside an alternative). `transform`
 * stands for another AJV's output in the tests.
 */
export function checkAjvShape({
  formats,
  transform,
}: {
  formats: Readonly<Record<string, RuntimeFormat>>;
  transform?: (code: string) => string;
}): void {
  const applied = new Map<RewriteName, number>();
  let missing: string[];
  try {
    compileValidators({ set: probe, formats, checkSchemas: false, applied, ...(transform ? { transform } : {}) });
    missing = expected.filter((name) => (applied.get(name) ?? 0) === 0);
  } catch (error) {
    if (!(error instanceof StopAtFirstShapeError)) throw error;
    missing = [`${error.rewrite} (${error.message})`];
  }
  if (missing.length > 0) {
    const version = (require('ajv/package.json') as { version: string }).version;
    throw new Error(
      `AJV ${version}'s standalone code no longer has the shape these rewrites expect: ${missing.join(', ')}. ` +
        'specsmith pins the AJV it was written against; install that version, or update the rewrites in post-process.ts.',
    );
  }
}
