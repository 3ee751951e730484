import type { ApiModel, OperationNode, ServerNode } from '../../ir/types.js';
import { preferredContents } from '../types/emit-operations.js';
import { tsLiteral } from '../ts-text.js';

/**
 * An operation as the client runtime reads it (templates/runtime/client.js): method, path, servers,
 * parameters with their style, body and response media types and security requirements; and, apart, its
 * checks, the validators of each part that exist in the package (`[is*, assert*]` by name), so that a
 * module that does not validate carries none of them.
 */
export function operationData({
  model,
  operation,
  servers,
  validators,
}: {
  model: ApiModel;
  operation: OperationNode;
  /** The name of the module constant that holds the operation's server list. */
  servers: string;
  /** Names of the validator entries the package has. */
  validators: ReadonlySet<string>;
}): { text: string; checks: string | undefined; uses: string[] } {
  const { names } = operation;
  const uses: string[] = [];
  // A check is the pair [is*, assert*]: the fast test, and the one that throws with every problem.
  const check = (name: string) => {
    if (!validators.has(name)) return undefined;
    uses.push(`is${name}`, `assert${name}`);
    return `[is${name}, assert${name}]`;
  };
  const params = (['path', 'query', 'header', 'cookie'] as const).flatMap((location) =>
    operation.parameters[location].map((parameter) => [parameter.name, location, parameter.style, parameter.explode]),
  );
  const requestMedia = operation.requestBody === undefined ? undefined : preferredContents(operation.requestBody.contents)[0]?.mediaType;
  const responseChecks: string[] = [];
  const responses = operation.responses.map((response) => {
    const media = preferredContents(response.contents)[0]?.mediaType;
    const validator = media === undefined ? undefined : check(names.response[response.status] ?? '');
    if (validator !== undefined) responseChecks.push(`${tsLiteral(response.status)}: ${validator}`);
    return `${tsLiteral(response.status)}: ${media === undefined ? '{}' : `{ media: ${tsLiteral(media)} }`}`;
  });
  const checks = [
    ['path', hasPart(operation, 'path') ? check(names.params.path) : undefined],
    ['query', hasPart(operation, 'query') ? check(names.params.query) : undefined],
    ['header', hasPart(operation, 'header') ? check(names.params.header) : undefined],
    ['body', hasPart(operation, 'body') ? check(names.requestBody) : undefined],
    ['responses', responseChecks.length === 0 ? undefined : `{ ${responseChecks.join(', ')} }`],
  ].filter((entry): entry is [string, string] => entry[1] !== undefined);
  const accepts = [
    ...new Set(operation.responses.flatMap((response) => preferredContents(response.contents).map((media) => media.mediaType))),
  ];
  const fields = [
    `id: ${tsLiteral(operation.id)}`,
    `method: ${tsLiteral(operation.method.toUpperCase())}`,
    `path: ${tsLiteral(operation.path)}`,
    `servers: ${servers}`,
    `params: ${tsLiteral(params)}`,
    ...(requestMedia === undefined
      ? []
      : [`body: ${tsLiteral({ mediaType: requestMedia, required: operation.requestBody?.required === true })}`]),
    ...(accepts.length === 0 ? [] : [`accept: ${tsLiteral(accepts.join(', '))}`]),
    `security: ${tsLiteral((operation.security ?? model.security).map((requirement) => Object.keys(requirement)))}`,
    `responses: { ${responses.join(', ')} }`,
    ...(operation.idempotency === undefined ? [] : [`idempotency: ${tsLiteral({ header: operation.idempotency.header })}`]),
    ...(operation.signing === undefined ? [] : [`signing: ${tsLiteral({ header: operation.signing.header.toLowerCase() })}`]),
  ];
  return {
    text: `{\n  ${fields.join(',\n  ')},\n}`,
    checks: checks.length === 0 ? undefined : `{ ${checks.map(([part, name]) => `${part}: ${name}`).join(', ')} }`,
    uses,
  };
}

function hasPart(operation: OperationNode, part: string): boolean {
  if (part === 'body') return operation.requestBody !== undefined;
  if (part === 'header') return operation.parameters.header.length > 0;
  return operation.parameters[part as 'path' | 'query'].length > 0;
}

/** A server list as the runtime reads it: the URL template and each variable's default. */
export function serverData(servers: readonly ServerNode[]): string {
  return tsLiteral(
    servers.map((server) => ({
      url: server.url,
      variables: Object.fromEntries(server.variables.map((variable) => [variable.name, variable.default])),
    })),
  );
}
