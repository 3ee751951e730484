import { describe, expect, it } from 'vitest';
import { diffOf, type Doc, type Report } from './support/diff-specs.js';

/** The changes a test looks at: id and severity, without the version checks (they have tests of their own). */
const found = (report: Report) =>
  report.changes
    .filter((change) => !['api-version-not-bumped', 'unclassified-change'].includes(change.id))
    .map((change) => [change.id, change.severity]);

/** The request schema `In` (read as a request) and the response schema `Out`, changed alike. */
const both = (change: (schema: Doc) => void) => (doc: Doc) => {
  change(doc.components.schemas.In);
  change(doc.components.schemas.Out);
};
const request = (change: (schema: Doc) => void) => (doc: Doc) => change(doc.components.schemas.In);
const response = (change: (schema: Doc) => void) => (doc: Doc) => change(doc.components.schemas.Out);

describe('specsmith diff: every JSON Schema 2020-12 keyword, recursively (#26 point 1)', () => {
  it('compares inside contains, patternProperties, dependentSchemas, propertyNames, then and else', async () => {
    const inside = async (keyword: string, old: unknown, next: unknown) =>
      found(
        await diffOf(
          request((s) => (s[keyword] = old)),
          request((s) => (s[keyword] = next)),
        ),
      );
    expect(await inside('propertyNames', { maxLength: 8 }, { maxLength: 4 })).toEqual([['request-max-length-decreased', 'error']]);
    expect(await inside('patternProperties', { '^x-': { type: 'string' } }, { '^x-': { type: 'string', maxLength: 3 } })).toEqual([
      ['request-max-length-decreased', 'error'],
    ]);
    expect(await inside('dependentSchemas', { note: { required: ['count'] } }, { note: { required: ['count', 'status'] } })).toEqual([
      ['request-property-became-required', 'error'],
    ]);
    const tagsContain = async (old: unknown, next: unknown, direction = request) =>
      found(
        await diffOf(
          direction((s) => (s.properties.tags.contains = old)),
          direction((s) => (s.properties.tags.contains = next)),
        ),
      );
    expect(await tagsContain({ enum: ['a', 'b'] }, { enum: ['a'] })).toEqual([['request-enum-value-removed', 'error']]);
    expect(await tagsContain({ enum: ['a'] }, { enum: ['a', 'b'] }, response)).toEqual([['response-enum-value-added', 'error']]);
  });

  it('additionalProperties: a schema where any value was allowed accepts less, and the reverse more', async () => {
    const extra = (value: unknown) => request((s) => (s.additionalProperties = value));
    expect(found(await diffOf(() => {}, extra({ type: 'string' })))).toEqual([['request-type-narrowed', 'error']]);
    expect(found(await diffOf(extra({ type: 'string' }), extra(true)))).toEqual([['request-type-widened', 'info']]);
    expect(found(await diffOf(extra({ type: 'string', maxLength: 9 }), extra({ type: 'string', maxLength: 3 })))).toEqual([
      ['request-max-length-decreased', 'error'],
    ]);
    expect(found(await diffOf(extra(true), () => {}))).toEqual([]);
  });

  it('reads a change inside not the other way round, and names the payload path of what it finds', async () => {
    const not = async (old: unknown, next: unknown, direction = request) =>
      (
        await diffOf(
          direction((s) => (s.properties.note.not = old)),
          direction((s) => (s.properties.note.not = next)),
        )
      ).changes.filter((change) => change.id !== 'api-version-not-bumped');
    // not: {enum: [a]} -> not: {enum: [a, b]}: "b" is now refused, so a request accepts less.
    const refusesMore = await not({ enum: ['a'] }, { enum: ['a', 'b'] });
    expect(refusesMore.map((change) => [change.id, change.severity, change.keyword, change.location])).toEqual([
      ['request-type-narrowed', 'error', 'not', 'body.note'],
    ]);
    expect((await not({ enum: ['a', 'b'] }, { enum: ['a'] })).map((change) => [change.id, change.severity])).toEqual([
      ['request-type-widened', 'info'],
    ]);
    // In a response, refusing less lets more through: breaking.
    expect((await not({ enum: ['a', 'b'] }, { enum: ['a'] }, response)).map((change) => [change.id, change.severity])).toEqual([
      ['response-type-widened', 'error'],
    ]);
  });

  it('an if that changes is conditional-changed, and then/else are not compared beside it', async () => {
    const report = await diffOf(
      request((s) => ((s.if = { required: ['note'] }), (s.then = { required: ['count'] }))),
      request((s) => ((s.if = { required: ['status'] }), (s.then = { required: ['id'] }))),
    );
    expect(found(report)).toEqual([['request-conditional-changed', 'error']]);
  });

  it('prefixItems are compared position by position, items standing where a version has no entry', async () => {
    const tags = (change: (array: Doc) => void) => both((s) => change(s.properties.tags));
    // The same list, spelled with and without a prefix entry that repeats items.
    expect(
      found(
        await diffOf(
          tags(() => {}),
          tags((a) => (a.prefixItems = [{ type: 'string' }])),
        ),
      ),
    ).toEqual([]);
    // A first item that must now be an integer: the request accepts less, the response may hold other values.
    const typed = await diffOf(
      tags(() => {}),
      tags((a) => (a.prefixItems = [{ type: 'integer' }])),
    );
    expect(found(typed)).toEqual([
      ['request-type-changed', 'error'],
      ['response-type-changed', 'error'],
    ]);
    expect(typed.changes.find((change) => change.id === 'request-type-changed')?.location).toBe('body.tags[0]');
    // items: false after a prefix: no item beyond it.
    const closed = await diffOf(
      tags((a) => (a.prefixItems = [{ type: 'string' }])),
      tags((a) => ((a.prefixItems = [{ type: 'string' }]), (a.items = false))),
    );
    expect(found(closed)).toEqual([
      ['request-type-narrowed', 'error'],
      ['response-type-narrowed', 'info'],
    ]);
  });
});

describe('specsmith diff: meaning, not spelling (#26 point 3)', () => {
  const spellings = async (old: (s: Doc) => void, next: (s: Doc) => void) => found(await diffOf(both(old), both(next)));

  it('reads the four spellings of a nullable string as one', async () => {
    const forms: [string, (s: Doc) => void][] = [
      ['type array', (s) => (s.properties.note = { type: ['string', 'null'] })],
      ['anyOf with null', (s) => (s.properties.note = { anyOf: [{ type: 'string' }, { type: 'null' }] })],
      ['oneOf with null', (s) => (s.properties.note = { oneOf: [{ type: 'null' }, { type: 'string' }] })],
    ];
    for (const [name, form] of forms)
      for (const [otherName, other] of forms) expect(await spellings(form, other), `${name} -> ${otherName}`).toEqual([]);
    // And against a plain string: null added, as a request (accepts more) and as a response (may hold more).
    for (const [name, form] of forms)
      expect(await spellings(() => {}, form), name).toEqual([
        ['response-nullable-added', 'error'],
        ['request-nullable-added', 'info'],
      ]);
  });

  it('reads 3.0 nullable: true like a 3.1 null union, around a reference too', async () => {
    const version30 = (doc: Doc) => (doc.openapi = '3.0.3');
    const wrap = (doc: Doc) => {
      doc.components.schemas.Note = { type: 'string', enum: ['a', 'b'] };
      doc.components.schemas.In.properties.note = { oneOf: [{ type: 'null' }, { $ref: '#/components/schemas/Note' }] };
    };
    const plain = (doc: Doc) => {
      doc.components.schemas.Note = { type: 'string', enum: ['a', 'b'] };
      doc.components.schemas.In.properties.note = { $ref: '#/components/schemas/Note' };
    };
    expect(found(await diffOf(plain, wrap))).toEqual([['request-nullable-added', 'info']]);
    expect(found(await diffOf(wrap, plain))).toEqual([['request-nullable-removed', 'error']]);
    const nullable30 = (doc: Doc) => (version30(doc), (doc.components.schemas.In.properties.note = { type: 'string', nullable: true }));
    const string30 = (doc: Doc) => version30(doc);
    expect(found(await diffOf(string30, nullable30))).toEqual([['request-nullable-added', 'info']]);
  });

  it('an allOf member that only annotates, a one-member allOf/anyOf/oneOf, and $ref versus inline change nothing', async () => {
    const note = { type: 'string', maxLength: 5 };
    const define = (doc: Doc) => (doc.components.schemas.Note = note);
    const at = (spelling: unknown) => (doc: Doc) => {
      define(doc);
      doc.components.schemas.In.properties.note = spelling;
      doc.components.schemas.Out.properties.note = spelling;
    };
    const ref = { $ref: '#/components/schemas/Note' };
    const forms: [string, unknown][] = [
      ['inline', note],
      ['$ref', ref],
      ['allOf of one', { allOf: [ref] }],
      ['anyOf of one', { anyOf: [note] }],
      ['oneOf of one', { oneOf: [ref] }],
      ['allOf with an annotation', { allOf: [ref, { description: 'A note.', example: 'hi' }] }],
    ];
    for (const [name, form] of forms) {
      const report = await diffOf(at(note), at(form));
      expect(
        found(report).filter(([id]) => id !== 'documentation-changed'),
        name,
      ).toEqual([]);
    }
  });

  it('a 3.1 $ref with a pattern beside it is that schema with the pattern: removing it widens a request', async () => {
    const define = (doc: Doc) => (doc.components.schemas.Code = { type: 'string', maxLength: 8 });
    const withPattern = (doc: Doc) => (
      define(doc),
      (doc.components.schemas.In.properties.note = { $ref: '#/components/schemas/Code', pattern: '^[A-Z]+$' })
    );
    const without = (doc: Doc) => (define(doc), (doc.components.schemas.In.properties.note = { $ref: '#/components/schemas/Code' }));
    expect(found(await diffOf(withPattern, without))).toEqual([['request-pattern-removed', 'info']]);
    expect(found(await diffOf(without, withPattern))).toEqual([['request-pattern-added', 'error']]);
  });

  it('a union that loses a member around the other version is union-member-removed, and the kept member is compared', async () => {
    const report = await diffOf(
      request((s) => (s.properties.note = { type: ['string', 'integer'] })),
      request((s) => (s.properties.note = { type: 'string', maxLength: 3 })),
    );
    expect(found(report)).toEqual([
      ['request-union-member-removed', 'error'],
      ['request-max-length-decreased', 'error'],
    ]);
  });
});

describe('specsmith diff: webhooks and callbacks, read the other way round (#26 point 2)', () => {
  const payload = (values: string[]) => ({
    post: {
      requestBody: {
        required: true,
        content: { 'application/json': { schema: { type: 'object', properties: { status: { type: 'string', enum: values } } } } },
      },
      responses: { '200': { description: 'received' } },
    },
  });
  const changes = (report: Report) =>
    report.changes
      .filter((change) => change.id !== 'api-version-not-bumped')
      .map((change) => [change.id, change.severity, change.operation, change.location]);

  it('a webhook payload is what the client receives: a value added may break it, a value removed does not', async () => {
    const webhook = (values: string[]) => (doc: Doc) => (doc.webhooks = { itemChanged: payload(values) });
    expect(changes(await diffOf(webhook(['a']), webhook(['a', 'b'])))).toEqual([
      ['response-enum-value-added', 'error', 'webhook itemChanged POST', 'body.status'],
    ]);
    expect(changes(await diffOf(webhook(['a', 'b']), webhook(['a'])))).toEqual([
      ['response-enum-value-removed', 'info', 'webhook itemChanged POST', 'body.status'],
    ]);
  });

  it("a callback is named by its operation, its name and its URL expression; the client's answer is read as a request", async () => {
    const callback = (values: string[], answer: Doc) => (doc: Doc) => {
      const item = payload(values);
      (item.post.responses as Doc)['200'] = answer;
      doc.paths['/items/{id}'].put.callbacks = { onChange: { '{$request.body#/url}': item } };
    };
    const answer = (maxLength: number) => ({
      description: 'received',
      content: { 'application/json': { schema: { type: 'object', properties: { note: { type: 'string', maxLength } } } } },
    });
    expect(changes(await diffOf(callback(['a'], answer(10)), callback(['a', 'b'], answer(5))))).toEqual([
      ['response-enum-value-added', 'error', 'callback putItem onChange POST {$request.body#/url}', 'body.status'],
      ['request-max-length-decreased', 'error', 'callback putItem onChange POST {$request.body#/url}', 'response 200 body.note'],
    ]);
  });
});

describe('specsmith diff: lifecycle, as oasdiff reads its extensions (#26 point 4)', () => {
  const withOther = (extra: Doc) => (doc: Doc) =>
    (doc.paths['/other'] = { get: { operationId: 'other', ...extra, responses: { '204': { description: 'none' } } } });
  const dropOther = (doc: Doc) => delete doc.paths['/other'];

  it('an operation removed: error unless deprecated first; a past x-sunset lets it go, a future one does not', async () => {
    const removed = async (extra: Doc) => found(await diffOf(withOther(extra), dropOther));
    expect(await removed({})).toEqual([['operation-removed', 'error']]);
    expect(await removed({ deprecated: true })).toEqual([['operation-removed-after-deprecation', 'info']]);
    expect(await removed({ deprecated: true, 'x-sunset': '2000-01-01' })).toEqual([['operation-removed-after-deprecation', 'info']]);
    expect(await removed({ deprecated: true, 'x-sunset': '2999-12-31' })).toEqual([['operation-removed-before-sunset', 'error']]);
    // x-sunset without deprecated announces nothing (oasdiff reads it only on deprecated resources).
    expect(await removed({ 'x-sunset': '2000-01-01' })).toEqual([['operation-removed', 'error']]);
  });

  it('breaking changes to a draft or alpha operation are allowed (info, saying why); beta and stable are held', async () => {
    const narrowed = (level?: string) => (doc: Doc) => {
      if (level !== undefined) doc.paths['/items/{id}'].put['x-stability-level'] = level;
      doc.components.schemas.In.properties.id.maxLength = 5;
    };
    const at = (level?: string) => (doc: Doc) => {
      if (level !== undefined) doc.paths['/items/{id}'].put['x-stability-level'] = level;
    };
    for (const level of ['draft', 'alpha']) {
      const report = await diffOf(at(level), narrowed(level));
      expect(found(report), level).toEqual([['request-max-length-decreased', 'info']]);
      expect(report.changes[0]?.message).toContain(`(x-stability-level: ${level})`);
      expect(report.breaking).toBe(false);
    }
    for (const level of ['beta', 'stable', undefined])
      expect(found(await diffOf(at(level), narrowed(level))), String(level)).toEqual([['request-max-length-decreased', 'error']]);
  });

  it('a level is said to move only from one the old version states; a level that is not one of the four is an error', async () => {
    const level = (value?: string) => (doc: Doc) => {
      if (value !== undefined) doc.paths['/items/{id}'].put['x-stability-level'] = value;
    };
    expect(found(await diffOf(level(), level('beta')))).toEqual([]);
    expect(found(await diffOf(level('stable'), level('beta')))).toEqual([['operation-stability-decreased', 'error']]);
    expect(found(await diffOf(level('beta'), level()))).toEqual([['operation-stability-increased', 'info']]);
    expect(found(await diffOf(level('beta'), level('experimental')))).toEqual([['operation-stability-invalid', 'error']]);
  });

  it('a schema shared by an alpha operation and a stable one is still held to the stable one', async () => {
    const shared = (maxLength: number) => (doc: Doc) => {
      doc.paths['/items/{id}'].put['x-stability-level'] = 'alpha';
      doc.paths['/copies'] = {
        post: {
          operationId: 'copyItem',
          requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/In' } } } },
          responses: { '204': { description: 'copied' } },
        },
      };
      doc.components.schemas.In.properties.id.maxLength = maxLength;
    };
    const report = await diffOf(shared(10), shared(5));
    expect(
      report.changes
        .filter((change) => change.id !== 'api-version-not-bumped')
        .map((change) => [change.id, change.severity, change.operation]),
    ).toEqual([
      ['request-max-length-decreased', 'error', 'POST /copies (copyItem)'],
      ['request-max-length-decreased', 'info', 'PUT /items/{id} (putItem)'],
    ]);
  });
});

describe('specsmith diff on valid documents it does not generate from', () => {
  it('reads an OpenAPI 3.2 document as 3.1, with a warning, and compares it', async () => {
    const report = await diffOf(
      (doc) => (doc.openapi = '3.2.0'),
      (doc) => ((doc.openapi = '3.2.0'), (doc.components.schemas.In.properties.id.maxLength = 5)),
    );
    expect(found(report)).toEqual([['request-max-length-decreased', 'error']]);
    expect(report.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity])).toEqual([
      ['version-read-as-3.1', 'warning'],
      ['version-read-as-3.1', 'warning'],
    ]);
  });

  it('pairs a route written twice (/items/{id} and /items/{key}) in order: a spec against itself is no change', async () => {
    const twice = (doc: Doc) => {
      doc.paths['/items/{key}'] = {
        get: {
          operationId: 'getByKey',
          parameters: [{ name: 'key', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '204': { description: 'found' } },
        },
      };
      doc.paths['/items/{id}'].get = {
        operationId: 'getById',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '204': { description: 'found' } },
      };
    };
    expect((await diffOf(twice, twice)).changes).toEqual([]);
  });
});

describe('specsmith diff: what a spelling carries is not lost (review of #26)', () => {
  const defineS = (doc: Doc) => (doc.components.schemas.S = { type: 'string' });
  const note = (spelling: unknown) => (doc: Doc) => (defineS(doc), (doc.components.schemas.In.properties.note = spelling));
  const ref = { $ref: '#/components/schemas/S' };

  it('a format beside a $ref is compared', async () => {
    expect(found(await diffOf(note(ref), note({ ...ref, format: 'uuid' })))).toEqual([['request-format-added', 'error']]);
  });

  it('an allOf of objects keeps every member: a property two members describe, required names before the property, additionalProperties', async () => {
    const object = (second: Doc, first: Doc = { type: 'object', properties: { a: { type: 'string', maxLength: 10 } } }) =>
      note({ allOf: [first, second] });
    expect(found(await diffOf(object({ properties: { a: { maxLength: 10 } } }), object({ properties: { a: { maxLength: 3 } } })))).toEqual([
      ['request-max-length-decreased', 'error'],
    ]);
    const requiredFirst = (names: string[]) =>
      note({ allOf: [{ required: names }, { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } } }] });
    expect(found(await diffOf(requiredFirst(['a']), requiredFirst(['a', 'b'])))).toEqual([['request-property-became-required', 'error']]);
    const extra = (type: string) => note({ allOf: [{ type: 'object', additionalProperties: { type } }, { type: 'object' }] });
    expect(found(await diffOf(extra('string'), extra('integer')))).toEqual([['request-type-changed', 'error']]);
  });

  it("a one-member allOf's own default, deprecated and lifecycle are kept", async () => {
    const annotated = (value: string) => note({ allOf: [ref], default: value });
    expect(found(await diffOf(annotated('a'), annotated('b')))).toEqual([['request-default-changed', 'warning']]);
  });

  it('a union narrowed to one named member is compared with that member', async () => {
    const pets = (doc: Doc) => {
      doc.components.schemas.Cat = { type: 'object', properties: { id: { type: 'string' } } };
      doc.components.schemas.Dog = { type: 'object', properties: { id: { type: 'integer' } } };
    };
    const pet = (spelling: unknown) => (doc: Doc) => (pets(doc), (doc.components.schemas.Out.properties.note = spelling));
    const cat = { $ref: '#/components/schemas/Cat' };
    const dog = { $ref: '#/components/schemas/Dog' };
    expect(found(await diffOf(pet({ anyOf: [cat, dog] }), pet(dog)))).toEqual([['response-union-member-removed', 'info']]);
  });

  it('a schema an alpha operation shares with a webhook is still held to the webhook', async () => {
    const shared = (values: string[]) => (doc: Doc) => {
      doc.paths['/items/{id}'].put['x-stability-level'] = 'alpha';
      doc.components.schemas.Out.properties.status.enum = values;
      doc.webhooks = {
        itemChanged: {
          post: {
            requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Out' } } } },
            responses: { '200': { description: 'received' } },
          },
        },
      };
    };
    const report = await diffOf(shared(['A', 'B']), shared(['A', 'B', 'C']));
    expect(report.changes.map((change) => [change.id, change.severity, change.operation])).toContainEqual([
      'response-enum-value-added',
      'error',
      'webhook itemChanged POST',
    ]);
  });

  it('a server URL that differs only in the host case or a trailing slash has not moved', async () => {
    const server = (url: string) => (doc: Doc) => (doc.servers = [{ url }]);
    expect(found(await diffOf(server('https://api.example.com/v1'), server('https://API.example.com/v1/')))).toEqual([]);
  });
});
