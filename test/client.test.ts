import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as enfuce from '../generated/enfuce/index.js';
import * as gateway from '../generated/gateway/index.js';
import * as paysafe from '../generated/paysafe/index.js';
import { curatedExample } from './support/violations.js';
import { startCuratedMock, startServer, validInput, type RunningMock, type TestServer } from './support/servers.js';

/**
 * The generated clients against real servers on 127.0.0.1: `specsmith mock` for the curated specs, and
 * small misbehaving `node:http` servers for the faults networks and providers produce. No `fetch` is stubbed.
 */
type AnyClient = Record<string, (input?: unknown, options?: unknown) => Promise<{ status: number; data: unknown }>>;

const packages = { enfuce, gateway, paysafe } as const;
const credentials = {
  enfuce: { username: 'enfuce-user', password: 'pa55-w0rd-enfuce' },
  gateway: { apiKey: 'gateway-api-key-0123456789' },
  paysafe: { token: 'paysafe-bearer-token-abcdef' },
} as const;

/** The HMAC secret of Paysafe's request-signing page (its worked example), as base64 text. */
const paysafeSigningKey =
  'Y+83Kt6imrf2eQBVojCfVAx9iDNwtgN7UzZydbpqUgNq3WzgJOhiNpdAF5b9UJ4Ymf++HMgdrgClOmwfq8qItCNcVaCT/MPhMGYgiMb+oLtc2K3nmJxvPxTR6caFalI8qKr6BgX0K1tqKDka2xJZhUZXCVjBsBmKJLT/XQ0+cTSGUfLOwOF+jo0Mgm8oHYnIdOTYlA1XIDJH867WhK8iWe54SONltkRZgNxejUoygtvwdUVxKKa+Mm57RXpH6pI7qh3gkKxcwlrUJ1LhkMLxSNwr78WH4zAd/ILHfEFWORJHgNilzyqyBMZutCtPHhDIBnzkgqfgv1eE6EcDozRT+Q==';
/** What each package's client needs beyond its credentials: Paysafe signs the requests that create customers. */
const extraOptions = { enfuce: {}, gateway: {}, paysafe: { signing: { key: paysafeSigningKey } } } as const;

const card = { embossing: { firstName: 'Monica', lastName: 'Liikamaa' }, pinStatus: 'W' } satisfies enfuce.CreateMcCardRequestBody;
const cardPath = { customerId: '151077912', accountId: '5678', cardRole: 'MAIN' } satisfies enfuce.CreateMcCardPathParams;

describe.each(Object.keys(packages) as (keyof typeof packages)[])('the %s client against specsmith mock', (provider) => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startCuratedMock(provider);
  });
  afterAll(() => mock.close());

  it('calls every operation and gets its documented success, validated', async () => {
    const client = packages[provider].createClient({
      baseUrl: mock.url,
      auth: credentials[provider] as never,
      ...extraOptions[provider],
    }) as unknown as AnyClient;
    expect(mock.mock.model.operations.length).toBeGreaterThan(1);
    for (const operation of mock.mock.model.operations) {
      const result = await client[operation.id]?.(validInput(mock.mock, operation));
      expect(result?.status, operation.id).toBeGreaterThanOrEqual(200);
      expect(result?.status, operation.id).toBeLessThan(300);
      const documented = operation.responses.find((response) => response.status === String(result?.status));
      if ((documented?.contents.length ?? 0) > 0) expect(result?.data, operation.id).toBeDefined();
    }
    expect(mock.count()).toBe(mock.mock.model.operations.length);
  });

  it('rejects an invalid request before a byte is sent', async () => {
    const client = packages[provider].createClient({
      baseUrl: mock.url,
      auth: credentials[provider] as never,
      ...extraOptions[provider],
    }) as unknown as AnyClient;
    const before = mock.count();
    for (const operation of mock.mock.model.operations) {
      const input = validInput(mock.mock, operation);
      const broken = operation.requestBody !== undefined ? { ...input, body: { unknownField: 1 } } : { ...input, path: {} };
      await expect(client[operation.id]?.(broken), operation.id).rejects.toBeInstanceOf(packages[provider].ValidationError);
    }
    expect(mock.count()).toBe(before);
  });
});

describe('the Enfuce client', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    // Stateful: a customer or card created is what a read of its id gets back (the spec's links say which read).
    mock = await startCuratedMock('enfuce', { stateful: true });
  });
  afterAll(() => mock.close());

  it('creates a customer and a card and reads the same ones back, each answer typed by its status', async () => {
    const client = enfuce.createClient({ baseUrl: mock.url, auth: credentials.enfuce });
    const body = enfuceCustomer();
    const customer = await client.createPrivateCustomer({ query: { auditUser: 'tester' }, body });
    expect(customer.status).toBe(201);
    if (customer.status !== 201) return;
    const id = customer.data.id ?? '';
    const read = await client.getCustomer({ path: { id }, query: { auditUser: 'tester' } });
    expect(read.status).toBe(200);
    if (read.status !== 200) return;
    expect(read.data.id).toBe(id);
    expect(read.data).toMatchObject(body as object);
    const other = await client.createPrivateCustomer({ query: { auditUser: 'tester' }, body: enfuceCustomer() });
    expect(other.status === 201 && other.data.id).not.toBe(id);
    const created = await client.createMcCard({ path: cardPath, query: { auditUser: 'tester' }, body: card });
    expect(created.status).toBe(201);
    if (created.status !== 201) return;
    const cardRead = await enfuce.getCard(client, { path: { id: created.data.id ?? '' }, query: { auditUser: 'tester' } });
    expect(cardRead.status === 200 && cardRead.data.id).toBe(created.data.id);
    // A card nobody created is a 404, which the spec does not document: the client says so.
    await expect(enfuce.getCard(client, { path: { id: 'no-such-card' }, query: { auditUser: 'tester' } })).rejects.toMatchObject({
      name: 'UnexpectedStatusError',
      status: 404,
    });
  });

  it('answers a documented status without a body with its status and no data', async () => {
    const client = enfuce.createClient({ baseUrl: mock.url, auth: credentials.enfuce });
    const limited = await client.getCard({ path: { id: '1' }, query: { auditUser: 'tester' } }, { headers: { prefer: 'code=429' } });
    expect(limited).toMatchObject({ status: 429, data: undefined });
  });

  it("uses each operation's own server, with the spec's default variables or the caller's", async () => {
    const seen: string[] = [];
    const fetch = async (url: string) => {
      seen.push(url);
      return new Response(JSON.stringify({ id: '1' }), { status: 201, headers: { 'content-type': 'application/json' } });
    };
    const client = enfuce.createClient({ fetch, serverVariables: { environment: 'uat' } });
    await client.createMcCard({ path: cardPath, query: { auditUser: 'a b' }, body: card });
    await client.createPrivateCustomer({ query: { auditUser: 'x' }, body: enfuceCustomer() });
    expect(seen).toEqual([
      'https://integration-api-cat2.uat.ext.test.cia.enfuce.com/card/v4/MC_CARD/customer/151077912/account/5678/MAIN?auditUser=a%20b',
      'https://integration-api-cat2.uat.ext.test.cia.enfuce.com/customer/v3/PRIVATE?auditUser=x',
    ]);
  });
});

/** The curated spec's own example of a private customer. */
const enfuceCustomer = () => curatedExample('enfuce', 'PrivateCustomer') as unknown as enfuce.CreatePrivateCustomerRequestBody;

describe('documented errors and undocumented answers', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startCuratedMock('gateway');
  });
  afterAll(() => mock.close());

  it('types a documented error body by its schema', async () => {
    const client = gateway.createClient({ baseUrl: mock.url, auth: credentials.gateway });
    const result = await client.getCustomer({ path: { id: '3f1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' } }, { headers: { prefer: 'code=404' } });
    expect(result.status).toBe(404);
    if (result.status === 404) expect(typeof result.data.message).toBe('string');
  });

  it('throws UnexpectedStatusError, with status, headers and the body as sent, for a status the spec does not document', async () => {
    const server = await startServer((_, response) => {
      response.writeHead(418, { 'content-type': 'text/plain', 'x-trace': 't-1' });
      response.end("I'm a teapot");
    });
    try {
      const client = gateway.createClient({ baseUrl: server.url });
      const error = await client.getCustomer({ path: { id: '3f1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' } }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(gateway.UnexpectedStatusError);
      expect(error).toBeInstanceOf(gateway.ClientError);
      const unexpected = error as gateway.UnexpectedStatusError;
      expect([unexpected.status, unexpected.body, unexpected.headers.get('x-trace'), unexpected.operationId]).toEqual([
        418,
        "I'm a teapot",
        't-1',
        'getCustomer',
      ]);
    } finally {
      await server.close();
    }
  });
});

describe('faults of the network and the server', () => {
  let server: TestServer;
  let behaviour: (response: import('node:http').ServerResponse, index: number) => void = () => {};
  beforeAll(async () => {
    server = await startServer((_, response, index) => behaviour(response, index));
  });
  afterAll(() => server.close());
  const client = (options: Partial<gateway.ClientOptions> = {}) =>
    gateway.createClient({ baseUrl: server.url, auth: credentials.gateway, ...options });
  const read = (options: Partial<gateway.ClientOptions> = {}, call?: gateway.CallOptions) =>
    client(options).getCustomer({ path: { id: '3f1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' } }, call);
  const found = { traceId: 't', message: 'ok', data: { id: '3f1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', name: 'Jane', type: 'LEGAL' } };

  it('reads a non-JSON body where JSON is documented as a ResponseValidationError that keeps the body', async () => {
    behaviour = (response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html>maintenance</html>');
    };
    const error = (await read().catch((caught: unknown) => caught)) as gateway.ResponseValidationError;
    expect(error).toBeInstanceOf(gateway.ResponseValidationError);
    expect(error.body).toBe('<html>maintenance</html>');
    expect(error.message).toContain('text/html');
  });

  it('reads broken JSON as a ResponseValidationError with the parse error as its cause', async () => {
    behaviour = (response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"traceId": ');
    };
    const error = (await read().catch((caught: unknown) => caught)) as gateway.ResponseValidationError;
    expect(error).toBeInstanceOf(gateway.ResponseValidationError);
    expect(error.body).toBe('{"traceId": ');
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  it('throws NetworkError for a body cut short of its Content-Length', async () => {
    behaviour = (response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
      response.write('{"traceId":"t"');
      setTimeout(() => response.socket?.end(), 20);
    };
    const error = await read().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(gateway.NetworkError);
    expect((error as Error).cause).toBeDefined();
  });

  it('throws NetworkError for a connection reset in the middle of the body', async () => {
    behaviour = (response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"traceId":"t",');
      setTimeout(() => response.socket?.resetAndDestroy(), 20);
    };
    const error = await read().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(gateway.NetworkError);
  });

  it('throws NetworkError when nothing listens', async () => {
    const closed = await startServer(() => {});
    await closed.close();
    const error = await gateway
      .createClient({ baseUrl: closed.url })
      .getCustomer({ path: { id: '3f1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' } })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(gateway.NetworkError);
    expect((error as Error).cause).toBeInstanceOf(Error);
    // What failed, not just `fetch failed`: the code, host and port two causes down.
    expect((error as Error).message).toMatch(new RegExp(`failed: ECONNREFUSED 127\\.0\\.0\\.1:${new URL(closed.url).port}$`));
  });

  it('says which host could not be found', async () => {
    const error = (await gateway
      .createClient({ baseUrl: 'http://no-such-host.invalid' })
      .getCustomer({ path: { id: '3f1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' } })
      .catch((caught: unknown) => caught)) as Error;
    expect(error).toBeInstanceOf(gateway.NetworkError);
    expect(error.message).toMatch(/failed: (ENOTFOUND|EAI_AGAIN) no-such-host\.invalid$/);
  });

  it('throws TimeoutError for a server slower than timeoutMs, and the caller’s own abort as it is', async () => {
    behaviour = (response) => setTimeout(() => response.end(JSON.stringify(found)), 1_000);
    const started = Date.now();
    const error = (await read({ timeoutMs: 100 }).catch((caught: unknown) => caught)) as gateway.TimeoutError;
    expect(error).toBeInstanceOf(gateway.TimeoutError);
    expect(error.timeoutMs).toBe(100);
    expect(Date.now() - started).toBeLessThan(900);
    const controller = new AbortController();
    const aborted = read({}, { signal: controller.signal }).catch((caught: unknown) => caught);
    setTimeout(() => controller.abort(new Error('the user left')), 50);
    expect(((await aborted) as Error).message).toBe('the user left');
  });

  it('throws ResponseValidationError, with every issue and the raw body, on a field of the wrong type or an enum value the spec lacks', async () => {
    const drifted = JSON.stringify({ ...found, data: { ...found.data, name: 42, portfolios: [{ id: 'p', default: 'yes', wallets: [] }] } });
    behaviour = (response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(drifted);
    };
    const error = (await read().catch((caught: unknown) => caught)) as gateway.ResponseValidationError;
    expect(error).toBeInstanceOf(gateway.ResponseValidationError);
    expect(error.body).toBe(drifted);
    expect(error.issues.map((issue) => issue.path)).toEqual(['/data/name', '/data/portfolios/0/default']);
    expect(error.cause).toBeInstanceOf(gateway.ValidationError);
  });

  it("returns the data as it came and calls onValidationWarning with validateResponses: 'warn'", async () => {
    const warnings: gateway.ValidationWarning[] = [];
    const result = await read({ validateResponses: 'warn', onValidationWarning: (warning) => warnings.push(warning) });
    expect(result.status).toBe(200);
    expect((result.data as { data: { name: unknown } }).data.name).toBe(42);
    expect(warnings.map((warning) => warning.issues.length)).toEqual([2]);
    expect(await read({ validateResponses: false }).then((answer) => answer.status)).toBe(200);
  });

  it('checks enum drift on Enfuce card reads', async () => {
    behaviour = (response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ id: '1', status: 'CARD_MELTED' }));
    };
    const error = (await enfuce
      .createClient({ baseUrl: server.url })
      .getCard({ path: { id: '1' }, query: { auditUser: 'a' } })
      .catch((caught: unknown) => caught)) as enfuce.ResponseValidationError;
    expect(error.issues.map((issue) => [issue.path, issue.keyword])).toEqual([['/status', 'enum']]);
  });
});

describe('retries', () => {
  let server: TestServer;
  let behaviour: (response: import('node:http').ServerResponse, index: number) => void = () => {};
  beforeAll(async () => {
    server = await startServer((_, response, index) => behaviour(response, index));
  });
  afterAll(() => server.close());
  const answer = (response: import('node:http').ServerResponse, status: number, headers: Record<string, string> = {}, body = '') => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(body);
  };
  const before = () => server.requests.length;

  it('waits as Retry-After says, in seconds and as an HTTP date, then succeeds', async () => {
    const start = before();
    behaviour = (response, index) => {
      const attempt = index - start;
      if (attempt === 0) return answer(response, 429, { 'retry-after': '1' });
      if (attempt === 1) return answer(response, 503, { 'retry-after': new Date(Date.now() + 2_000).toUTCString() });
      answer(response, 200, {}, JSON.stringify({ id: '1', status: 'CARD_OK' }));
    };
    const client = enfuce.createClient({ baseUrl: server.url, retry: { attempts: 3, baseDelayMs: 10 } });
    const result = await client.getCard({ path: { id: '1' }, query: { auditUser: 'a' } });
    expect(result.status).toBe(200);
    const times = server.requests.slice(start).map((request) => request.at);
    expect(times).toHaveLength(3);
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(990);
    // An HTTP date has whole seconds: the wait is at least one second, at most two.
    expect((times[2] ?? 0) - (times[1] ?? 0)).toBeGreaterThanOrEqual(990);
  });

  it('returns the documented 429 when the attempts are spent, and backs off exponentially without Retry-After', async () => {
    const start = before();
    behaviour = (response) => answer(response, 429);
    const client = enfuce.createClient({ baseUrl: server.url, retry: { attempts: 3, baseDelayMs: 40 } });
    const result = await client.getCard({ path: { id: '1' }, query: { auditUser: 'a' } });
    expect(result.status).toBe(429);
    const times = server.requests.slice(start).map((request) => request.at);
    expect(times).toHaveLength(3);
    const [first = 0, second = 0, third = 0] = times;
    // Half fixed, half random: 20-40 ms, then 40-80 ms.
    expect(second - first).toBeGreaterThanOrEqual(19);
    expect(third - second).toBeGreaterThanOrEqual(39);
  });

  it('never retries a POST without an idempotency key unless the call asks, and stops when Retry-After asks for longer than it may wait', async () => {
    let start = before();
    behaviour = (response) => answer(response, 503, { 'retry-after': '0' });
    const client = enfuce.createClient({ baseUrl: server.url, retry: { attempts: 3, baseDelayMs: 1 } });
    const input = { query: { auditUser: 'a' }, body: enfuceCustomer() };
    const post = () => client.createPrivateCustomer(input, { retry: { attempts: 2, baseDelayMs: 1 } });
    await expect(client.createPrivateCustomer(input)).rejects.toBeInstanceOf(enfuce.UnexpectedStatusError);
    expect(before() - start).toBe(1);
    start = before();
    await expect(post()).rejects.toBeInstanceOf(enfuce.UnexpectedStatusError);
    expect(before() - start).toBe(2);
    start = before();
    behaviour = (response) => answer(response, 429, { 'retry-after': '120' });
    expect((await client.getCard({ path: { id: '1' }, query: { auditUser: 'a' } })).status).toBe(429);
    expect(before() - start).toBe(1);
  });

  it('retries network errors of idempotent calls', async () => {
    const start = before();
    behaviour = (response, index) => {
      if (index - start < 1) return void response.socket?.resetAndDestroy();
      answer(response, 200, {}, JSON.stringify({ id: '1' }));
    };
    const client = enfuce.createClient({ baseUrl: server.url, retry: { attempts: 2, baseDelayMs: 1 } });
    expect((await client.getCard({ path: { id: '1' }, query: { auditUser: 'a' } })).status).toBe(200);
  });

  it('asks a token provider again, once, after a 401', async () => {
    const start = before();
    behaviour = (response, index) =>
      index - start === 0 ? answer(response, 401) : answer(response, 200, {}, JSON.stringify(paysafePerson()));
    const asked: boolean[] = [];
    const client = paysafe.createClient({
      baseUrl: server.url,
      auth: {
        token: ({ refresh }) => {
          asked.push(refresh);
          return `token-${asked.length}`;
        },
      },
    });
    const result = await client.getCustomerPerson({ path: { customerId: '10040500' } });
    expect(result.status).toBe(200);
    expect(asked).toEqual([false, true]);
    expect(server.requests.slice(start).map((request) => request.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('keeps the refreshed token through the retries after it', async () => {
    const start = before();
    behaviour = (response, index) => {
      const attempt = index - start;
      if (attempt === 0) return answer(response, 401);
      if (attempt === 1) return void response.socket?.resetAndDestroy();
      answer(response, 200, {}, JSON.stringify(paysafePerson()));
    };
    const asked: boolean[] = [];
    const client = paysafe.createClient({
      baseUrl: server.url,
      retry: { attempts: 3, baseDelayMs: 1 },
      auth: {
        token: ({ refresh }) => {
          asked.push(refresh);
          return `token-${asked.length}`;
        },
      },
    });
    expect((await client.getCustomerPerson({ path: { customerId: '10040500' } })).status).toBe(200);
    expect(asked).toEqual([false, true]);
    expect(server.requests.slice(start).map((request) => request.headers.authorization)).toEqual([
      'Bearer token-1',
      'Bearer token-2',
      'Bearer token-2',
    ]);
  });
});

const paysafePerson = () => curatedExample('paysafe', 'CustomerPerson');

describe('secrets', () => {
  const secretsOf = (provider: keyof typeof credentials): string[] => {
    const values = Object.values(credentials[provider]).map(String);
    if (provider === 'enfuce') values.push(Buffer.from('enfuce-user:pa55-w0rd-enfuce').toString('base64'));
    return values;
  };
  /** Everything a log line, an error tracker or a debugger could show of a value. */
  const views = (value: unknown): string[] => {
    const chain: unknown[] = [];
    for (
      let current: unknown = value;
      current !== undefined && current !== null && chain.length < 10;
      current = (current as { cause?: unknown }).cause
    )
      chain.push(current);
    return chain.flatMap((item) => [
      String(item),
      JSON.stringify(item, (_, inner: unknown) => (inner instanceof Headers ? Object.fromEntries(inner) : inner)) ?? '',
      inspect(item, { depth: 10, showHidden: true, getters: true }),
      (item as Error).stack ?? '',
    ]);
  };

  it.each(['enfuce', 'gateway', 'paysafe'] as const)('never shows the %s credentials in errors, hooks or the client', async (provider) => {
    const seen: unknown[] = [];
    const server = await startServer((_, response, index) => {
      if (index % 3 === 0) {
        response.writeHead(418);
        response.end('teapot');
      } else if (index % 3 === 1) {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{"id": 5, "status": "NOPE", "traceId": 1, "firstName": 7}');
      } else response.socket?.resetAndDestroy();
    });
    try {
      const client = packages[provider].createClient({
        baseUrl: server.url,
        auth: credentials[provider] as never,
        onRequest: (request) => seen.push(request),
        onResponse: (response, request) => seen.push(response, request),
      }) as unknown as AnyClient;
      const mock = await startCuratedMock(provider);
      const operation = mock.mock.model.operations.find((candidate) => candidate.method === 'get');
      const input = operation === undefined ? {} : validInput(mock.mock, operation);
      await mock.close();
      for (let attempt = 0; attempt < 3; attempt++)
        seen.push(await client[operation?.id ?? '']?.(input).catch((caught: unknown) => caught));
      expect(server.requests.length).toBe(3);
      const sentSecret = server.requests.every((request) =>
        JSON.stringify(request.headers).includes(secretsOf(provider).at(-1) ?? '\u0000'),
      );
      expect(sentSecret, 'the credentials reached the server').toBe(true);
      seen.push(client);
      const shown = seen.flatMap(views).join('\n');
      for (const secret of secretsOf(provider)) expect(shown).not.toContain(secret);
      expect(shown).toContain('[REDACTED]');
    } finally {
      await server.close();
    }
  });
});

describe('idempotency keys (x-idempotency: Enfuce createMcCard)', () => {
  it('orders a card against a server that drops the first answer after committing: one key, retried, exactly one card', async () => {
    const cards = new Map<string, { id: string }>();
    let created = 0;
    const server = await startServer((request, response, index) => {
      const key = String(request.headers['x-idempotency-key'] ?? '');
      let card = cards.get(key);
      if (card === undefined) {
        created += 1;
        card = { id: String(1000 + created) };
        cards.set(key, card);
      }
      // The first attempt is committed, then its answer is lost on the way back.
      if (index === 0) return void response.socket?.destroy();
      response.writeHead(201, { 'content-type': 'application/json' });
      response.end(JSON.stringify(card));
    });
    try {
      const keys: string[] = [];
      const client = enfuce.createClient({
        baseUrl: server.url,
        retry: { attempts: 3, baseDelayMs: 1 },
        onRequest: (view) => keys.push(view.headers['x-idempotency-key'] ?? ''),
      });
      const result = await client.createMcCard({ path: cardPath, query: { auditUser: 'a' }, body: card });
      expect(result.status).toBe(201);
      expect(created).toBe(1);
      expect(server.requests).toHaveLength(2);
      const sent = server.requests.map((request) => request.headers['x-idempotency-key']);
      expect(sent[0]).toMatch(/^[0-9a-f-]{36}$/);
      expect(sent[1]).toBe(sent[0]);
      // The hooks see the key, so a caller can log it.
      expect(keys).toEqual([sent[0], sent[0]]);
      // Each call makes its own key.
      await client.createMcCard({ path: cardPath, query: { auditUser: 'a' }, body: card });
      expect(created).toBe(2);
    } finally {
      await server.close();
    }
  });

  it('the caller may give the key; an error carries it; without retry options a POST is still sent once', async () => {
    const server = await startServer((_, response) => void response.socket?.destroy());
    try {
      const once = enfuce.createClient({ baseUrl: server.url });
      const error = (await once
        .createMcCard({ path: cardPath, query: { auditUser: 'a' }, body: card }, { idempotencyKey: 'order-42' })
        .catch((caught: unknown) => caught)) as enfuce.NetworkError;
      expect(error).toBeInstanceOf(enfuce.NetworkError);
      expect(error.idempotencyKey).toBe('order-42');
      expect(server.requests).toHaveLength(1);
      expect(server.requests[0]?.headers['x-idempotency-key']).toBe('order-42');
    } finally {
      await server.close();
    }
  });

  it("against specsmith mock --stateful: a repeated key gets the first order's card back", async () => {
    const mock = await startCuratedMock('enfuce', { stateful: true });
    try {
      const client = enfuce.createClient({ baseUrl: mock.url, auth: credentials.enfuce });
      const order = () => client.createMcCard({ path: cardPath, query: { auditUser: 'a' }, body: card }, { idempotencyKey: 'order-7' });
      const first = await order();
      const again = await order();
      expect(first.status === 201 && again.status === 201).toBe(true);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(first.status === 201 && again.status === 201 && again.data.id).toBe(first.status === 201 ? first.data.id : undefined);
    } finally {
      await mock.close();
    }
  });
});

describe('request signing (x-request-signing: Paysafe createWallet)', () => {
  const wallet = () =>
    ({ customer: { ...paysafePerson(), type: 'PERSON', mobile: '+447700900123' } }) as unknown as paysafe.CreateWalletRequestBody;
  const hmac = async (key: string, text: string) =>
    (await import('node:crypto')).createHmac('sha256', Buffer.from(key, 'base64')).update(text).digest('base64');

  it("signs the page's worked example byte for byte, and every body exactly as sent; the key never shows", async () => {
    const seen: unknown[] = [];
    const server = await startServer((_, response) => {
      response.writeHead(201);
      response.end();
    });
    try {
      const client = paysafe.createClient({
        baseUrl: server.url,
        auth: credentials.paysafe,
        signing: { key: paysafeSigningKey },
        onRequest: (view) => seen.push(view),
      });
      // The page's body, sent as it is written (requests are not checked here, so its fields may be any).
      const unchecked = paysafe.createClient({
        baseUrl: server.url,
        auth: credentials.paysafe,
        signing: { key: paysafeSigningKey },
        validateRequests: false,
      });
      await unchecked.createWallet({ body: { id: 1, name: 'John Smith' } as never });
      expect(server.requests[0]?.body).toBe('{"id":1,"name":"John Smith"}');
      expect(server.requests[0]?.headers.signature).toBe('cQPmKNg51k2mAcp8y6eh2oOl0OSbDwbK+chWLuifUxU=');
      const result = await client.createWallet({ body: wallet() });
      expect(result.status).toBe(201);
      const received = server.requests[1]!;
      expect(received.headers.signature).toBe(await hmac(paysafeSigningKey, received.body));
      expect(JSON.stringify(seen)).not.toContain(paysafeSigningKey.slice(0, 40));
      expect(inspect(client, { depth: 10, showHidden: true })).not.toContain(paysafeSigningKey.slice(0, 40));
      // Reads are not signed.
      await client.getCustomerPerson({ path: { customerId: '10040500' } }).catch(() => undefined);
      expect(server.requests[2]?.headers.signature).toBeUndefined();
    } finally {
      await server.close();
    }
  });

  it('takes the key from an async provider; without a key a signed operation throws before sending', async () => {
    const server = await startServer((_, response) => {
      response.writeHead(201);
      response.end();
    });
    try {
      const provided = paysafe.createClient({
        baseUrl: server.url,
        auth: credentials.paysafe,
        signing: { key: async () => paysafeSigningKey },
      });
      await provided.createWallet({ body: wallet() });
      expect(server.requests[0]?.headers.signature).toBe(await hmac(paysafeSigningKey, server.requests[0]!.body));
      const unsigned = paysafe.createClient({ baseUrl: server.url, auth: credentials.paysafe });
      await expect(unsigned.createWallet({ body: wallet() })).rejects.toThrow(
        'createWallet: the spec asks for a request signature; pass signing: { key } to createClient',
      );
      expect(server.requests).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});
