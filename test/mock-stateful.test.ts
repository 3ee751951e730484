import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadTrafficSpec } from '../generator/src/traffic/load-spec.js';
import { startMockServer, type MockOptions, type MockServer } from '../generator/src/mock/mock-server.js';
import { temporaryDirectory } from './support/paths.js';

/**
 * `specsmith mock --stateful` (#27 point 4) on a spec of the test's own: a collection whose GET lives one
 * `/{id}` below its POST (found by the paths), customers read back through an OpenAPI link, and card orders
 * that take an idempotency key (`x-idempotency`, as Enfuce documents for create-card).
 */
const pet = {
  type: 'object',
  required: ['name'],
  properties: { id: { type: 'string' }, name: { type: 'string' }, tag: { type: 'string' } },
};
const json = (schema: object, extra: object = {}) => ({ content: { 'application/json': { schema, ...extra } } });
const problem = {
  description: 'missing',
  ...json({ type: 'object', properties: { message: { type: 'string' } } }, { example: { message: 'no such thing' } }),
};
const spec = {
  openapi: '3.1.0',
  info: { title: 'Stateful', version: '1.0.0' },
  paths: {
    '/pets': {
      post: {
        operationId: 'createPet',
        requestBody: { required: true, ...json(pet) },
        responses: { '201': { description: 'made', ...json(pet, { example: { id: '1000', name: 'Rex' } }) } },
      },
    },
    '/pets/{petId}': {
      parameters: [{ name: 'petId', in: 'path', required: true, schema: { type: 'string' } }],
      get: {
        operationId: 'getPet',
        responses: { '200': { description: 'a pet', ...json(pet, { example: { id: '1', name: 'Doc' } }) }, '404': problem },
      },
      put: {
        operationId: 'replacePet',
        requestBody: { required: true, ...json(pet) },
        responses: { '200': { description: 'replaced', ...json(pet, { example: { id: '1', name: 'Doc' } }) }, '404': problem },
      },
      patch: {
        operationId: 'changePet',
        requestBody: { required: true, content: { 'application/merge-patch+json': { schema: { type: 'object' } } } },
        responses: { '200': { description: 'changed', ...json(pet) }, '404': problem },
      },
      delete: { operationId: 'deletePet', responses: { '204': { description: 'gone' }, '404': problem } },
    },
    '/customers': {
      post: {
        operationId: 'createCustomer',
        requestBody: { required: true, ...json({ type: 'object', properties: { name: { type: 'string' } } }) },
        responses: {
          '201': {
            description: 'made',
            ...json(
              { type: 'object', properties: { id: { type: 'string' }, description: { type: 'string' } } },
              { example: { id: '151077912', description: 'created' } },
            ),
            links: { read: { operationId: 'readCustomer', parameters: { customerId: '$response.body#/id' } } },
          },
        },
      },
    },
    '/customer-by-id/{customerId}': {
      get: {
        operationId: 'readCustomer',
        parameters: [{ name: 'customerId', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': {
            description: 'one',
            ...json(
              { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, since: { type: 'string' } } },
              { example: { id: '1', name: 'Example', since: '2020' } },
            ),
          },
          '404': problem,
        },
      },
    },
    '/cards': {
      post: {
        operationId: 'orderCard',
        'x-idempotency': { header: 'x-idempotency-key', ttl: 'PT24H', maxLength: 64 },
        parameters: [{ name: 'x-idempotency-key', in: 'header', schema: { type: 'string', maxLength: 64 } }],
        requestBody: { required: true, ...json({ type: 'object', properties: { holder: { type: 'string' } } }) },
        responses: {
          '201': {
            description: 'ordered',
            ...json({ type: 'object', properties: { id: { type: 'string' } } }, { example: { id: '5000' } }),
          },
          '503': { description: 'try again' },
        },
      },
    },
    '/cards/{id}': {
      get: {
        operationId: 'getCard',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': { description: 'a card', ...json({ type: 'object' }, { example: { id: '1' } }) },
          '404': { description: 'no card' },
        },
      },
    },
  },
};

async function start(options: Partial<MockOptions> = {}): Promise<MockServer> {
  const root = temporaryDirectory('mock-stateful');
  writeFileSync(path.join(root, 'openapi.yaml'), stringify(spec));
  const loaded = await loadTrafficSpec({ spec: 'openapi.yaml', root });
  if (loaded.spec === undefined) throw new Error(JSON.stringify(loaded.diagnostics));
  return startMockServer({ mock: loaded.spec, stateful: true, ...options });
}

let server: MockServer;
beforeAll(async () => {
  server = await start();
});
afterAll(() => server.close());

const send = (method: string, target: string, body?: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${target}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

describe('specsmith mock --stateful (#27 point 4)', () => {
  it('what POST creates, GET reads back; each create gets an id of its own, shaped like the documented one', async () => {
    const rex = (await (await send('POST', '/pets', { name: 'Rex', tag: 'dog' })).json()) as { id: string };
    const tom = (await (await send('POST', '/pets', { name: 'Tom' })).json()) as { id: string };
    expect(rex.id).toMatch(/^\d{4}$/);
    expect(tom.id).not.toBe(rex.id);
    expect(await (await send('GET', `/pets/${rex.id}`)).json()).toEqual({ id: rex.id, name: 'Rex', tag: 'dog' });
    expect(await (await send('GET', `/pets/${tom.id}`)).json()).toEqual({ id: tom.id, name: 'Tom' });
  });

  it("PUT replaces, PATCH merges (RFC 7396), DELETE removes; an unknown id is 404 with the spec's body", async () => {
    const { id } = (await (await send('POST', '/pets', { name: 'Ann', tag: 'cat' })).json()) as { id: string };
    await send('PUT', `/pets/${id}`, { name: 'Anna' });
    expect(await (await send('GET', `/pets/${id}`)).json()).toEqual({ id, name: 'Anna' });
    const patched = await send('PATCH', `/pets/${id}`, { tag: 'cat' }, { 'content-type': 'application/merge-patch+json' });
    expect(patched.status).toBe(200);
    expect(await (await send('GET', `/pets/${id}`)).json()).toEqual({ id, name: 'Anna', tag: 'cat' });
    expect((await send('DELETE', `/pets/${id}`)).status).toBe(204);
    const gone = await send('GET', `/pets/${id}`);
    expect(gone.status).toBe(404);
    expect(await gone.json()).toEqual({ message: 'no such thing' });
    expect((await send('DELETE', `/pets/${id}`)).status).toBe(404);
    expect((await send('PATCH', '/pets/nobody', {}, { 'content-type': 'application/merge-patch+json' })).status).toBe(404);
  });

  it('follows the OpenAPI link of a create: the read gets the created fields over its documented body', async () => {
    const created = (await (await send('POST', '/customers', { name: 'Maria' })).json()) as { id: string; description: string };
    expect(created.description).toBe('created');
    expect(created.id).toMatch(/^\d{9}$/);
    expect(created.id).not.toBe('151077912');
    expect(await (await send('GET', `/customer-by-id/${created.id}`)).json()).toEqual({ id: created.id, name: 'Maria', since: '2020' });
  });

  it('a repeated idempotency key replays the success (one card exists); errors are not kept; another key orders another', async () => {
    const key = { 'x-idempotency-key': 'order-1' };
    const failed = await send('POST', '/cards', { holder: 'M' }, { ...key, prefer: 'code=503' });
    expect(failed.status).toBe(503);
    const first = await send('POST', '/cards', { holder: 'M' }, key);
    expect(first.status).toBe(201);
    const { id } = (await first.json()) as { id: string };
    const again = await send('POST', '/cards', { holder: 'M' }, key);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual({ id });
    const other = (await (await send('POST', '/cards', { holder: 'M' }, { 'x-idempotency-key': 'order-2' })).json()) as { id: string };
    expect(other.id).not.toBe(id);
    expect((await send('GET', `/cards/${id}`)).status).toBe(200);
  });

  it('a DELETE whose answer fails (406) leaves the item', async () => {
    const { id } = (await (await send('POST', '/pets', { name: 'Kept' })).json()) as { id: string };
    const refused = await send('DELETE', `/pets/${id}`, undefined, { accept: 'text/xml', prefer: 'code=404' });
    expect(refused.status).toBe(406);
    expect((await send('GET', `/pets/${id}`)).status).toBe(200);
  });

  it('a success asked for with Prefer: code= writes, an error does not; reads the state does not hold answer as before', async () => {
    expect((await send('GET', '/pets/never')).status).toBe(404);
    const asked = await send('POST', '/pets', { name: 'Q' }, { prefer: 'code=201' });
    expect((await send('GET', `/pets/${((await asked.json()) as { id: string }).id}`)).status).toBe(200);
  });

  it('--seed preloads items by the path that reads them; a path no GET reads is refused', async () => {
    const seeded = await start({ seed: { '/pets/7': { id: '7', name: 'Seven' } } });
    try {
      expect(await (await fetch(`${seeded.url}/pets/7`)).json()).toEqual({ id: '7', name: 'Seven' });
    } finally {
      await seeded.close();
    }
    await expect(start({ seed: { '/nowhere/1': {} } })).rejects.toThrow('--seed: no GET operation of the spec reads /nowhere/1');
  });

  it('without --stateful nothing is kept: GET answers the documented example', async () => {
    const plain = await start({ stateful: false });
    try {
      const made = (await (
        await fetch(`${plain.url}/pets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"Z"}' })
      ).json()) as { id: string };
      expect(made.id).toBe('1000');
      expect(await (await fetch(`${plain.url}/pets/1000`)).json()).toEqual({ id: '1', name: 'Doc' });
    } finally {
      await plain.close();
    }
  });
});
