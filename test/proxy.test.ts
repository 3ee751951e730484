import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProxyServer, type ProxyServer } from '../generator/src/proxy/proxy-server.js';
import { loadTrafficSpec, type TrafficSpec } from '../generator/src/traffic/load-spec.js';
import { junitSchemaErrors } from './support/ci-formats.js';
import { repoRoot, temporaryDirectory } from './support/paths.js';
import { startCuratedMock, type RunningMock } from './support/servers.js';
import { curatedExample } from './support/violations.js';

/**
 * `specsmith proxy` (#27 point 5) between a client and a real server: specsmith mock as a faithful
 * upstream, and an upstream that drifts from the spec (a card status the spec does not list).
 */
const built = path.join(repoRoot, 'generator/dist/cli/main.js');
const secret = 'dGVzdGVyOnMzY3JldA==';
const auth = { authorization: `Basic ${secret}` };
const json = { 'content-type': 'application/json' };

/** A server that answers every card read with a status the spec does not list, and counts what it got. */
async function driftingUpstream(): Promise<{ url: string; server: Server; seen: string[] }> {
  const seen: string[] = [];
  const server = createServer((request, response) => {
    seen.push(`${request.method} ${request.url}`);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ id: '1234567', status: 'MELTED' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, seen };
}

let spec: TrafficSpec;
beforeAll(async () => {
  const loaded = await loadTrafficSpec({ spec: 'specs/enfuce/openapi.yaml', root: repoRoot });
  spec = loaded.spec!;
});

describe('specsmith proxy with specsmith mock upstream', () => {
  let upstream: RunningMock;
  let proxy: ProxyServer;
  const lines: string[] = [];
  beforeAll(async () => {
    upstream = await startCuratedMock('enfuce');
    proxy = await startProxyServer({ spec, target: `${upstream.url}/customer`, log: (line) => lines.push(line) });
  });
  afterAll(async () => {
    await proxy.close();
    await upstream.close();
  });

  it('forwards under the target base path and relays the answer; a faithful exchange has no violation', async () => {
    const response = await fetch(`${proxy.url}/v3/PRIVATE?auditUser=me`, {
      method: 'POST',
      headers: { ...auth, ...json },
      body: JSON.stringify(curatedExample('enfuce', 'PrivateCustomer')),
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ description: 'Customer created', id: '1234567' });
    expect(proxy.exchanges.at(-1)).toMatchObject({ operation: 'createPrivateCustomer', status: 201, issues: [] });
  });

  it('an invalid request is forwarded and reported (the upstream answers it), with operation, direction and place', async () => {
    const response = await fetch(`${proxy.url}/v3/PRIVATE?auditUser=`, { method: 'POST', headers: { ...auth, ...json }, body: '{}' });
    expect(response.status).toBe(400);
    const exchange = proxy.exchanges.at(-1)!;
    expect(exchange.issues.map((issue) => [issue.direction, issue.in, issue.path])).toEqual(
      expect.arrayContaining([['request', 'query', '/auditUser']]),
    );
    expect(
      lines.some((line) => line.startsWith('violation: POST /v3/PRIVATE?auditUser= (createPrivateCustomer) request query/auditUser:')),
    ).toBe(true);
    expect(lines.join('\n')).not.toContain(secret);
  });
});

describe('specsmith proxy with an upstream that drifts', () => {
  it('reports a response violation by operation and field; --errors refuse answers 502 and refuses invalid requests unforwarded', async () => {
    const upstream = await driftingUpstream();
    const report = await startProxyServer({ spec, target: upstream.url });
    const refuse = await startProxyServer({ spec, target: upstream.url, errors: 'refuse' });
    const warn = await startProxyServer({ spec, target: upstream.url, errors: 'warn' });
    try {
      const relayed = await fetch(`${report.url}/v4/1234567?auditUser=me`, { headers: auth });
      expect(relayed.status).toBe(200);
      expect(((await relayed.json()) as { status: string }).status).toBe('MELTED');
      expect(report.exchanges[0]!.issues).toEqual([expect.objectContaining({ direction: 'response', in: 'body', path: '/status' })]);
      const refused = await fetch(`${refuse.url}/v4/1234567?auditUser=me`, { headers: auth });
      expect(refused.status).toBe(502);
      expect(((await refused.json()) as { issues: { path: string }[] }).issues[0]?.path).toBe('/status');
      const before = upstream.seen.length;
      const bad = await fetch(`${refuse.url}/v4/1234567`, { headers: auth });
      expect(bad.status).toBe(400);
      expect(upstream.seen.length).toBe(before);
      const marked = await fetch(`${warn.url}/v4/1234567?auditUser=me`, { headers: auth });
      expect(marked.status).toBe(200);
      expect(marked.headers.get('x-specsmith-violation')).toContain('response body/status');
    } finally {
      await Promise.all([report.close(), refuse.close(), warn.close()]);
      upstream.server.close();
    }
  });

  it('the CLI writes a JUnit report naming the operation and the field on SIGINT, and exits 1', async () => {
    const upstream = await driftingUpstream();
    const folder = temporaryDirectory('proxy-cli');
    const reportFile = path.join(folder, 'proxy.xml');
    const child = spawn(
      process.execPath,
      [built, 'proxy', '--spec', 'specs/enfuce/openapi.yaml', '--target', upstream.url, '--port', '0', '--report', reportFile],
      {
        cwd: repoRoot,
      },
    );
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    try {
      const deadline = Date.now() + 20_000;
      while (!/ at (http:\S+)\n/.test(stdout)) {
        if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the proxy did not start: ${stdout}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const url = / at (http:\S+)\n/.exec(stdout)![1]!;
      expect((await fetch(`${url}/v4/1234567?auditUser=me`, { headers: auth })).status).toBe(200);
      child.kill('SIGINT');
      const [code] = await once(child, 'exit');
      expect(code).toBe(1);
      const junit = readFileSync(reportFile, 'utf8');
      expect(await junitSchemaErrors(junit)).toEqual([]);
      expect(junit).toMatch(/<testcase [^>]*name="#0 GET \/v4\/1234567\?auditUser=me \(getCard\)"/);
      expect(junit).toMatch(/<failure [^>]*type="proxy-response-invalid"[^>]*>[^<]*getCard\) response body\/status/);
      expect(stdout).toContain('specsmith proxy: stopped; 1 exchange(s), 1 with violations');
      expect(stdout).not.toContain(secret);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      upstream.server.close();
    }
  });
});

describe('review of #27: the proxy stays at its target', () => {
  it('a request target with two leading slashes stays at the target (no other host gets the credentials); every Set-Cookie is relayed', async () => {
    const seen: string[] = [];
    const upstream = createServer((request, response) => {
      seen.push(`${request.headers.host} ${request.url}`);
      response.setHeader('set-cookie', ['session=1; Path=/', 'csrf=2; Path=/']);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ id: '1' }));
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const target = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/card`;
    const proxy = await startProxyServer({ spec, target });
    try {
      const { port } = new URL(proxy.url);
      const answer = await new Promise<{ cookies: string[] }>((resolve, reject) => {
        const sent = request({ host: '127.0.0.1', port, path: '//elsewhere.invalid/v4/1?auditUser=me', headers: auth }, (response) => {
          response.resume();
          response.on('end', () => resolve({ cookies: response.headers['set-cookie'] ?? [] }));
        });
        sent.on('error', reject);
        sent.end();
      });
      expect(seen).toEqual([`127.0.0.1:${new URL(target).port} /card/elsewhere.invalid/v4/1?auditUser=me`]);
      expect(answer.cookies).toEqual(['session=1; Path=/', 'csrf=2; Path=/']);
    } finally {
      await proxy.close();
      upstream.close();
    }
  });
});
