import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createHmac } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as enfuce from '../generated/enfuce/index.js';
import * as paysafe from '../generated/paysafe/index.js';
import { equalInConstantTime } from '../templates/runtime/signing.js';
import { generateFixture } from './support/generate-fixture.js';
import { repoRoot, temporaryDirectory } from './support/paths.js';
import { startServer, type TestServer } from './support/servers.js';

/**
 * Receiving webhooks with a generated package (`parseWebhook`, `verifySignature`) and sending them with
 * `specsmith mock --send-webhook`: Enfuce's notifications carry a bearer token, Paysafe's webhooks an HMAC
 * signature over the raw body. Everything over real sockets; nothing is stubbed.
 */
const token = 'enfuce-notification-token-0123';
/** Paysafe's request-signing page's secret (its worked example); webhooks are signed the same way. */
const signingKey =
  'Y+83Kt6imrf2eQBVojCfVAx9iDNwtgN7UzZydbpqUgNq3WzgJOhiNpdAF5b9UJ4Ymf++HMgdrgClOmwfq8qItCNcVaCT/MPhMGYgiMb+oLtc2K3nmJxvPxTR6caFalI8qKr6BgX0K1tqKDka2xJZhUZXCVjBsBmKJLT/XQ0+cTSGUfLOwOF+jo0Mgm8oHYnIdOTYlA1XIDJH867WhK8iWe54SONltkRZgNxejUoygtvwdUVxKKa+Mm57RXpH6pI7qh3gkKxcwlrUJ1LhkMLxSNwr78WH4zAd/ILHfEFWORJHgNilzyqyBMZutCtPHhDIBnzkgqfgv1eE6EcDozRT+Q==';
const sign = (body: string | Buffer) => createHmac('sha256', Buffer.from(signingKey, 'base64')).update(body).digest('base64');

const notification = {
  id: '1234567890',
  type: 'ACCOUNT',
  subType: 'STATUS_CHANGE',
  accountId: '1234567890',
  customerNumber: 'ABCDEFGH123456789',
  status: 'ACCOUNT_BLOCKED',
} satisfies enfuce.Notification;
const accountEvent = {
  customerId: '500000123',
  accountId: '1000123',
  type: 'IBAN_ASSIGNED',
  timestamp: '2024-07-29T15:51:28Z',
} satisfies paysafe.AccountEvent;

describe('parseWebhook: the sender is checked before the body is read', () => {
  it('reads an Enfuce notification with its bearer token, typed by the spec, and narrows on type', async () => {
    const rawBody = JSON.stringify(notification);
    const result = await enfuce.parseWebhook('notification', { headers: { authorization: `Bearer ${token}` }, rawBody }, { token });
    expect(result).toEqual({ ok: true, name: 'notification', event: notification });
    if (result.ok && result.event.type === 'ACCOUNT') expect(result.event.status).toBe('ACCOUNT_BLOCKED');
    // A token provider, and Fetch Headers, do as well.
    const fromHeaders = await enfuce.parseWebhook(
      'notification',
      { headers: new Headers({ Authorization: `Bearer ${token}` }), rawBody: Buffer.from(rawBody) },
      { token: async () => token },
    );
    expect(fromHeaders.ok).toBe(true);
  });

  it('refuses a wrong, missing or partial token with 401, before parsing: a body that is not JSON is never read', async () => {
    const secrets = { token };
    for (const authorization of [`Bearer ${token.slice(0, -1)}`, `Bearer ${token}x`, 'Bearer ', `Basic ${token}`, undefined]) {
      const headers = authorization === undefined ? {} : { authorization };
      const result = await enfuce.parseWebhook('notification', { headers, rawBody: '{not json' }, secrets);
      expect(result, String(authorization)).toMatchObject({ ok: false, reason: 'unauthorized', status: 401 });
    }
    await expect(enfuce.parseWebhook('notification', { headers: {}, rawBody: '{}' })).rejects.toThrow('pass { token }');
  });

  it('says why a payload with a good token is refused: not JSON, or every issue against the schema', async () => {
    const headers = { authorization: `Bearer ${token}` };
    expect(await enfuce.parseWebhook('notification', { headers, rawBody: '{"id": 1' }, { token })).toMatchObject({
      ok: false,
      reason: 'malformed',
      status: 400,
    });
    const invalid = await enfuce.parseWebhook(
      'notification',
      { headers, rawBody: JSON.stringify({ ...notification, status: 'BLOCKED' }) },
      { token },
    );
    expect(invalid).toMatchObject({ ok: false, reason: 'invalid', status: 400 });
    expect(invalid.ok === false && invalid.issues.length).toBeGreaterThan(0);
    expect(
      await enfuce.parseWebhook('notification', { headers: { ...headers, 'content-type': 'text/plain' }, rawBody: '{}' }, { token }),
    ).toMatchObject({
      reason: 'unsupported-media-type',
      status: 415,
    });
    expect(await enfuce.parseWebhook('notification', { method: 'PUT', headers, rawBody: '{}' }, { token })).toMatchObject({
      reason: 'method-not-allowed',
      status: 405,
    });
    // @ts-expect-error: the spec has no such webhook
    expect(await enfuce.parseWebhook('invoice', { headers, rawBody: '{}' }, { token })).toMatchObject({
      reason: 'unknown-webhook',
      status: 404,
    });
  });

  it('checks a Paysafe webhook signature over the raw bytes; one byte changed is refused before it is parsed', async () => {
    const rawBody = JSON.stringify(accountEvent, null, 1);
    const secrets = { signing: { key: signingKey } };
    const signed = { signature: sign(rawBody) };
    expect(await paysafe.parseWebhook('accountEvent', { headers: signed, rawBody }, secrets)).toEqual({
      ok: true,
      name: 'accountEvent',
      event: accountEvent,
    });
    // The same JSON with other whitespace is other bytes: its signature does not hold.
    const respaced = JSON.stringify(accountEvent);
    expect(await paysafe.parseWebhook('accountEvent', { headers: signed, rawBody: respaced }, secrets)).toMatchObject({
      reason: 'bad-signature',
      status: 401,
    });
    // One byte changed, into a body that is not JSON either: the signature is what refuses it.
    const broken = Buffer.from(rawBody);
    broken[broken.length - 1] = 0x20;
    expect(await paysafe.parseWebhook('accountEvent', { headers: signed, rawBody: broken }, secrets)).toMatchObject({
      reason: 'bad-signature',
    });
    expect(await paysafe.parseWebhook('accountEvent', { headers: {}, rawBody }, secrets)).toMatchObject({ reason: 'bad-signature' });
    await expect(paysafe.parseWebhook('accountEvent', { headers: signed, rawBody })).rejects.toThrow('signing: { key }');
  });

  it("verifySignature matches the request-signing page's worked example, from either module format", async () => {
    const body = '{"id":1,"name":"John Smith"}';
    const request = { headers: { Signature: 'cQPmKNg51k2mAcp8y6eh2oOl0OSbDwbK+chWLuifUxU=' }, rawBody: body };
    expect(await paysafe.verifySignature(request, { key: signingKey })).toBe(true);
    expect(await paysafe.verifySignature({ ...request, rawBody: `${body} ` }, { key: signingKey })).toBe(false);
    const commonJs = createRequire(import.meta.url)(path.join(repoRoot, 'generated/paysafe/index.cjs')) as typeof paysafe;
    expect(await commonJs.verifySignature(request, { key: signingKey })).toBe(true);
    expect(await commonJs.verifySignature({ headers: { authorization: 'Bearer abc' }, rawBody: '' }, { token: 'abc' })).toBe(true);
    expect(await commonJs.verifySignature({ headers: { authorization: 'Bearer abd' }, rawBody: '' }, { token: 'abc' })).toBe(false);
  });

  it('compares texts by their contents and lengths only', () => {
    expect(equalInConstantTime('abc', 'abc')).toBe(true);
    expect(equalInConstantTime('abc', 'abd')).toBe(false);
    expect(equalInConstantTime('abc', 'abcd')).toBe(false);
    expect(equalInConstantTime('abcd', 'abc')).toBe(false);
    expect(equalInConstantTime('', 'a')).toBe(false);
    expect(equalInConstantTime('a\u0000', 'a')).toBe(false);
  });
});

const run = promisify(execFile);
const cli = path.join(repoRoot, 'generator/dist/cli/main.js');
async function sendWebhook(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, 'mock', ...args], { env: { ...process.env, ...env }, cwd: repoRoot });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('specsmith mock --send-webhook: a team tests its receiver', () => {
  let receiver: TestServer;
  let delayMs = 0;
  let answer = 201;
  beforeAll(async () => {
    receiver = await startServer(async (request, response) => {
      const raw = { headers: request.headers, rawBody: request.body };
      const result =
        request.url === '/enfuce'
          ? await enfuce.parseWebhook('notification', raw, { token })
          : await paysafe.parseWebhook('accountEvent', raw, { signing: { key: signingKey } });
      setTimeout(() => {
        if (!result.ok) {
          response.writeHead(result.status, { 'content-type': 'text/plain' }).end(result.message);
          return;
        }
        const id = (result.event as { id?: string }).id ?? 'event';
        response.writeHead(request.url === '/enfuce' ? answer : 200, { 'content-type': 'application/json' });
        response.end(request.url === '/enfuce' ? JSON.stringify({ description: 'taken', id }) : undefined);
      }, delayMs);
    });
  });
  afterAll(() => receiver.close());

  it("sends Enfuce's documented notification with the bearer token; the receiver's 201 in time is a pass", async () => {
    const sent = await sendWebhook(
      ['--spec', 'specs/enfuce/openapi.yaml', '--send-webhook', 'notification', '--to', `${receiver.url}/enfuce`],
      {
        SPECSMITH_WEBHOOK_TOKEN: token,
      },
    );
    expect(sent.stderr).toBe('');
    expect(sent.stdout).toMatch(
      /^specsmith mock: sent webhook notification \(POST http:\/\/127\.0\.0\.1:\d+\/enfuce, \d+ bytes\): 201 in \d+ ms\n$/,
    );
    expect(sent.code).toBe(0);
    const seen = receiver.requests.at(-1)!;
    expect(seen.headers.authorization).toBe(`Bearer ${token}`);
    expect(JSON.parse(seen.body)).toMatchObject({ type: 'ACCOUNT', status: 'ACCOUNT_BLOCKED' });
    const card = await sendWebhook([
      '--spec',
      'specs/enfuce/openapi.yaml',
      '--send-webhook',
      'notification',
      '--example',
      'card',
      '--to',
      `${receiver.url}/enfuce`,
      '--token',
      token,
    ]);
    expect(card.code).toBe(0);
    expect(JSON.parse(receiver.requests.at(-1)!.body)).toMatchObject({ type: 'CARD' });
  });

  it('fails a receiver that refuses, answers late or off the spec, and says how', async () => {
    const refused = await sendWebhook([
      '--spec',
      'specs/enfuce/openapi.yaml',
      '--send-webhook',
      'notification',
      '--to',
      `${receiver.url}/enfuce`,
      '--token',
      'wrong',
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('answered 401, which the spec does not document');
    delayMs = 1200;
    const late = await sendWebhook([
      '--spec',
      'specs/enfuce/openapi.yaml',
      '--send-webhook',
      'notification',
      '--to',
      `${receiver.url}/enfuce`,
      '--token',
      token,
    ]);
    delayMs = 0;
    expect(late.code).toBe(1);
    expect(late.stdout).toMatch(/answered in \d+ ms, where the spec allows 1000 ms \(x-answer-within\)/);
    answer = 200;
    const other = await sendWebhook([
      '--spec',
      'specs/enfuce/openapi.yaml',
      '--send-webhook',
      'notification',
      '--to',
      `${receiver.url}/enfuce`,
      '--token',
      token,
    ]);
    answer = 201;
    expect(other.code).toBe(1);
    expect(other.stdout).toContain('answered 200, which the spec does not document');
  });

  it("signs Paysafe's webhook over the exact bytes it sends, which the package's parseWebhook accepts", async () => {
    const sent = await sendWebhook(
      ['--spec', 'specs/paysafe/openapi.yaml', '--send-webhook', 'accountEvent', '--to', `${receiver.url}/paysafe`],
      {
        SPECSMITH_SIGNING_KEY: signingKey,
      },
    );
    expect(sent.stdout).toContain(': 200 in');
    expect(sent.code).toBe(0);
    const seen = receiver.requests.at(-1)!;
    expect(seen.headers.signature).toBe(sign(seen.body));
  });

  it('refuses bad usage with exit 2: no receiver, an unknown webhook or example, a missing secret', async () => {
    const base = ['--spec', 'specs/paysafe/openapi.yaml'];
    expect((await sendWebhook([...base, '--send-webhook', 'accountEvent'])).stderr).toContain('--send-webhook needs --to URL');
    const unknown = await sendWebhook([...base, '--send-webhook', 'payout', '--to', receiver.url]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('"accountEvent", "customerRestrictionEvent"');
    const unsigned = await sendWebhook([...base, '--send-webhook', 'accountEvent', '--to', receiver.url], { SPECSMITH_SIGNING_KEY: '' });
    expect(unsigned.code).toBe(2);
    const noExample = await sendWebhook([
      ...base,
      '--send-webhook',
      'accountEvent',
      '--example',
      'nope',
      '--to',
      receiver.url,
      '--signing-key',
      signingKey,
    ]);
    expect(noExample.code).toBe(2);
    expect(noExample.stderr).toContain('has no example "nope"');
    expect((await sendWebhook([...base, '--to', receiver.url])).stderr).toContain('--to goes with --send-webhook NAME');
    const withCredentials = await sendWebhook([
      ...base,
      '--send-webhook',
      'accountEvent',
      '--to',
      'http://user:hunter2@127.0.0.1:9/hook?key=sekret',
      '--signing-key',
      signingKey,
    ]);
    expect(withCredentials.code).toBe(2);
    expect(withCredentials.stderr).toContain('--to must not carry credentials');
    expect(`${withCredentials.stdout}${withCredentials.stderr}`).not.toMatch(/hunter2|sekret/);
    const unreachable = await sendWebhook([
      ...base,
      '--send-webhook',
      'accountEvent',
      '--to',
      'http://127.0.0.1:9/hook?key=sekret',
      '--signing-key',
      signingKey,
    ]);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stdout).toContain('the receiver gave no answer');
    expect(`${unreachable.stdout}${unreachable.stderr}`).not.toContain('sekret');
  });
});

/** A package generated from a spec written here, imported as ES module. */
async function packageOf(label: string, spec: string): Promise<{ module: Record<string, any>; diagnostics: { code: string }[] }> {
  const folder = temporaryDirectory(label);
  writeFileSync(path.join(folder, 'openapi.yaml'), spec);
  const result = await generateFixture({ spec: path.join(folder, 'openapi.yaml'), label: 'webhooks', name: label });
  if (!result.result.ok) return { module: {}, diagnostics: result.result.diagnostics };
  return { module: (await import(pathToFileURL(path.join(result.outDir, 'index.js')).href)) as Record<string, any>, diagnostics: [] };
}

const securitySpec = `openapi: 3.1.0
info: {title: senders, version: '1'}
x-request-signing: {header: X-Sig}
paths: {}
webhooks:
  basic:
    post:
      security: [{hookBasic: []}]
      requestBody: {content: {application/json: {schema: {type: object}}}}
      responses: {'200': {description: ok}}
  either:
    post:
      security: [{hookBasic: []}, {hookToken: []}]
      requestBody: {content: {application/json: {schema: {type: object}}}}
      responses: {'200': {description: ok}}
  both:
    post:
      security: [{hookToken: [], hookKey: []}]
      requestBody: {content: {application/json: {schema: {type: object}}}}
      responses: {'200': {description: ok}}
  twoKeys:
    post:
      security: [{hookKey: [], hookCookie: []}]
      requestBody: {content: {application/json: {schema: {type: object}}}}
      responses: {'200': {description: ok}}
  cookie:
    post:
      security: [{hookCookie: []}]
      requestBody: {content: {application/json: {schema: {type: object}}}}
      responses: {'200': {description: ok}}
  inQuery:
    post:
      security: [{hookQuery: []}]
      requestBody: {content: {application/json: {schema: {type: object}}}}
      responses: {'200': {description: ok}}
  signedHeader:
    post:
      x-signed: true
      requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/Card'}}}}
      responses: {'200': {description: ok}}
components:
  securitySchemes:
    hookBasic: {type: http, scheme: basic}
    hookToken: {type: http, scheme: bearer}
    hookKey: {type: apiKey, in: header, name: X-Hook-Key}
    hookCookie: {type: apiKey, in: cookie, name: hook}
    hookQuery: {type: apiKey, in: query, name: key}
  schemas:
    Card:
      type: object
      additionalProperties: false
      required: [id]
      properties:
        id: {type: string, readOnly: true}
        pin: {type: string, writeOnly: true}
`;

describe('what a webhook asks of its sender, checked as its security says', () => {
  let hooks: Record<string, any>;
  beforeAll(async () => {
    hooks = (await packageOf('senders', securitySpec)).module;
  });
  const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  const secrets = { basic: { username: 'acme', password: 's3cret' }, token: 'tok', apiKeys: { hookKey: 'key-1', hookCookie: 'key-2' } };

  it('HTTP Basic, an API key in a header or cookie, alternatives (one suffices) and requirements (all must hold)', async () => {
    const parse = (name: string, headers: Record<string, string>, given: object = secrets) =>
      hooks.parseWebhook(name, { headers, rawBody: '{}' }, given) as Promise<{ ok: boolean; reason?: string }>;
    expect((await parse('basic', { authorization: basic('acme', 's3cret') })).ok).toBe(true);
    expect(await parse('basic', { authorization: basic('acme', 's3cres') })).toMatchObject({ ok: false, reason: 'unauthorized' });
    expect(await parse('basic', {})).toMatchObject({ ok: false, reason: 'unauthorized' });
    expect((await parse('either', { authorization: 'Bearer tok' })).ok).toBe(true);
    expect((await parse('either', { authorization: basic('acme', 's3cret') })).ok).toBe(true);
    expect((await parse('either', { authorization: 'Bearer tok' }, { token: 'tok' })).ok).toBe(true);
    expect(await parse('both', { authorization: 'Bearer tok' })).toMatchObject({ ok: false, reason: 'unauthorized' });
    expect(await parse('both', { 'x-hook-key': 'key-1' })).toMatchObject({ ok: false, reason: 'unauthorized' });
    expect((await parse('both', { authorization: 'Bearer tok', 'X-Hook-Key': 'key-1' })).ok).toBe(true);
    expect((await parse('cookie', { cookie: 'a=b; hook=key-2' })).ok).toBe(true);
    expect(await parse('cookie', { cookie: 'hook=key-1' })).toMatchObject({ ok: false, reason: 'unauthorized' });
    // Each API key by its scheme: the header's key in the cookie does not pass, nor the other way round.
    expect((await parse('twoKeys', { 'x-hook-key': 'key-1', cookie: 'hook=key-2' })).ok).toBe(true);
    expect(await parse('twoKeys', { 'x-hook-key': 'key-2', cookie: 'hook=key-1' })).toMatchObject({ reason: 'unauthorized' });
    await expect(parse('basic', { authorization: basic('acme', 's3cret') }, { token: 'tok' })).rejects.toThrow('pass { basic }');
  });

  it('throws for a secret that is empty or not set, which would let in a sender that shows the same nothing', async () => {
    const parse = (name: string, headers: Record<string, string>, given: object) =>
      hooks.parseWebhook(name, { headers, rawBody: '{}' }, given) as Promise<unknown>;
    const unset = process.env.SPECSMITH_TEST_UNSET_VARIABLE;
    await expect(
      parse('basic', { authorization: basic('undefined', 'undefined') }, { basic: { username: unset, password: unset } }),
    ).rejects.toThrow('need a user name and a password');
    await expect(parse('basic', { authorization: 'Basic Og==' }, { basic: { username: '', password: '' } })).rejects.toThrow(
      'need a user name',
    );
    await expect(parse('either', { authorization: 'Bearer undefined' }, { token: () => unset })).rejects.toThrow('the token is empty');
    await expect(parse('either', { authorization: 'Bearer null' }, { token: null })).rejects.toThrow('the token is empty');
    await expect(parse('either', { authorization: 'Bearer ' }, { token: '' })).rejects.toThrow('the token is empty');
    await expect(parse('cookie', { cookie: 'hook=undefined' }, { apiKeys: { hookCookie: async () => unset } })).rejects.toThrow(
      'the API key of hookCookie is empty',
    );
  });

  it('refuses to run for a sender it cannot check, rather than let anything in', async () => {
    await expect(hooks.parseWebhook('inQuery', { headers: {}, rawBody: '{}' }, secrets)).rejects.toThrow(
      'its security cannot be checked by parseWebhook (hookQuery: an API key in the query), so parseWebhook cannot check who sent it',
    );
    const unsigned = await packageOf('unsigned', securitySpec.replace('x-request-signing: {header: X-Sig}\n', ''));
    await expect(unsigned.module.parseWebhook('signedHeader', { headers: {}, rawBody: '{}' }, secrets)).rejects.toThrow(
      'marked x-signed, but the document has no x-request-signing',
    );
  });

  it('finds a signature header named in any case, and refuses an empty or blank key', async () => {
    const rawBody = '{"id":"c1"}';
    const sig = createHmac('sha256', Buffer.from(signingKey, 'base64')).update(rawBody).digest('base64');
    for (const header of ['X-Sig', 'x-sig', 'X-SIG'])
      expect(await hooks.verifySignature({ headers: { 'x-sig': sig }, rawBody }, { key: signingKey, header })).toBe(true);
    expect((await hooks.parseWebhook('signedHeader', { headers: { 'X-Sig': sig }, rawBody }, { signing: { key: signingKey } })).ok).toBe(
      true,
    );
    const blank = createHmac('sha256', Buffer.alloc(0)).update(rawBody).digest('base64');
    for (const key of ['\n', ' ', ''])
      await expect(hooks.parseWebhook('signedHeader', { headers: { 'x-sig': blank }, rawBody }, { signing: { key } })).rejects.toThrow(
        'the signing key is empty',
      );
  });

  it('reads a payload as the API writes it: readOnly properties in, writeOnly ones out', async () => {
    const rawBody = (body: object) => JSON.stringify(body);
    const signed = (body: string) => ({ 'x-sig': createHmac('sha256', Buffer.from(signingKey, 'base64')).update(body).digest('base64') });
    const parse = (body: object) =>
      hooks.parseWebhook('signedHeader', { headers: signed(rawBody(body)), rawBody: rawBody(body) }, { signing: { key: signingKey } });
    // Read as a request, `id` (readOnly) would be refused and `{ pin }` accepted.
    expect((await parse({ id: 'c1' })).ok).toBe(true);
    expect(await parse({ pin: '1234' })).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('a callback that two operations share through components.callbacks is one operation, not two with one id', async () => {
    const spec = `openapi: 3.1.0
info: {title: shared, version: '1'}
paths:
  /a:
    post:
      operationId: subscribeA
      responses: {'201': {description: ok}}
      callbacks: {event: {$ref: '#/components/callbacks/Event'}}
  /b:
    post:
      operationId: subscribeB
      responses: {'201': {description: ok}}
      callbacks: {event: {$ref: '#/components/callbacks/Event'}}
components:
  callbacks:
    Event:
      '{$request.body#/url}':
        post:
          operationId: onEvent
          requestBody: {content: {application/json: {schema: {type: object, required: [id], properties: {id: {type: string}}}}}}
          responses: {'204': {description: ok}}
`;
    const shared = await packageOf('shared-callback', spec);
    expect(shared.diagnostics).toEqual([]);
    for (const name of ['subscribeA event', 'subscribeB event'])
      expect(await shared.module.parseWebhook(name, { headers: {}, rawBody: '{"id":"1"}' })).toMatchObject({ ok: true, name });
  });

  it('a webhook reusing a path operationId is an error of the spec', async () => {
    const spec = `openapi: 3.1.0
info: {title: ids, version: '1'}
paths:
  /payouts:
    post:
      operationId: payout
      responses: {'200': {description: ok}}
webhooks:
  payout:
    post:
      operationId: payout
      responses: {'200': {description: ok}}
`;
    expect((await packageOf('duplicate-ids', spec)).diagnostics.map((diagnostic) => diagnostic.code)).toContain('duplicate-operation-id');
  });
});

describe('callbacks (3.0 and 3.1): keyed by operation and callback name', () => {
  it("reads a callback's payload with parseWebhook, named after its operation", async () => {
    const { outDir } = await generateFixture({
      spec: path.join(repoRoot, 'test/fixtures/specs/webhooks.yaml'),
      label: 'webhooks',
      name: 'callbacks',
    });
    const hooks = (await import(pathToFileURL(path.join(outDir, 'index.js')).href)) as Record<string, any>;
    const ok = await hooks.parseWebhook('subscribe statusChanged', { headers: {}, rawBody: Buffer.from('{"state":"active"}') });
    expect(ok).toEqual({ ok: true, name: 'subscribe statusChanged', event: { state: 'active' } });
    expect(await hooks.parseWebhook('subscribe statusChanged', { headers: {}, rawBody: '{"state":"gone"}' })).toMatchObject({
      reason: 'invalid',
    });
  });
});
