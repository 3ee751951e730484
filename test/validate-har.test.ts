import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { junitSchemaErrors } from './support/ci-formats.js';
import { repoRoot, temporaryDirectory } from './support/paths.js';
import { curatedExample } from './support/violations.js';

const built = path.join(repoRoot, 'generator/dist/cli/main.js');
const spec = path.join(repoRoot, 'specs/enfuce/openapi.yaml');
const cli = (cwd: string, args: string[]) =>
  spawnSync(process.execPath, [built, 'validate', '--spec', spec, ...args], { cwd, encoding: 'utf8' });

const header = (name: string, value: string) => ({ name, value });
/** A HAR 1.2 entry as browsers and Playwright write them. */
function entry(
  request: { method: string; url: string; body?: unknown },
  response: { status: number; body?: unknown; text?: string; mimeType?: string },
) {
  const text = response.text ?? (response.body === undefined ? '' : JSON.stringify(response.body));
  return {
    startedDateTime: '2026-12-07T10:00:00.000Z',
    time: 12,
    request: {
      method: request.method,
      url: request.url,
      httpVersion: 'HTTP/1.1',
      headers: [
        header('Authorization', 'Basic dXNlcjpzZWNyZXQ='),
        ...(request.body === undefined ? [] : [header('Content-Type', 'application/json')]),
      ],
      queryString: [],
      ...(request.body === undefined ? {} : { postData: { mimeType: 'application/json', text: JSON.stringify(request.body) } }),
      headersSize: -1,
      bodySize: -1,
    },
    response: {
      status: response.status,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      headers: text === '' ? [] : [header('Content-Type', response.mimeType ?? 'application/json')],
      content: {
        size: text.length,
        mimeType: response.mimeType ?? 'application/json',
        text: Buffer.from(text).toString('base64'),
        encoding: 'base64',
      },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 0, wait: 10, receive: 2 },
  };
}

const base = 'https://integration-api-cat2.uat.ext.test.cia.enfuce.com';
function capture(): string {
  const root = temporaryDirectory('har');
  const har = {
    log: {
      version: '1.2',
      creator: { name: 'test', version: '1' },
      entries: [
        entry(
          { method: 'POST', url: `${base}/customer/v3/PRIVATE?auditUser=me`, body: curatedExample('enfuce', 'PrivateCustomer') },
          { status: 201, body: { id: '151077912', description: 'Customer created' } },
        ),
        entry({ method: 'GET', url: `${base}/customer/v3/151077912?auditUser=` }, { status: 200, body: { id: '151077912' } }),
        entry({ method: 'GET', url: `${base}/card/v4/1234567?auditUser=me` }, { status: 200, body: { id: '1234567', status: 'BROKEN' } }),
        entry({ method: 'GET', url: `${base}/card/v4/1234567?auditUser=me` }, { status: 418, text: '' }),
        entry({ method: 'GET', url: 'https://fonts.example.com/inter.woff2' }, { status: 200, text: 'x', mimeType: 'font/woff2' }),
      ],
    },
  };
  writeFileSync(path.join(root, 'session.har'), JSON.stringify(har, null, 2));
  return root;
}

describe('specsmith validate --har (#27 point 6)', () => {
  it('matches each entry to its operation and checks both ways; lists what the spec lacks; exit 1 on an invalid one', () => {
    const root = capture();
    const run = cli(root, ['--har', 'session.har']);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toMatch(/^session\.har:\d+:\d+: #1 GET \S+ \(getCustomer\):\n {2}request query\/auditUser: must not be empty/m);
    expect(run.stdout).toMatch(/#2 GET \S+ \(getCard\):\n {2}response body\/status: /);
    expect(run.stdout).toContain('response status: status 418 is not documented (getCard documents 200, 429)');
    expect(run.stdout).toMatch(/#4 GET https:\/\/fonts\.example\.com\/inter\.woff2: not in the spec/);
    expect(run.stdout).toContain('5 entries: 1 valid, 3 invalid, 1 not in the spec');
  });

  it('json lists every entry with its outcome; junit names the operation and the field, at the entry line', async () => {
    const root = capture();
    const json = JSON.parse(cli(root, ['--har', 'session.har', '--format', 'json']).stdout) as {
      results: { entry: number; outcome: string; operation?: string; line: number }[];
    };
    expect(json.results.map((result) => [result.entry, result.outcome, result.operation])).toEqual([
      [0, 'valid', 'createPrivateCustomer'],
      [1, 'invalid', 'getCustomer'],
      [2, 'invalid', 'getCard'],
      [3, 'invalid', 'getCard'],
      [4, 'unmatched', undefined],
    ]);
    expect(json.results.every((result) => result.line > 0)).toBe(true);
    const junit = cli(root, ['--har', 'session.har', '--format', 'junit']).stdout;
    expect(await junitSchemaErrors(junit)).toEqual([]);
    expect(junit).toMatch(/<failure [^>]*type="har-response-invalid"[^>]*>[^<]*getCard: response body\/status/);
  });

  it('a capture that is all valid exits 0; a file that is not HAR exits 2', () => {
    const root = temporaryDirectory('har-ok');
    writeFileSync(
      path.join(root, 'ok.har'),
      JSON.stringify({
        log: {
          version: '1.2',
          entries: [entry({ method: 'GET', url: `${base}/card/v4/1?auditUser=me` }, { status: 200, body: { id: '1' } })],
        },
      }),
    );
    expect(cli(root, ['--har', 'ok.har']).status).toBe(0);
    writeFileSync(path.join(root, 'not.har'), '{"entries": []}');
    const bad = cli(root, ['--har', 'not.har']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('not a HAR capture');
  });
});

describe('specsmith validate --examples (#27 point 3: an example that fails its schema is a finding)', () => {
  it('checks request, response and schema examples by the validators; each failure at its line; exit 1', async () => {
    const root = temporaryDirectory('examples');
    const item = { type: 'object', required: ['id', 'name'], properties: { id: { type: 'string' }, name: { type: 'string' } } };
    const text = stringify({
      openapi: '3.1.0',
      info: { title: 'Examples', version: '1.0.0' },
      paths: {
        '/items': {
          post: {
            operationId: 'createItem',
            requestBody: { content: { 'application/json': { schema: item, examples: { good: { value: { id: '1', name: 'a' } } } } } },
            responses: { '201': { description: 'made', content: { 'application/json': { schema: item, example: { id: '7' } } } } },
          },
        },
      },
      components: { schemas: { Item: { ...item, example: { id: 1, name: 'x' } } } },
    });
    writeFileSync(path.join(root, 'openapi.yaml'), text);
    const run = spawnSync(process.execPath, [built, 'validate', '--spec', 'openapi.yaml', '--examples'], { cwd: root, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(1);
    const lines = text.split('\n');
    const line = (needle: string) => lines.findIndex((entry) => entry.includes(needle)) + 1;
    expect(run.stdout).toContain(`openapi.yaml:${line('example:')}:`);
    expect(run.stdout).toMatch(/createItem response 201 fails its schema:\n {2}\/name is required/);
    expect(run.stdout).toMatch(/schema Item fails its schema:\n {2}\/id must be of type string/);
    expect(run.stdout).toContain('3 example(s): 1 valid, 2 failing their schema');
    const junit = spawnSync(process.execPath, [built, 'validate', '--spec', 'openapi.yaml', '--examples', '--format', 'junit'], {
      cwd: root,
      encoding: 'utf8',
    }).stdout;
    expect(await junitSchemaErrors(junit)).toEqual([]);
    expect(junit).toMatch(/<failure [^>]*type="example-invalid"/);
  });

  it('every example of the curated specs fits its schema', () => {
    for (const provider of ['enfuce', 'gateway', 'paysafe']) {
      const run = spawnSync(process.execPath, [built, 'validate', '--spec', `specs/${provider}/openapi.yaml`, '--examples'], {
        cwd: repoRoot,
        encoding: 'utf8',
      });
      expect(run.status, `${provider}: ${run.stdout}`).toBe(0);
    }
  });
});
