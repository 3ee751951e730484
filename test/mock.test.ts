import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './support/paths.js';
import { curatedExample } from './support/violations.js';

/** `specsmith mock` as a user runs it: the built CLI in a child process, spoken to over HTTP. */
const built = path.join(repoRoot, 'generator/dist/cli/main.js');

interface Running {
  child: ChildProcessWithoutNullStreams;
  url: string;
  output: () => string;
}

async function startCli(args: string[]): Promise<Running> {
  const child = spawn(process.execPath, [built, 'mock', ...args], { cwd: repoRoot });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const deadline = Date.now() + 20_000;
  while (!/ at (http:\S+)\n/.test(stdout)) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the mock did not start: ${stderr}${stdout}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { child, url: / at (http:\S+)\n/.exec(stdout)?.[1] ?? '', output: () => stdout };
}

const json = { 'content-type': 'application/json' };
/** Enfuce's scheme is HTTP Basic: the mock wants `Authorization: Basic …` (any credentials). */
const basic = { authorization: `Basic ${Buffer.from('tester:secret').toString('base64')}` };
const call = (url: string, init: RequestInit = {}) =>
  fetch(url, { ...init, headers: { ...basic, ...(init.headers as Record<string, string>) } });
const bearer = { authorization: 'Bearer token-1' };
const customer = curatedExample('enfuce', 'PrivateCustomer');

describe('specsmith mock --spec specs/enfuce/openapi.yaml --port 0', () => {
  let mock: Running;
  beforeAll(async () => {
    mock = await startCli(['--spec', 'specs/enfuce/openapi.yaml', '--port', '0']);
  });
  afterAll(() => {
    if (mock.child.exitCode === null) mock.child.kill('SIGKILL');
  });

  it('prints its URL on a free port of 127.0.0.1', () => {
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(mock.output()).toContain('Enfuce Payment API (CIA) (5 operations)');
  });

  it('answers a valid request with the documented example, with or without the server base path', async () => {
    for (const prefix of ['', '/customer']) {
      const response = await call(`${mock.url}${prefix}/v3/PRIVATE?auditUser=me`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify(customer),
      });
      expect(response.status).toBe(201);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(await response.json()).toEqual({ description: 'Customer created', id: '1234567' });
    }
  });

  it('rejects an invalid request with a problem document listing every issue and where it is', async () => {
    const response = await call(`${mock.url}/v4/MC_CARD/customer/1/account/2/SPARE`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ embossing: { firstName: 'M' }, pinStatus: 'X' }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await response.json()) as { status: number; issues: { in: string; path: string; keyword: string }[] };
    expect(problem.status).toBe(400);
    expect(problem.issues.map(({ in: part, path: at, keyword }) => [part, at, keyword])).toEqual([
      ['path', '/cardRole', 'enum'],
      ['query', '/auditUser', 'required'],
      ['body', '/pinStatus', 'enum'],
      ['body', '/embossing/lastName', 'required'],
    ]);
  });

  it('rejects a body that is not JSON, and answers 404 and 405 for what the spec lacks', async () => {
    const notJson = await call(`${mock.url}/v3/PRIVATE?auditUser=me`, { method: 'POST', headers: json, body: '{oops' });
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { issues: { keyword: string }[] }).issues[0]?.keyword).toBe('json');
    expect((await call(`${mock.url}/nowhere`)).status).toBe(404);
    const wrongMethod = await call(`${mock.url}/v3/PRIVATE`, { method: 'DELETE' });
    expect(wrongMethod.status).toBe(405);
    // The path that matches best is /v3/PRIVATE (a template without variables wins, OpenAPI 3.1 §4.8.8):
    // its own methods, not those of /v3/{id}, which the text would match too.
    expect(wrongMethod.headers.get('allow')).toBe('POST, OPTIONS');
  });

  it('picks another documented response with Prefer: code=, and says so when it is not documented', async () => {
    const limited = await call(`${mock.url}/v4/1?auditUser=me`, { headers: { prefer: 'code=429' } });
    expect(limited.status).toBe(429);
    expect(await limited.text()).toBe('');
    const teapot = await call(`${mock.url}/v4/1?auditUser=me`, { headers: { prefer: 'code=418' } });
    expect(teapot.status).toBe(400);
    expect(((await teapot.json()) as { detail: string }).detail).toContain('does not document');
  });

  it('logs one line a request, and stops cleanly on SIGTERM', async () => {
    await call(`${mock.url}/v3/151077912?auditUser=me`);
    // The line is written when the response has gone out; give the child a moment to print it.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const lines = mock.output().split('\n');
    const mine = lines.filter((line) => line.includes('/v3/151077912'));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatch(/^GET \/v3\/151077912\?auditUser=me -> 200 \(\d+ ms\)$/);
    // Every request of this describe block so far has its line.
    expect(lines.filter((line) => line.includes(' -> ')).length).toBeGreaterThanOrEqual(9);
    mock.child.kill('SIGTERM');
    const [code] = await once(mock.child, 'exit');
    expect(code).toBe(0);
    expect(mock.output()).toContain('specsmith mock: stopped');
  });
});

describe('specsmith mock on other specs', () => {
  it('serves a package’s shipped openapi.json, picks a named example, and stops on SIGINT', async () => {
    const mock = await startCli(['--spec', 'generated/paysafe/openapi.json', '--port', '0']);
    try {
      const person = await fetch(`${mock.url}/v2/customer-persons/EMAIL/john.smith%40mail.com?include=ACCOUNTS`, { headers: bearer });
      expect(person.status).toBe(200);
      expect(((await person.json()) as { email: string }).email).toBe('john.smith@mail.com');
      const missing = await fetch(`${mock.url}/v2/customer-persons/EMAIL/x`, { headers: { ...bearer, prefer: 'example=nope' } });
      expect(missing.status).toBe(400);
      const listed = (await missing.json()) as { detail: string; examples: string[] };
      // This response documents an `example`, no named `examples`: the answer says so.
      expect(listed.examples).toEqual([]);
      expect(listed.detail).toContain('documents no named example');
    } finally {
      mock.child.kill('SIGINT');
      const [code] = await once(mock.child, 'exit');
      expect(code).toBe(0);
    }
  });

  it('SIGINT at any moment after start, even while the spec loads, exits 0', async () => {
    /**
     * True once the command has taken the stop signals over. Node catches SIGINT from its own start, so the
     * sign is SIGHUP, which the command takes over in the same step (Linux: bit 1 of SigCgt in /proc/PID/status).
     */
    const catchesSigint = (pid: number) => {
      const mask = /^SigCgt:\s*([0-9a-f]+)$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? '0';
      return (BigInt(`0x${mask}`) & 1n) !== 0n;
    };
    // While the spec loads: as soon as the command has taken SIGINT over.
    const loading = spawn(process.execPath, [built, 'mock', '--spec', 'specs/enfuce/openapi.yaml', '--port', '0'], { cwd: repoRoot });
    let output = '';
    loading.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    while (loading.exitCode === null && !catchesSigint(loading.pid!)) await new Promise((resolve) => setTimeout(resolve, 2));
    loading.kill('SIGINT');
    expect(await once(loading, 'exit')).toEqual([0, null]);
    expect(output).not.toContain(' at http');
    // Right after the URL line, again and again.
    for (let attempt = 0; attempt < 5; attempt++) {
      const mock = await startCli(['--spec', 'specs/enfuce/openapi.yaml', '--port', '0']);
      mock.child.kill('SIGINT');
      expect(await once(mock.child, 'exit'), `attempt ${attempt}`).toEqual([0, null]);
    }
  });

  it('stopping npx stops the server (its parent gone, the mock exits)', async () => {
    // `npx` runs the bin under `npm exec` and a shell; when npm is killed, nothing forwards the signal.
    const npx = spawn('npx', ['--no', 'specsmith', 'mock', '--spec', 'specs/enfuce/openapi.yaml', '--port', '0'], {
      cwd: repoRoot,
      detached: true,
    });
    let stdout = '';
    npx.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const deadline = Date.now() + 30_000;
    while (!/ at (http:\S+)\n/.test(stdout)) {
      if (npx.exitCode !== null || Date.now() > deadline) throw new Error(`npx specsmith mock did not start: ${stdout}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const url = / at (http:\S+)\n/.exec(stdout)![1]!;
    expect((await fetch(`${url}/nowhere`)).status).toBe(404);
    // What a supervisor (or a CI step's timeout) does: SIGTERM to the process it started.
    npx.kill('SIGTERM');
    const gone = Date.now() + 10_000;
    let refused = false;
    while (!refused && Date.now() < gone) {
      refused = await fetch(`${url}/nowhere`).then(
        () => false,
        () => true,
      );
      if (!refused) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(refused).toBe(true);
  });

  it('exits 2 with the diagnostics of a spec with errors, and on a bad port', async () => {
    const broken = spawn(process.execPath, [built, 'mock', '--spec', 'test/fixtures/specs/invalid/many-problems.yaml'], { cwd: repoRoot });
    let stderr = '';
    broken.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = await once(broken, 'exit');
    expect(code).toBe(2);
    expect(stderr).toContain('error path-param-undeclared');
    const badPort = spawn(process.execPath, [built, 'mock', '--spec', 'specs/enfuce/openapi.yaml', '--port', 'x'], { cwd: repoRoot });
    expect((await once(badPort, 'exit'))[0]).toBe(2);
  });
});
