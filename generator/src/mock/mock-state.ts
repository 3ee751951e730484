import { randomUUID } from 'node:crypto';
import type { OperationNode } from '../ir/types.js';
import type { Reply } from '../traffic/reply.js';

type Json = Record<string, unknown>;
const asObject = (value: unknown): Json | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;

/** Where a write lands: the operation that reads the item back, and the values of its path parameters. */
interface Target {
  read: OperationNode;
  /** How each path parameter of `read` gets its value: a request path value, or a property of the answer's body. */
  from: Record<string, { path: string } | BodySource>;
}

/** A value the answer's body gives: its `property`, else (a path's guess) its `id`. */
interface BodySource {
  body: string;
  or?: string;
}

/** The answer's property a body source reads. */
const propertyOf = (source: BodySource, answer: Json | undefined) =>
  source.or !== undefined && answer !== undefined && !(source.body in answer) && source.or in answer ? source.or : source.body;

/** What the state makes of a request, before the mock answers it. */
export type StateStep =
  | { kind: 'none' }
  | { kind: 'not-found'; detail: string }
  /** A read of a kept item: the answer's body, the item laid over the documented one. */
  | { kind: 'read'; item: unknown }
  /** A write: `commit` keeps what the answer's body and the request say, and gives the body to send. */
  | { kind: 'write'; commit: (body: unknown) => unknown };

/**
 * `specsmith mock --stateful`: what POST, PUT and PATCH create or change is kept in memory and read back by
 * GET on the item's path; DELETE removes it; an item nobody wrote is 404. Which GET reads what a write made
 * comes from the response's OpenAPI `links` (OpenAPI 3.1 §4.8.20, `$response.body#/id`), else from the paths:
 * PUT, PATCH and DELETE on a path a GET shares, POST on a path whose GET lives one `/{id}` below.
 */
export class MockState {
  /** Each item, with the ids the mock gave it at its creation (kept when a PUT replaces the rest). */
  private readonly items = new Map<string, { value: unknown; ids: Json }>();
  private readonly replies = new Map<string, { expires: number; reply: Reply }>();
  private readonly targets = new Map<string, Target>();
  /** GET operations whose items the state holds: a read of one nobody wrote is 404. */
  private readonly kept = new Set<string>();
  private counter = 0;

  constructor(private readonly operations: readonly OperationNode[]) {
    for (const operation of operations) {
      const target = this.targetOf(operation);
      if (target === undefined) continue;
      this.targets.set(operation.id, target);
      this.kept.add(target.read.id);
    }
  }

  /** Preloads an item by the URL path that reads it (`--seed`); false when no GET the state holds reads that path. */
  seed(read: OperationNode, values: Record<string, string>, item: unknown): boolean {
    if (read.method !== 'get') return false;
    this.kept.add(read.id);
    this.items.set(keyOf(read, values), { value: item, ids: {} });
    return true;
  }

  step({ operation, values, body }: { operation: OperationNode; values: Record<string, string>; body: unknown }): StateStep {
    if (operation.method === 'get' || operation.method === 'head') {
      if (!this.kept.has(operation.id)) return { kind: 'none' };
      const key = keyOf(operation, values);
      if (!this.items.has(key))
        return { kind: 'not-found', detail: `no item at ${describe(operation, values)}: nothing was written there` };
      return { kind: 'read', item: this.items.get(key)!.value };
    }
    const target = this.targets.get(operation.id);
    if (target === undefined) return { kind: 'none' };
    if (operation.method === 'post' && Object.values(target.from).some((source) => 'body' in source))
      return { kind: 'write', commit: (answer) => this.create(target, values, body, answer) };
    const key = keyOf(target.read, valuesFrom(target, values, undefined));
    const existing = this.items.get(key);
    if (operation.method === 'delete') {
      if (existing === undefined) return { kind: 'not-found', detail: `no item at ${describe(target.read, values)} to delete` };
      // Removed once the answer is a success (a 406 or an unknown example leaves the item).
      return { kind: 'write', commit: (answer) => (this.items.delete(key), answer) };
    }
    if (operation.method === 'patch') {
      if (existing === undefined) return { kind: 'not-found', detail: `no item at ${describe(target.read, values)} to change` };
      return {
        kind: 'write',
        commit: (answer) => this.keep(key, { ...existing.ids, ...(asObject(merge(existing.value, body)) ?? {}) }, existing.ids, answer),
      };
    }
    const ids = existing?.ids ?? {};
    return { kind: 'write', commit: (answer) => this.keep(key, { ...ids, ...(asObject(body) ?? {}) }, ids, answer) };
  }

  /** A successful answer kept for an idempotency key, while it is fresh. */
  replay(operation: OperationNode, key: string, now = Date.now()): Reply | undefined {
    const kept = this.replies.get(`${operation.id}\u0000${key}`);
    if (kept === undefined || kept.expires <= now) return undefined;
    return kept.reply;
  }

  /** Keeps a success for its idempotency key (errors are not kept, so a retry after one runs again). */
  remember(operation: OperationNode, key: string, reply: Reply, now = Date.now()): void {
    if (operation.idempotency === undefined || reply.status < 200 || reply.status > 299) return;
    // Kept in the order they were made: the oldest expire first, so a sweep from the front frees what is due.
    for (const [kept, { expires }] of this.replies) {
      if (expires > now) break;
      this.replies.delete(kept);
    }
    this.replies.set(`${operation.id}\u0000${key}`, { expires: now + operation.idempotency.ttlSeconds * 1000, reply });
  }

  /** A created item: fresh values for the ids its read takes from the answer, the request's body beside them. */
  private create(target: Target, values: Record<string, string>, body: unknown, answer: unknown): unknown {
    // The answer is the documented example (never changed: a copy); the body was parsed for this request alone.
    const fresh = { ...(asObject(answer) ?? {}) };
    const item = asObject(body) ?? {};
    const ids: Json = {};
    for (const source of Object.values(target.from)) {
      if (!('body' in source)) continue;
      const property = propertyOf(source, fresh);
      fresh[property] = this.freshId(fresh[property]);
      item[property] = fresh[property];
      ids[property] = fresh[property];
    }
    this.items.set(keyOf(target.read, valuesFrom(target, values, fresh)), { value: item, ids });
    return fresh;
  }

  private keep(key: string, value: unknown, ids: Json, answer: unknown): unknown {
    this.items.set(key, { value, ids });
    return answer;
  }

  /** An id like the documented one (digits as digits of its length, a UUID as a UUID), new for each item. */
  private freshId(documented: unknown): unknown {
    this.counter += 1;
    if (typeof documented === 'number') return documented + this.counter;
    const text = typeof documented === 'string' ? documented : '';
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text)) return randomUUID();
    if (/^\d+$/.test(text)) return String(Number(text) + this.counter).padStart(text.length, '0');
    return `${text || 'id'}-${this.counter}`;
  }

  private targetOf(operation: OperationNode): Target | undefined {
    if (operation.method === 'get' || operation.method === 'head') return undefined;
    const byId = new Map(this.operations.map((candidate) => [candidate.id, candidate]));
    for (const response of operation.responses.filter((candidate) => /^2/.test(candidate.status)))
      for (const link of response.links ?? []) {
        const read = byId.get(link.operationId);
        if (read === undefined || read.method !== 'get') continue;
        const from: Target['from'] = {};
        for (const [name, expression] of Object.entries(link.parameters)) {
          const parameter = name.replace(/^path\./, '');
          const text = typeof expression === 'string' ? expression : '';
          const fromBody = /^\$response\.body#\/([^/]+)$/.exec(text)?.[1];
          const fromPath = /^\$request\.path\.(.+)$/.exec(text)?.[1];
          if (fromBody !== undefined) from[parameter] = { body: fromBody.replace(/~1/g, '/').replace(/~0/g, '~') };
          else if (fromPath !== undefined) from[parameter] = { path: fromPath };
        }
        return { read, from };
      }
    const reads = this.operations.filter((candidate) => candidate.method === 'get');
    const same = reads.find((read) => read.path === operation.path);
    if (same !== undefined && operation.method !== 'post') return { read: same, from: sameNames(same) };
    if (operation.method !== 'post') return undefined;
    const child = reads.find((read) => new RegExp(`^${escape(operation.path)}/\\{([^}/]+)\\}$`).test(read.path));
    if (child === undefined) return undefined;
    const last = /\{([^}/]+)\}$/.exec(child.path)![1]!;
    return { read: child, from: { ...sameNames(child), [last]: { body: last, or: 'id' } } };
  }
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Each path parameter of a read from the request's path value of the same name. */
const sameNames = (read: OperationNode): Target['from'] =>
  Object.fromEntries(read.parameters.path.map((parameter) => [parameter.name, { path: parameter.name }]));

function valuesFrom(target: Target, values: Record<string, string>, answer: Json | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(target.from).map(([name, source]) => [
      name,
      'path' in source ? (values[source.path] ?? '') : String(answer?.[propertyOf(source, answer)] ?? ''),
    ]),
  );
}

const keyOf = (read: OperationNode, values: Record<string, string>) =>
  `${read.id}\u0000${JSON.stringify(Object.entries(values).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))}`;

const describe = (read: OperationNode, values: Record<string, string>) =>
  read.path.replace(/\{([^}]+)\}/g, (_whole, name: string) => values[name] ?? `{${name}}`);

/** JSON Merge Patch (RFC 7396): members set to null are removed, objects merged, anything else replaced. */
export function merge(target: unknown, patch: unknown): unknown {
  const changes = asObject(patch);
  if (changes === undefined) return patch;
  const result: Json = { ...(asObject(target) ?? {}) };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete result[key];
    else result[key] = merge(result[key], value);
  }
  return result;
}
