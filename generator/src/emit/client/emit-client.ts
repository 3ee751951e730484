import type { ApiModel, OperationNode } from '../../ir/types.js';
import { tsLiteral } from '../ts-text.js';
import { clientErrors, clientExports, operationFunctionNames } from './client-names.js';
import { operationData, serverData } from './operation-data.js';

export interface EmittedClient {
  /** Statements that define the client (operation data, their checks, functions), without imports or exports. */
  body: string;
  /** What it imports from the package's runtime module (templates/runtime, bundled). */
  runtimeImports: string[];
  /** The runtime's error classes, re-exported. */
  reexports: readonly string[];
  /** The validators it calls, imported from the package's validators module. */
  imports: string[];
  /** What the module defines and exports, in order (the re-exported classes not included). */
  exports: string[];
  /** The function and method name of each operation. */
  functionNames: Map<OperationNode, string>;
}

/**
 * The typed client of a package as module code: the runtime's pipeline imported from the package's
 * runtime module, then one data constant (and one constant of its checks) and one exported function per
 * operation, so that a bundler keeps only the operations a front end imports, and of the runtime only what
 * they reach; `createClient` maps them all to methods.
 */
export function emitClient({
  model,
  validators,
  taken,
}: {
  model: ApiModel;
  /** Names of the validator entries the package has (`CreatePrivateCustomerRequestBody`, …). */
  validators: ReadonlySet<string>;
  /** Names the package's index already exports from other modules. */
  taken: Iterable<string>;
}): EmittedClient {
  const functionNames = operationFunctionNames(model, taken);
  const servers = new Map<string, string>();
  const serverConstant = (operation: OperationNode) => {
    const data = serverData(operation.servers);
    if (!servers.has(data)) servers.set(data, `servers$${servers.size}`);
    return servers.get(data) ?? '';
  };
  const operations = model.operations.map((operation, index) => {
    const data = operationData({ model, operation, servers: serverConstant(operation), validators });
    return { name: functionNames.get(operation) ?? '', constant: `operation$${index}`, checksConstant: `checks$${index}`, ...data };
  });
  const imports = [...new Set(operations.flatMap(({ uses }) => uses))];
  const body = [
    `const securitySchemes$ = ${securitySchemesData(model)};`,
    ...[...servers].map(([data, name]) => `const ${name} = ${data};`),
    ...operations.flatMap(({ constant, text, checksConstant, checks }) => [
      `const ${constant} = ${text};`,
      ...(checks === undefined ? [] : [`const ${checksConstant} = ${checks};`]),
    ]),
    '/** A client without methods, for bundles that import single operations. */',
    'function createClientCore(options) {\n  return createCore(options, securitySchemes$);\n}',
    ...operations.map(
      ({ name, constant, checksConstant, checks }) =>
        `function ${name}(client, input, options) {\n  return callOperation(client, ${constant}, input, options${checks === undefined ? '' : `, ${checksConstant}`});\n}`,
    ),
    '/** A client with one method per operation. */',
    `function createClient(options) {\n  return createCore(options, securitySchemes$, (client) => ({\n${operations
      .map(({ name }) => `    ${name}: (input, options) => ${name}(client, input, options),`)
      .join('\n')}\n  }));\n}`,
  ].join('\n');
  return {
    body,
    runtimeImports: ['callOperation', 'createCore'],
    reexports: clientErrors,
    imports,
    exports: [...clientExports.filter((name) => !clientErrors.includes(name as never)), ...operations.map(({ name }) => name)],
    functionNames,
  };
}

/** The security schemes as the runtime reads them: `id` is the scheme's name, `name` an API key's parameter. */
function securitySchemesData(model: ApiModel): string {
  const schemes = model.securitySchemes.map((scheme) => [
    scheme.name,
    {
      id: scheme.name,
      type: scheme.type,
      ...(scheme.scheme === undefined ? {} : { scheme: scheme.scheme }),
      ...(scheme.in === undefined ? {} : { in: scheme.in }),
      ...(scheme.parameterName === undefined ? {} : { name: scheme.parameterName }),
    },
  ]);
  return tsLiteral(Object.fromEntries(schemes));
}
