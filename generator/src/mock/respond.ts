import type { OperationNode, ResponseNode } from '../ir/types.js';
import { preferredContents } from '../emit/types/emit-operations.js';
import { getAtPointer, parsePointer } from '../util/json-pointer.js';
import type { MockSpec } from './load-mock.js';
import { sampleValue } from './sample-value.js';

type Json = Record<string, unknown>;

/** What a `Prefer` header asks of the mock (RFC 7240): `code=404`, `example=NAME`. */
export interface Preference {
  code?: string;
  example?: string;
}

export function readPreference(header: string | undefined): Preference {
  const preference: Preference = {};
  for (const part of (header ?? '').split(/[,;]/)) {
    const [key = '', value = ''] = part.split('=').map((text) => text.trim().replace(/^"|"$/g, ''));
    if (key.toLowerCase() === 'code') preference.code = value;
    if (key.toLowerCase() === 'example') preference.example = value;
  }
  return preference;
}

/** The documented response to send: the one `Prefer: code=` names (exact, its range, or `default`), else the first success. */
export function chooseResponse(operation: OperationNode, preference: Preference): { response: ResponseNode; status: number } | string {
  const { responses } = operation;
  if (preference.code !== undefined) {
    const code = preference.code;
    const response =
      responses.find((candidate) => candidate.status === code) ??
      responses.find((candidate) => candidate.status.toUpperCase() === `${code[0]}XX`) ??
      responses.find((candidate) => candidate.status === 'default');
    if (response === undefined || !/^[1-5]\d\d$/.test(code))
      return `Prefer asks for code=${code}, which ${operation.id} does not document (it documents ${responses.map((candidate) => candidate.status).join(', ')})`;
    return { response, status: Number(code) };
  }
  const success = responses.find((candidate) => /^2/.test(candidate.status)) ?? responses[0];
  if (success === undefined) return `${operation.id} documents no response`;
  return { response: success, status: statusOf(success.status) };
}

const statusOf = (status: string) => (/^\d{3}$/.test(status) ? Number(status) : /^[1-5]XX$/i.test(status) ? Number(status[0]) * 100 : 200);

export type Body = { kind: 'none' } | { kind: 'value'; mediaType: string; value: unknown } | { kind: 'problem'; detail: string };

/**
 * The body of a documented response: the example `Prefer: example=` names, else the media type's example,
 * else the schema's, else a value built from the schema; whichever is chosen must pass the response's own
 * validator, so the mock never answers what the spec forbids.
 */
export function responseBody({
  mock,
  operation,
  response,
  preference,
}: {
  mock: MockSpec;
  operation: OperationNode;
  response: ResponseNode;
  preference: Preference;
}): Body {
  const media = preferredContents(response.contents)[0];
  if (media === undefined) return { kind: 'none' };
  const validator = operation.names.response[response.status];
  const check = validator === undefined ? undefined : mock.checks.get(validator);
  const candidates = [...documentedExamples(mock, response, media.mediaType, preference)];
  if (preference.example !== undefined && candidates.length === 0)
    return { kind: 'problem', detail: `no example named ${JSON.stringify(preference.example)} is documented for this response` };
  const definition = validator === undefined ? undefined : mock.defs[validator];
  if (definition !== undefined) candidates.push(sampleValue(definition, mock.defs));
  for (const candidate of candidates)
    if (check === undefined || check(candidate) === undefined) return { kind: 'value', mediaType: media.mediaType, value: candidate };
  const issues = check?.(candidates.at(-1)) ?? [];
  return { kind: 'problem', detail: `the mock could not build a valid body: ${issues.map((issue) => issue.message).join('; ')}` };
}

/** Examples written for a response's media type, in the spec the model was built from. */
function* documentedExamples(mock: MockSpec, response: ResponseNode, mediaType: string, preference: Preference): Generator<unknown> {
  const document = mock.model.shipped.document;
  const pointer = response.origin?.shipped?.pointer;
  const node = pointer === undefined ? undefined : resolve(document, getAtPointer(document, parsePointer(pointer) ?? []));
  const media = resolve(document, asObject(asObject(node)?.content)?.[mediaType]);
  const named = asObject(asObject(media)?.examples);
  if (preference.example !== undefined) {
    const example = asObject(resolve(document, named?.[preference.example]));
    if (example !== undefined && 'value' in example) yield example.value;
    return;
  }
  if (media !== undefined && 'example' in media) yield media.example;
  for (const value of Object.values(named ?? {})) {
    const example = asObject(resolve(document, value));
    if (example !== undefined && 'value' in example) yield example.value;
  }
  const schema = asObject(resolve(document, media?.schema));
  if (schema !== undefined && 'example' in schema) yield schema.example;
  if (Array.isArray(schema?.examples)) yield* schema.examples;
}

const asObject = (value: unknown): Json | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;

/** Follows local `$ref`s in the bundled document. */
function resolve(document: unknown, node: unknown): Json | undefined {
  let current = node;
  for (let steps = 0; steps < 32; steps++) {
    const ref = asObject(current)?.$ref;
    if (typeof ref !== 'string' || !ref.startsWith('#')) break;
    current = getAtPointer(document, parsePointer(decodeURIComponent(ref.slice(1))) ?? []);
  }
  return asObject(current);
}
