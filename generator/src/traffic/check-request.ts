import type { OperationNode } from '../ir/types.js';
import type { ValidationIssue } from '../validate/validate-target.js';
import type { TrafficSpec } from './load-spec.js';
import { documentedFor, isJson } from './media-types.js';
import type { readParameters } from './read-parameters.js';

export interface Issue extends ValidationIssue {
  in: string;
}

/** Every issue of the request's path, query, headers and body, each saying which part it is in. */
export function checkRequest({
  spec,
  operation,
  parts,
  raw,
  contentType,
  onBody,
}: {
  spec: TrafficSpec;
  operation: OperationNode;
  parts: ReturnType<typeof readParameters>;
  raw: Buffer;
  contentType: string | undefined;
  /** Receives the JSON body once parsed, so that a caller need not parse it again. */
  onBody?: (value: unknown) => void;
}): Issue[] {
  const issues: Issue[] = [];
  const check = (part: string, name: string, value: unknown) => {
    for (const issue of spec.checks.get(name)?.(value) ?? []) issues.push({ in: part, ...issue });
  };
  const { names } = operation;
  if (operation.parameters.path.length > 0) check('path', names.params.path, parts.path);
  if (operation.parameters.query.length > 0) check('query', names.params.query, parts.query);
  if (operation.parameters.header.length > 0) check('header', names.params.header, parts.headers);
  const body = operation.requestBody;
  if (body === undefined) return issues;
  if (raw.length === 0) {
    if (body.required) issues.push({ in: 'body', path: '', keyword: 'required', params: {}, message: 'the request body is required' });
    return issues;
  }
  // The documented media type the body was sent as (JSON when it does not say): only JSON is read and validated.
  const media =
    contentType === undefined ? body.contents.find((entry) => isJson(entry.mediaType)) : documentedFor(body.contents, contentType);
  if (media !== undefined && isJson(media.mediaType)) {
    let value: unknown;
    try {
      value = JSON.parse(raw.toString('utf8'));
    } catch (error) {
      issues.push({ in: 'body', path: '', keyword: 'json', params: {}, message: `the body is not JSON: ${(error as Error).message}` });
      return issues;
    }
    onBody?.(value);
    check('body', names.requestBody, value);
  }
  return issues;
}

/** A query parameter sent empty (`?name=`) where the spec does not allow it (OpenAPI 3.1 §4.8.12.2). */
export function emptyValues(operation: OperationNode, search: URLSearchParams): Issue[] {
  return operation.parameters.query
    .filter(
      (parameter) =>
        parameter.allowEmptyValue !== true && search.has(parameter.name) && search.getAll(parameter.name).every((value) => value === ''),
    )
    .map((parameter) => ({
      in: 'query',
      path: `/${parameter.name}`,
      keyword: 'allowEmptyValue',
      params: {},
      message: `must not be empty (the spec does not set allowEmptyValue)`,
    }));
}
