import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../generator/src/generate.js';
import { startServer, type TestServer } from './support/servers.js';
import { temporaryDirectory } from './support/paths.js';

/**
 * What a generated client puts on the wire, read by a real server: form and multipart bodies, parameters
 * in every location and style, an API key in the query (and redacted from what hooks see), and an
 * operation whose `security: []` sends no credentials.
 */
const spec = `openapi: 3.1.0
info: {title: wire, version: '1'}
servers: [{url: 'http://placeholder.invalid/base'}]
security: [{queryKey: []}]
paths:
  /forms:
    post:
      operationId: sendForm
      requestBody:
        required: true
        content:
          application/x-www-form-urlencoded:
            schema:
              type: object
              required: [name]
              properties:
                name: {type: string}
                tags: {type: array, items: {type: string}}
                meta: {type: object, properties: {a: {type: integer}}}
      responses:
        '204': {description: stored}
  /uploads:
    post:
      operationId: upload
      requestBody:
        required: true
        content:
          multipart/form-data:
            schema:
              type: object
              properties:
                note: {type: string}
      responses:
        '200':
          description: stored
          content:
            text/plain:
              schema: {type: string}
  /items/{ids}:
    get:
      operationId: listItems
      security: []
      parameters:
        - {name: ids, in: path, required: true, style: label, explode: true, schema: {type: array, items: {type: integer}}}
        - {name: tag, in: query, schema: {type: array, items: {type: string}}}
        - {name: range, in: query, style: deepObject, explode: true, schema: {type: object, properties: {from: {type: integer}, to: {type: integer}}}}
        - {name: pipe, in: query, style: pipeDelimited, explode: false, schema: {type: array, items: {type: string}}}
        - {name: X-Trace, in: header, schema: {type: array, items: {type: string}}}
        - {name: session, in: cookie, schema: {type: string}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: array, items: {type: integer}}
components:
  securitySchemes:
    queryKey: {type: apiKey, in: query, name: api_key}
`;

interface WireModule {
  createClient(options: Record<string, unknown>): Record<string, (input?: unknown) => Promise<{ status: number; data: unknown }>>;
}

describe('a generated client on the wire', () => {
  let server: TestServer;
  let wire: WireModule;
  beforeAll(async () => {
    const folder = temporaryDirectory('wire');
    writeFileSync(path.join(folder, 'wire.yaml'), spec);
    const result = await generate({ root: folder, jobs: [{ spec: 'wire.yaml', out: 'out', name: 'wire' }], progress: 'never' });
    expect(result.diagnostics).toEqual([]);
    wire = (await import(pathToFileURL(path.join(folder, 'out/index.js')).href)) as WireModule;
    server = await startServer((request, response) => {
      if (request.url.startsWith('/base/uploads')) {
        response.writeHead(200, { 'content-type': 'text/plain' });
        return response.end('stored');
      }
      if (request.url.startsWith('/base/items')) {
        response.writeHead(200, { 'content-type': 'application/json' });
        return response.end('[1,2]');
      }
      response.writeHead(204);
      response.end();
    });
  });
  afterAll(() => server.close());

  it('sends a URL-encoded form with the API key in the query, hidden from hooks', async () => {
    const views: unknown[] = [];
    const client = wire.createClient({
      baseUrl: `${server.url}/base/`,
      auth: { apiKey: 'k-123' },
      onRequest: (view: unknown) => views.push(view),
    });
    const result = await client.sendForm?.({ body: { name: 'A B', tags: ['x', 'y'], meta: { a: 1 } } });
    expect(result?.status).toBe(204);
    const seen = server.requests.at(-1);
    expect(seen?.url).toBe('/base/forms?api_key=k-123');
    expect(seen?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(seen?.body).toBe('name=A+B&tags=x&tags=y&meta=%7B%22a%22%3A1%7D');
    expect(JSON.stringify(views)).not.toContain('k-123');
    expect(JSON.stringify(views)).toContain('api_key=%5BREDACTED%5D');
  });

  it('sends multipart form data and reads a text answer', async () => {
    const client = wire.createClient({ baseUrl: `${server.url}/base`, auth: { apiKey: 'k' } });
    const result = await client.upload?.({ body: { note: 'hello' } });
    expect(result).toMatchObject({ status: 200, data: 'stored' });
    const seen = server.requests.at(-1);
    expect(seen?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(seen?.body).toContain('name="note"\r\n\r\nhello');
  });

  it('serialises parameters in each location by their style, and sends no credential where security is empty', async () => {
    const client = wire.createClient({ baseUrl: `${server.url}/base`, auth: { apiKey: 'k' } });
    const result = await client.listItems?.({
      path: { ids: [3, 4] },
      query: { tag: ['a', 'b c'], range: { from: 1, to: 9 }, pipe: ['p', 'q'] },
      headers: { 'X-Trace': ['t1', 't2'] },
      cookies: { session: 's=1' },
    });
    expect(result).toMatchObject({ status: 200, data: [1, 2] });
    const seen = server.requests.at(-1);
    expect(seen?.url).toBe('/base/items/.3.4?tag=a&tag=b%20c&range%5Bfrom%5D=1&range%5Bto%5D=9&pipe=p%7Cq');
    expect(seen?.headers['x-trace']).toBe('t1,t2');
    expect(seen?.headers.cookie).toBe('session=s%3D1');
  });

  it('rejects a query value of the wrong type before sending', async () => {
    const before = server.requests.length;
    const client = wire.createClient({ baseUrl: server.url });
    await expect(client.listItems?.({ path: { ids: ['x'] } })).rejects.toThrow(/ids\/0 must be of type integer/);
    expect(server.requests.length).toBe(before);
  });
});
