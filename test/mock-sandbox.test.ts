import { request as httpRequest } from 'node:http';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadTrafficSpec } from '../generator/src/traffic/load-spec.js';
import { startMockServer, type MockServer } from '../generator/src/mock/mock-server.js';
import { temporaryDirectory } from './support/paths.js';

/**
 * `specsmith mock` as a sandbox (#27 points 1-3), against a spec of the test's own: every kind of security
 * scheme, alternatives and combinations, a documented 401, two media types, an example that fails its own
 * schema, named examples, and a query parameter that may not be empty.
 */
const item = { type: 'object', required: ['id', 'name'], properties: { id: { type: 'string' }, name: { type: 'string', maxLength: 5 } } };
const ok = (extra: object = {}) => ({
  description: 'ok',
  content: { 'application/json': { schema: item, ...extra } },
});
const spec = {
  openapi: '3.1.0',
  info: { title: 'Sandbox', version: '1.0.0' },
  security: [{ basic: [] }],
  paths: {
    '/items': {
      get: {
        operationId: 'listItems',
        security: [{ bearer: [] }, { key: [], tenant: [] }],
        parameters: [{ name: 'q', in: 'query', required: true, schema: { type: 'string' } }],
        responses: {
          '200': ok({ example: { id: '1', name: 'one' } }),
          '401': { description: 'no', content: { 'application/json': { schema: { type: 'object' }, example: { error: 'who are you' } } } },
        },
      },
      post: {
        operationId: 'createItem',
        requestBody: { required: true, content: { 'application/json': { schema: item } } },
        responses: { '201': ok({ examples: { first: { value: { id: '1', name: 'one' } }, second: { value: { id: '2', name: 'two' } } } }) },
      },
    },
    '/items/{id}': {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      get: {
        operationId: 'getItem',
        security: [{ oauth: ['read'] }, { cookieKey: [] }, { queryKey: [] }],
        responses: {
          // The documented example lacks the required `name`: the mock serves it as written, with a warning.
          '200': {
            description: 'ok',
            content: {
              'application/json': { schema: item, example: { id: '7' } },
              'text/csv': { schema: { type: 'string' }, example: 'id,name' },
            },
          },
        },
      },
      delete: { operationId: 'deleteItem', security: [{}], responses: { '204': { description: 'gone' } } },
    },
    '/public': { get: { operationId: 'ping', security: [], responses: { '204': { description: 'pong' } } } },
  },
  components: {
    securitySchemes: {
      basic: { type: 'http', scheme: 'basic' },
      bearer: { type: 'http', scheme: 'bearer' },
      key: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
      tenant: { type: 'apiKey', in: 'header', name: 'X-Tenant' },
      cookieKey: { type: 'apiKey', in: 'cookie', name: 'session' },
      queryKey: { type: 'apiKey', in: 'query', name: 'api_key' },
      oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://example.com/token', scopes: { read: 'Read' } } } },
    },
  },
};

let server: MockServer;
const logged: string[] = [];
beforeAll(async () => {
  const root = temporaryDirectory('mock-sandbox');
  writeFileSync(path.join(root, 'openapi.yaml'), stringify(spec));
  const loaded = await loadTrafficSpec({ spec: 'openapi.yaml', root });
  if (loaded.spec === undefined) throw new Error(JSON.stringify(loaded.diagnostics));
  server = await startMockServer({ mock: loaded.spec, log: (line) => logged.push(line) });
});
afterAll(() => server.close());

const basic = `Basic ${Buffer.from('a:b').toString('base64')}`;
const call = (target: string, init: RequestInit = {}) => fetch(`${server.url}${target}`, init);

describe('security, per operation as the spec states it (#27 point 1)', () => {
  it('401 with WWW-Authenticate when credentials are missing or of another kind; the documented 401 body where there is one', async () => {
    const none = await call('/items?q=x');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe(
      'Bearer realm="specsmith mock", ApiKey realm="specsmith mock", in="header", name="X-Api-Key", ApiKey realm="specsmith mock", in="header", name="X-Tenant"',
    );
    expect(await none.json()).toEqual({ error: 'who are you' });
    // Basic where the operation wants Bearer.
    expect((await call('/items?q=x', { headers: { authorization: basic } })).status).toBe(401);
    // No documented 401: a problem document saying what is missing.
    const post = await call('/items', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(post.status).toBe(401);
    expect(post.headers.get('www-authenticate')).toBe('Basic realm="specsmith mock"');
    expect(((await post.json()) as { detail: string }).detail).toBe('missing credentials: basic');
  });

  it('alternatives are OR, schemes within one AND', async () => {
    expect((await call('/items?q=x', { headers: { authorization: 'Bearer t' } })).status).toBe(200);
    expect((await call('/items?q=x', { headers: { 'x-api-key': 'k' } })).status).toBe(401);
    expect((await call('/items?q=x', { headers: { 'x-api-key': 'k', 'x-tenant': 't' } })).status).toBe(200);
  });

  it('an API key in a query parameter or a cookie; OAuth2 as a bearer token; {} and [] let anyone in', async () => {
    expect((await call('/items/1')).status).toBe(401);
    expect((await call('/items/1?api_key=k')).status).toBe(200);
    expect((await call('/items/1', { headers: { cookie: 'theme=dark; session=s1' } })).status).toBe(200);
    expect((await call('/items/1', { headers: { authorization: 'Bearer t' } })).status).toBe(200);
    expect((await call('/items/1', { method: 'DELETE' })).status).toBe(204);
    expect((await call('/public')).status).toBe(204);
  });

  it('--no-auth turns the check off', async () => {
    const root = temporaryDirectory('mock-no-auth');
    writeFileSync(path.join(root, 'openapi.yaml'), stringify(spec));
    const open = await startMockServer({ mock: (await loadTrafficSpec({ spec: 'openapi.yaml', root })).spec!, auth: false });
    try {
      expect((await fetch(`${open.url}/items?q=x`)).status).toBe(200);
    } finally {
      await open.close();
    }
  });
});

describe('HTTP manners (#27 point 2)', () => {
  it('CORS: every answer names the origin; a preflight is answered from the path and its operations', async () => {
    const simple = await call('/public', { headers: { origin: 'https://app.example' } });
    expect(simple.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(simple.headers.get('vary')).toBe('Origin');
    const preflight = await call('/items', {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-api-key' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, POST, HEAD, OPTIONS');
    expect(preflight.headers.get('access-control-allow-headers')?.split(', ')).toEqual(
      expect.arrayContaining(['authorization', 'content-type', 'x-api-key', 'x-tenant']),
    );
  });

  it('HEAD wherever GET is: the headers of GET, no body', async () => {
    const head = await call('/items/1?api_key=k', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('application/json');
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(0);
    expect(await head.text()).toBe('');
  });

  it('415 for an undocumented media type, 406 when Accept cannot be met, Accept picks among documented ones', async () => {
    const auth = { authorization: basic };
    const text = await call('/items', { method: 'POST', headers: { ...auth, 'content-type': 'text/plain' }, body: 'hi' });
    expect(text.status).toBe(415);
    expect(text.headers.get('accept-post')).toBe('application/json');
    const xml = await call('/items/1?api_key=k', { headers: { accept: 'application/xml' } });
    expect(xml.status).toBe(406);
    const csv = await call('/items/1?api_key=k', { headers: { accept: 'text/csv, application/json;q=0.5' } });
    expect(csv.headers.get('content-type')).toBe('text/csv');
    expect(await csv.text()).toBe('id,name');
    expect((await call('/items/1?api_key=k', { headers: { accept: 'application/json;q=0, */*' } })).headers.get('content-type')).toBe(
      'text/csv',
    );
  });

  it('a query parameter sent empty is refused unless allowEmptyValue says otherwise', async () => {
    const empty = await call('/items?q=', { headers: { authorization: 'Bearer t' } });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { issues: { path: string; keyword: string }[] }).issues).toEqual([
      expect.objectContaining({ in: 'query', path: '/q', keyword: 'allowEmptyValue' }),
    ]);
  });

  it('400 for percent-encoding that does not decode; 405 lists only the methods of the path that matched', async () => {
    const undecodable = await call('/items/%E0%A4%A?api_key=k');
    expect(undecodable.status).toBe(400);
    const put = await call('/items/1', { method: 'PUT' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, DELETE, HEAD, OPTIONS');
  });

  it('413 closes the connection, so the next request goes out on a fresh one', async () => {
    const statuses: number[] = [];
    const big = Buffer.alloc(11 * 1024 * 1024, 'a');
    const agentRequest = (body?: Buffer) =>
      new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
        const request = httpRequest(
          `${server.url}/items`,
          { method: 'POST', headers: { authorization: basic, 'content-type': 'application/json' } },
          (response) => {
            response.resume();
            response.on('end', () => resolve({ status: response.statusCode ?? 0, connection: response.headers.connection }));
          },
        );
        request.on('error', (error) =>
          error.message.includes('EPIPE') || error.message.includes('ECONNRESET') ? undefined : reject(error),
        );
        request.end(body ?? '{"id":"1","name":"a"}');
      });
    const first = await agentRequest(big);
    statuses.push(first.status);
    expect(first.connection).toBe('close');
    statuses.push((await agentRequest()).status);
    expect(statuses).toEqual([413, 201]);
  });
});

describe('examples are served as documented (#27 point 3)', () => {
  it('an example that fails its schema is served as written, with a warning header and a log line', async () => {
    const served = await call('/items/1?api_key=k');
    expect(await served.json()).toEqual({ id: '7' });
    expect(served.headers.get('x-specsmith-warning')).toMatch(/^the documented example fails its schema: \/name is required/);
    expect(logged.some((line) => line.startsWith('warning: getItem 200: the documented example fails its schema'))).toBe(true);
  });

  it('Prefer: example= picks a named example; an unknown name is a 400 listing them; dynamic=true generates a value', async () => {
    const post = (prefer: string) =>
      call('/items', {
        method: 'POST',
        headers: { authorization: basic, 'content-type': 'application/json', prefer },
        body: '{"id":"1","name":"a"}',
      });
    expect(await (await post('example=second')).json()).toEqual({ id: '2', name: 'two' });
    const unknown = await post('example=third');
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ examples: ['first', 'second'], detail: expect.stringContaining('first, second') });
    const dynamic = (await (await post('dynamic=true')).json()) as { id: string; name: string };
    expect(dynamic).not.toEqual({ id: '1', name: 'one' });
    expect(typeof dynamic.id).toBe('string');
    expect(dynamic.name.length).toBeLessThanOrEqual(5);
  });
});

describe('review of #27: what the mock keeps and logs', () => {
  it('logs no credential sent in the query', async () => {
    await call('/items/1?api_key=sekrit-key-1');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(logged.join('\n')).not.toContain('sekrit-key-1');
    expect(logged.some((line) => line.startsWith('GET /items/1?api_key=(redacted) -> 200'))).toBe(true);
  });

  it('a body in a documented non-JSON media type beside JSON is not read as JSON', async () => {
    const root = temporaryDirectory('mock-form');
    const form = structuredClone(spec) as unknown as {
      paths: Record<string, Record<string, { requestBody: { content: Record<string, unknown> } }>>;
    };
    form.paths['/items']!.post!.requestBody.content['application/x-www-form-urlencoded'] = { schema: { type: 'object' } };
    writeFileSync(path.join(root, 'openapi.yaml'), stringify(form));
    const open = await startMockServer({ mock: (await loadTrafficSpec({ spec: 'openapi.yaml', root })).spec!, auth: false });
    try {
      const sent = await fetch(`${open.url}/items`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'id=1&name=a',
      });
      expect(sent.status).toBe(201);
    } finally {
      await open.close();
    }
  });
});
