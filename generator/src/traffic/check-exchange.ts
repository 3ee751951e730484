import type { NamedSchema, OperationNode, ResponseNode } from '../ir/types.js';
import { preferredContents } from '../emit/types/emit-operations.js';
import { checkRequest, emptyValues, type Issue } from './check-request.js';
import type { TrafficSpec } from './load-spec.js';
import { documentedFor, isJson } from './media-types.js';
import { readParameters } from './read-parameters.js';
import { basePathOf, buildRoutes, matchRoute, type Route } from './routes.js';

export type Headers = Readonly<Record<string, string | string[] | undefined>>;

/** One HTTP request as it went over the wire: its target is a path with a query, or an absolute URL. */
export interface RequestRecord {
  method: string;
  url: string;
  /** Header names in lower case. */
  headers: Headers;
  body: Buffer;
}

export interface ResponseRecord {
  status: number;
  headers: Headers;
  body: Buffer;
}

/** A problem of one exchange: which way it went, the part, and the JSON pointer inside it. */
export interface ExchangeIssue extends Issue {
  direction: 'request' | 'response';
}

export type ExchangeResult =
  /** No operation of the spec has the request's path (or its method). */
  { matched: false; reason: string } | { matched: true; operation: OperationNode; issues: ExchangeIssue[] };

/**
 * Checks recorded HTTP exchanges against a spec, both ways: the request as the mock would (its path, query,
 * headers and body, by the operation's validators), the response by the status it documents (exact, its
 * range, `default`), its media type, its body and its required headers. The proxy and `validate --har`
 * use it.
 */
export class ExchangeChecker {
  private readonly routes: Route[];
  private readonly basePaths: string[];
  private readonly schemas: ReadonlyMap<string, NamedSchema>;

  constructor(private readonly spec: TrafficSpec) {
    this.routes = buildRoutes(spec.model.operations);
    const servers = [...spec.model.servers, ...spec.model.operations.flatMap((operation) => operation.servers)];
    this.basePaths = [...new Set(servers.map((server) => basePathOf(server.url)))];
    this.schemas = new Map(spec.model.schemas.map((named) => [named.name, named]));
  }

  async check(request: RequestRecord, response?: ResponseRecord): Promise<ExchangeResult> {
    const url = new URL(request.url, 'http://localhost');
    const method = request.method.toUpperCase();
    const match = matchRoute({ routes: this.routes, method, path: url.pathname, basePaths: this.basePaths });
    if (match.kind === 'none') return { matched: false, reason: `no operation of the spec has the path ${url.pathname}` };
    if (match.kind === 'method') return { matched: false, reason: `${url.pathname} takes ${match.methods.join(', ')}, not ${method}` };
    const { operation } = match.route;
    await this.spec.prepare(operation);
    const issues: ExchangeIssue[] = this.checkRequest({ operation, url, request, values: match.values }).map((issue) => ({
      direction: 'request',
      ...issue,
    }));
    if (response !== undefined)
      issues.push(...this.checkResponse(operation, response).map((issue): ExchangeIssue => ({ direction: 'response', ...issue })));
    return { matched: true, operation, issues };
  }

  private checkRequest({
    operation,
    url,
    request,
    values,
  }: {
    operation: OperationNode;
    url: URL;
    request: RequestRecord;
    values: Record<string, string>;
  }): Issue[] {
    const contentType = single(request.headers['content-type']);
    const body = operation.requestBody;
    if (
      request.body.length > 0 &&
      body !== undefined &&
      contentType !== undefined &&
      documentedFor(body.contents, contentType) === undefined
    )
      return [
        issue(
          'body',
          '',
          'contentType',
          `the body is ${contentType}; ${operation.id} takes ${body.contents.map((media) => media.mediaType).join(' or ')}`,
        ),
      ];
    const parts = readParameters({
      operation,
      schemas: this.schemas,
      pathValues: values,
      search: url.searchParams,
      headers: request.headers,
    });
    return [
      ...emptyValues(operation, url.searchParams),
      ...checkRequest({ spec: this.spec, operation, parts, raw: request.body, contentType }),
    ];
  }

  private checkResponse(operation: OperationNode, response: ResponseRecord): Issue[] {
    const documented = documentedResponse(operation, response.status);
    if (documented === undefined)
      return [
        issue(
          'status',
          '',
          'status',
          `status ${response.status} is not documented (${operation.id} documents ${operation.responses.map((entry) => entry.status).join(', ')})`,
        ),
      ];
    const issues: Issue[] = [];
    for (const header of documented.headers)
      if (header.required && response.headers[header.name.toLowerCase()] === undefined)
        issues.push(issue('header', `/${header.name}`, 'required', `the required header ${header.name} is missing`));
    if (response.body.length === 0) return issues;
    if (documented.contents.length === 0)
      return [...issues, issue('body', '', 'body', `a body, where status ${documented.status} documents none`)];
    const contentType = single(response.headers['content-type']) ?? '';
    const media = documentedFor(documented.contents, contentType);
    if (media === undefined)
      return [
        ...issues,
        issue(
          'body',
          '',
          'contentType',
          `the body is ${contentType || 'of no stated type'}; status ${documented.status} documents ${documented.contents.map((entry) => entry.mediaType).join(' or ')}`,
        ),
      ];
    if (!isJson(contentType)) return issues;
    let value: unknown;
    try {
      value = JSON.parse(response.body.toString('utf8'));
    } catch (error) {
      return [...issues, issue('body', '', 'json', `the body is not JSON: ${(error as Error).message}`)];
    }
    // The response's validator is that of its JSON media types (what the client's types describe).
    const validator = preferredContents(documented.contents).includes(media) ? operation.names.response[documented.status] : undefined;
    const check = validator === undefined ? undefined : this.spec.checks.get(validator);
    for (const found of check?.(value) ?? []) issues.push({ in: 'body', ...found });
    return issues;
  }
}

/** The documented response for a status: exact, then its range (`4XX`), then `default` (OpenAPI 3.1 §4.8.16). */
export function documentedResponse(operation: OperationNode, status: number): ResponseNode | undefined {
  const code = String(status);
  return (
    operation.responses.find((response) => response.status === code) ??
    operation.responses.find((response) => response.status.toUpperCase() === `${code[0]}XX`) ??
    operation.responses.find((response) => response.status === 'default')
  );
}

const issue = (part: string, path: string, keyword: string, message: string): Issue => ({ in: part, path, keyword, params: {}, message });
const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
