import { readFile } from 'node:fs/promises';
import type { ApiModel, OperationNode } from '../../ir/types.js';
import { templatePath } from '../template-path.js';
import { tsLiteral } from '../ts-text.js';
import { clientExports, operationFunctionNames } from './client-names.js';
import { operationData, serverData } from './operation-data.js';

export interface EmittedClient {
  /** Statements that define the client (runtime, operation data, functions), without imports or exports. */
  body: string;
  /** The validators it calls, imported from the package's validators module. */
  imports: string[];
  /** What the module exports, in order. */
  exports: string[];
  /** The function and method name of each operation. */
  functionNames: Map<OperationNode, string>;
}

/** The runtime files, in the order they are inlined (each uses the ones before it). */
const runtimeTemplates = ['client/serialize.js', 'client/errors.js', 'client/runtime.js'];
const runtimeApi = ['createCore', 'callOperation', ...clientExports.filter((name) => !name.startsWith('create'))];

/**
 * The typed client of a package as module code: the runtime templates inlined in a closure (so no name
 * of theirs meets an operation's), then one data constant and one exported function per operation, so a
 * bundler keeps only the operations a front end imports; `createClient` maps them all to methods.
 */
export async function emitClient({
  model,
  validators,
  taken,
}: {
  model: ApiModel;
  /** Names of the validator entries the package has (`CreatePrivateCustomerRequestBody`, …). */
  validators: ReadonlySet<string>;
  /** Names the package's index already exports from other modules. */
  taken: Iterable<string>;
}): Promise<EmittedClient> {
  const templates = await Promise.all(runtimeTemplates.map((file) => readFile(templatePath(file), 'utf8')));
  const functionNames = operationFunctionNames(model, taken);
  const servers = new Map<string, string>();
  const serverConstant = (operation: OperationNode) => {
    const data = serverData(operation.servers);
    if (!servers.has(data)) servers.set(data, `servers$${servers.size}`);
    return servers.get(data) ?? '';
  };
  const operations = model.operations.map((operation, index) => {
    const data = operationData({ model, operation, servers: serverConstant(operation), validators });
    return { operation, name: functionNames.get(operation) ?? '', constant: `operation$${index}`, data: data.text, uses: data.uses };
  });
  const imports = [...new Set(operations.flatMap(({ uses }) => uses))];
  const body = [
    'const $client = (() => {',
    ...templates.map((text) => text.replace(/^export /gm, '')),
    `return { ${runtimeApi.join(', ')} };`,
    '})();',
    ...runtimeApi.filter((name) => clientExports.includes(name as never)).map((name) => `const ${name} = $client.${name};`),
    `const securitySchemes$ = ${securitySchemesData(model)};`,
    ...[...servers].map(([data, name]) => `const ${name} = ${data};`),
    ...operations.map(({ constant, data }) => `const ${constant} = ${data};`),
    '/** A client without methods, for bundles that import single operations. */',
    'function createClientCore(options) {\n  return $client.createCore(options, securitySchemes$);\n}',
    ...operations.map(
      ({ name, constant }) =>
        `function ${name}(client, input, options) {\n  return $client.callOperation(client, ${constant}, input, options);\n}`,
    ),
    '/** A client with one method per operation. */',
    `function createClient(options) {\n  return $client.createCore(options, securitySchemes$, (client) => ({\n${operations
      .map(({ name }) => `    ${name}: (input, options) => ${name}(client, input, options),`)
      .join('\n')}\n  }));\n}`,
  ].join('\n');
  return { body, imports, exports: [...clientExports, ...operations.map(({ name }) => name)], functionNames };
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
