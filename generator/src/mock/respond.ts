import type { OperationNode, ResponseNode } from '../ir/types.js';
import { preferredContents } from '../emit/types/emit-operations.js';
import { mediaExamples } from '../traffic/examples.js';
import type { TrafficSpec } from '../traffic/load-spec.js';
import { sampleValue } from './sample-value.js';

/** What a `Prefer` header asks of the mock (RFC 7240): `code=404`, `example=NAME`, `dynamic=true` (a generated value). */
export interface Preference {
  code?: string;
  example?: string;
  dynamic?: boolean;
}

export function readPreference(header: string | undefined): Preference {
  const preference: Preference = {};
  for (const part of (header ?? '').split(/[,;]/)) {
    const [key = '', value = ''] = part.split('=').map((text) => text.trim().replace(/^"|"$/g, ''));
    if (key.toLowerCase() === 'code') preference.code = value;
    if (key.toLowerCase() === 'example') preference.example = value;
    if (key.toLowerCase() === 'dynamic') preference.dynamic = value === '' || value.toLowerCase() === 'true';
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

export type Body =
  | { kind: 'none' }
  | {
      kind: 'value';
      mediaType: string;
      value: unknown;
      /** Why a documented example is served though it fails its schema. */ warning?: string;
    }
  | { kind: 'unknown-example'; names: string[] }
  | { kind: 'problem'; detail: string };

/**
 * The body of a documented response, in `mediaType`: the example `Prefer: example=` names (an unknown name
 * answers with the names there are), else the first documented example (the media type's `example`, its
 * `examples`, the schema's), else, or with `Prefer: dynamic=true`, a value built from the schema that the
 * response's validator accepts. A documented example is served as written even when it fails its schema:
 * the spec says that is what the API answers; `warning` says what is wrong with it.
 */
export function responseBody({
  mock,
  operation,
  response,
  mediaType,
  preference,
}: {
  mock: TrafficSpec;
  operation: OperationNode;
  response: ResponseNode;
  mediaType: string;
  preference: Preference;
}): Body {
  // The response's validator (and the schema values are built from) is that of its JSON media types.
  const validated = preferredContents(response.contents).some((media) => media.mediaType === mediaType);
  const validator = validated ? operation.names.response[response.status] : undefined;
  const check = validator === undefined ? undefined : mock.checks.get(validator);
  const examples = documentedExamples(mock, response, mediaType);
  if (preference.example !== undefined && !examples.named.has(preference.example))
    return { kind: 'unknown-example', names: [...examples.named.keys()] };
  const documented =
    preference.example !== undefined ? [examples.named.get(preference.example)] : preference.dynamic === true ? [] : examples.all;
  if (documented.length > 0) {
    const value = documented[0];
    const issues = check?.(value);
    const warning =
      issues === undefined ? undefined : `the documented example fails its schema: ${issues.map((issue) => issue.message).join('; ')}`;
    return { kind: 'value', mediaType, value, ...(warning === undefined ? {} : { warning }) };
  }
  const definition = validator === undefined ? undefined : mock.defs[validator];
  // A media type other than JSON, with no example to send: an empty body of that type.
  if (definition === undefined) return validated ? { kind: 'none' } : { kind: 'value', mediaType, value: '' };
  const sampled = sampleValue(definition, mock.defs);
  const issues = check?.(sampled);
  if (issues === undefined) return { kind: 'value', mediaType, value: sampled };
  return { kind: 'problem', detail: `the mock could not build a valid body: ${issues.map((issue) => issue.message).join('; ')}` };
}

/** The examples of each response and media type, read from the document once (a response is answered many times). */
const examplesRead = new WeakMap<ResponseNode, Map<string, { named: Map<string, unknown>; all: unknown[] }>>();

/** Examples written for a response's media type, in the spec the model was built from: by name, and all in document order. */
function documentedExamples(mock: TrafficSpec, response: ResponseNode, mediaType: string): { named: Map<string, unknown>; all: unknown[] } {
  let byMedia = examplesRead.get(response);
  if (byMedia === undefined) examplesRead.set(response, (byMedia = new Map()));
  const known = byMedia.get(mediaType);
  if (known !== undefined) return known;
  const pointer = response.origin?.shipped?.pointer;
  const examples = pointer === undefined ? [] : mediaExamples(mock.model.shipped.document, pointer, mediaType);
  const named = new Map(examples.filter((example) => example.name !== undefined).map((example) => [example.name!, example.value]));
  const read = { named, all: examples.map((example) => example.value) };
  byMedia.set(mediaType, read);
  return read;
}
