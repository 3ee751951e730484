import { beforeAll, describe, expect, it } from 'vitest';
import { loadConstructed, type CompiledCheck } from './support/construct-module.js';
import { createReference } from './support/construct-reference.js';

/**
 * A subschema the module repeats (shapes.ts) is one function that every place calls with its own schema
 * path, so that an issue still names the place it stands at, byte for byte as AJV does: here a user
 * object written inline under two defs, as an item, in an `anyOf` branch, and inside another repeated
 * shape, each with keys a schema path escapes.
 */
const user = () => ({
  type: ['object', 'null'],
  required: ['login'],
  properties: {
    login: { type: 'string', maxLength: 5 },
    'a/b~c': { type: 'integer', minimum: 0 },
    site: { type: 'string', format: 'uri' },
    kind: {
      anyOf: [
        { type: 'string', enum: ['User', 'Bot', 'Organization'] },
        { type: 'integer', maximum: 3 },
      ],
    },
  },
  additionalProperties: false,
});
const pull = () => ({
  type: 'object',
  properties: { author: user(), reviewers: { type: 'array', items: user() }, state: { enum: ['open', 'closed'] } },
});
const defs = {
  Opened: { type: 'object', properties: { 'pull request': pull(), sender: user() } },
  Closed: { type: 'object', properties: { pull: pull(), users: { type: 'array', items: user() } } },
  Either: { anyOf: [user(), { type: 'string' }] },
  Again: { anyOf: [user(), { type: 'boolean' }] },
};

let checks: Record<string, CompiledCheck>;
let source: string;
beforeAll(async () => {
  ({ checks, source } = await loadConstructed({ defs, label: 'construct-shapes' }));
});

const ajv = createReference();
ajv.addSchema({ $id: 'specsmith:shapes', $defs: defs });

const wrongUser = { login: 'too long', 'a/b~c': -1, site: 'not a uri', kind: true, extra: 1 };

describe('shapes shared by their places', () => {
  it('writes a repeated shape once', () => {
    expect(source.match(/\.login === undefined/g)).toHaveLength(1);
  });

  it.each([
    ['Opened', { 'pull request': { author: wrongUser, reviewers: [null, wrongUser] }, sender: {} }],
    ['Closed', { pull: { author: {}, state: 'merged' }, users: [wrongUser, 5] }],
    ['Either', wrongUser],
    ['Again', 5],
    ['Opened', { sender: null, 'pull request': { author: { login: 'ok', kind: 2 } } }],
  ])('%s on %j: the issues of each place, schema paths included, as AJV reports them', (name, value) => {
    const check = checks[name]!;
    const reference = ajv.getSchema(`specsmith:shapes#/$defs/${name}`)!;
    const expected = reference(value) as boolean;
    expect(check(value, '', true)).toBe(expected);
    expect(check(value)).toBe(expected);
    const key = (issue: { instancePath: string; keyword: string; schemaPath: string }) =>
      `${issue.instancePath} ${issue.keyword} ${issue.schemaPath}`;
    // AJV compiles the def as a schema of its own: its paths start at the def.
    const theirs = (reference.errors ?? []).map((issue) => key({ ...issue, schemaPath: issue.schemaPath.replace('#', `#/$defs/${name}`) }));
    expect((check.errors ?? []).map(key).sort()).toEqual(theirs.sort());
  });
});
