import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { operationFunctionNames } from '../generator/src/emit/client/client-names.js';
import { runtimeBundlePath } from '../generator/src/emit/template-path.js';
import { runtimeTypeNames } from '../generator/src/ir/names.js';
import type { ApiModel, OperationNode } from '../generator/src/ir/types.js';
import { repoRoot, temporaryDirectory } from './support/paths.js';
import { typeCheck } from './support/type-check.js';

/**
 * What the client's types let through, checked by the TypeScript compiler under --strict: every line
 * marked `@ts-expect-error` must be an error (an unused directive is one too), every other line must
 * compile. So a wrong enum value, a missing field, body or path parameter, an unknown operation and
 * reading `data` before narrowing `status` are caught before the code runs.
 */
const program = (enfuce: string, gateway: string) => `
import { createClient, createClientCore, createMcCard, parseWebhook, type CreateMcCardResult } from ${JSON.stringify(enfuce)};
import * as gateway from ${JSON.stringify(gateway)};

const client = createClient({ auth: { username: 'u', password: 'p' }, serverVariables: { environment: 'uat' }, timeoutMs: 5_000 });
const path = { customerId: '1', accountId: '2', cardRole: 'MAIN' } as const;
const query = { auditUser: 'me' };
const body = { embossing: { firstName: 'Monica', lastName: 'Liikamaa' } };

export async function allowed(): Promise<string | undefined> {
  const result: CreateMcCardResult = await client.createMcCard({ path, query, body });
  if (result.status === 201) return result.data.id;
  const core = createClientCore();
  const again = await createMcCard(core, { path, query, body }, { retry: { attempts: 2 }, signal: AbortSignal.timeout(1_000) });
  const status: 201 | 429 = again.status;
  return String(status);
}

export async function webhooks(rawBody: Uint8Array): Promise<string | undefined> {
  const received = await parseWebhook('notification', { headers: {}, rawBody }, { token: 't' });
  if (!received.ok) return received.reason;
  // The payload is a union on \`type\`: an account's status is read once \`type\` is narrowed.
  if (received.event.type === 'ACCOUNT') return received.event.status;
  if (received.event.type === 'CARD') {
    // @ts-expect-error: a card notification has no reminder status (the account's)
    received.event.reminderStatus;
    return received.event.cardId;
  }
  // @ts-expect-error: Enfuce sends no such webhook
  await parseWebhook('invoice', { headers: {}, rawBody });
  // @ts-expect-error: the gateway spec has no webhooks, so no name is one
  await gateway.parseWebhook('anything', { headers: {}, rawBody });
  // It is still exported, with verifySignature, for the root's declarations re-export the runtime's.
  const exported: [typeof gateway.parseWebhook, typeof gateway.verifySignature] = [gateway.parseWebhook, gateway.verifySignature];
  void exported;
  return undefined;
}

export async function rejected() {
  // @ts-expect-error: SPARE is not a card role
  await client.createMcCard({ path: { ...path, cardRole: 'SPARE' }, query, body });
  // @ts-expect-error: the embossing needs a last name
  await client.createMcCard({ path, query, body: { embossing: { firstName: 'Monica' } } });
  // @ts-expect-error: accountId is a required path parameter
  await client.createMcCard({ path: { customerId: '1', cardRole: 'MAIN' }, query, body });
  // @ts-expect-error: the body is required
  await client.createMcCard({ path, query });
  // @ts-expect-error: the spec has no such operation
  await client.deleteCard({ path: { id: '1' } });
  const result = await client.createMcCard({ path, query, body });
  // @ts-expect-error: a 429 has no body, so data.id needs the status narrowed first
  result.data.id;
  // @ts-expect-error: pinStatus is one of D, W, S
  await client.createMcCard({ path, query, body: { ...body, pinStatus: 'X' } });
  // @ts-expect-error: no such server variable
  createClient({ serverVariables: { region: 'eu' } });
  // @ts-expect-error: Enfuce takes HTTP Basic credentials, not an API key
  createClient({ auth: { apiKey: 'k' } });
  // @ts-expect-error: the gateway spec names no server, so a base URL is required
  gateway.createClient({ auth: { apiKey: 'k' } });
  const found = await gateway.createClient({ baseUrl: 'http://localhost' }).getCustomer({ path: { id: 'x' } });
  if (found.status === 404) {
    const message: string | undefined = found.data.message;
    // @ts-expect-error: an error answer has no customer data
    found.data.data;
    return message;
  }
  return undefined;
}
`;

it('compiles what the spec allows and rejects what it does not, under --strict', () => {
  const folder = temporaryDirectory('client-types');
  const file = path.join(folder, 'usage.mts');
  writeFileSync(file, program(path.join(repoRoot, 'generated/enfuce/index.js'), path.join(repoRoot, 'generated/gateway/index.js')));
  const output = typeCheck([file], folder);
  expect(output).toBe('');
});

it('lists every name the fixed client declarations take, which the index gives way to a spec that takes it', () => {
  const fixed = readFileSync(runtimeBundlePath('runtime.d.ts'), 'utf8');
  const declared = [...fixed.matchAll(/^export (?:type|interface|(?:declare )?class) (\w+)/gm)].map((match) => match[1]);
  expect(declared.length).toBeGreaterThan(10);
  expect(new Set(runtimeTypeNames)).toEqual(new Set(declared));
});

it('names each operation function uniquely, never as a name the index exports from elsewhere', () => {
  const operation = (id: string) => ({ id }) as OperationNode;
  const operations = [operation('list-items'), operation('list items'), operation('createClient'), operation('isPet')];
  const names = operationFunctionNames({ operations } as ApiModel, ['isPet']);
  expect([...names.values()]).toEqual(['listItems', 'listItemsOperation', 'createClientOperation', 'isPetOperation']);
});
