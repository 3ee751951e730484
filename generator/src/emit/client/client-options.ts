import type { ApiModel, SecuritySchemeNode } from '../../ir/types.js';
import type { RuntimeNames } from '../runtime-names.js';
import { tsLiteral, tsPropertyName } from '../ts-text.js';
import { docText } from '../types/jsdoc.js';
import { tsInterface, tsProperty, tsTypeAlias, type TypeStatement } from '../types/structures.js';

/**
 * The options the spec decides: the server variables of the operations' first servers (typed by their
 * enums), the credentials its security schemes take, and whether `baseUrl` is required.
 */
export function optionTypes(model: ApiModel, runtime: RuntimeNames): TypeStatement[] {
  const names = model.clientNames;
  const variables = serverVariables(model);
  const statements: TypeStatement[] = [];
  if (variables.length > 0)
    statements.push(
      tsInterface({
        name: names.serverVariables,
        doc: "Values of the servers' URL variables; each defaults to the spec's default.",
        properties: variables.map((variable) =>
          tsProperty({
            name: tsPropertyName(variable.name),
            type: variable.enum === undefined ? 'string' : variable.enum.map((value) => tsLiteral(value)).join(' | '),
            optional: true,
            readonly: false,
            doc: docText({
              lead: variable.description === undefined ? [] : [variable.description],
              tags: [`@default ${tsLiteral(variable.default)}`],
            }),
          }),
        ),
      }),
    );
  statements.push(
    tsTypeAlias({
      name: names.auth,
      type: authType(model.securitySchemes, runtime),
      doc: 'Credentials, in the form of one of the security schemes the spec names.',
    }),
  );
  const baseUrlRequired = needsBaseUrl(model);
  const properties = [
    tsProperty({
      name: 'baseUrl',
      type: 'string',
      optional: !baseUrlRequired,
      readonly: false,
      doc: baseUrlRequired
        ? 'Where to send requests: the spec names no server for some operations.'
        : "Where to send every request, instead of each operation's first server in the spec.",
    }),
    tsProperty({
      name: 'auth',
      type: names.auth,
      optional: true,
      readonly: false,
      doc: 'Credentials, added to the operations whose security requirements they meet.',
    }),
  ];
  if (variables.length > 0)
    properties.push(
      tsProperty({
        name: 'serverVariables',
        type: names.serverVariables,
        optional: true,
        readonly: false,
        doc: "Values of the servers' URL variables.",
      }),
    );
  const options = tsInterface({ name: names.options, doc: 'Options of `createClient`.', properties });
  statements.push({ ...options, extends: [runtime.ref('ClientBaseOptions')] });
  return statements;
}

/** One variable per name across every server the operations use, its enum and default from the first that declares it. */
function serverVariables(model: ApiModel) {
  const byName = new Map<string, ApiModel['servers'][number]['variables'][number]>();
  for (const operation of model.operations)
    for (const variable of operation.servers[0]?.variables ?? []) if (!byName.has(variable.name)) byName.set(variable.name, variable);
  return [...byName.values()];
}

export const needsBaseUrl = (model: ApiModel) => model.operations.some((operation) => operation.servers.length === 0);

/** A union of credential shapes; `scheme` picks one when several schemes take the same shape. */
function authType(schemes: readonly SecuritySchemeNode[], runtime: RuntimeNames): string {
  const shapes = new Map<string, string[]>();
  for (const scheme of schemes) {
    const shape =
      scheme.type === 'http' && /^basic$/i.test(scheme.scheme ?? '')
        ? 'username: string; password: string'
        : scheme.type === 'apiKey'
          ? 'apiKey: string'
          : `token: string | ${runtime.ref('TokenProvider')}`;
    shapes.set(shape, [...(shapes.get(shape) ?? []), scheme.name]);
  }
  if (shapes.size === 0) return 'never';
  return [...shapes].map(([shape, ids]) => `{ ${shape}; scheme?: ${ids.map((id) => tsLiteral(id)).join(' | ')} }`).join(' | ');
}
