import { readFileSync } from 'node:fs';
import type { CommonJsMode } from '../../config/config.js';
import type { ApiModel, OperationNode } from '../../ir/types.js';
import { templatePath } from '../template-path.js';
import { tsLiteral, tsPropertyName } from '../ts-text.js';
import { webhookKeys } from '../webhooks/emit-webhooks.js';
import { senderChecks } from '../webhooks/sender-checks.js';

/** The package README: the static skeleton in `templates/package/README.md` with this spec's facts. */
export function emitReadme({
  model,
  packageName,
  command,
  validators,
  commonjs = 'copy',
  functionNames,
}: {
  model: ApiModel;
  packageName: string;
  command: string;
  /** Whether the package has validators to show in the usage example. */
  validators: boolean;
  /** How the CommonJS entries reach the code. @default 'copy' */
  commonjs?: CommonJsMode;
  /** The client's function name of each operation, when the package has a client. */
  functionNames?: ReadonlyMap<OperationNode, string>;
}): string {
  const skeleton = readFileSync(templatePath('package/README.md'), 'utf8');
  const slots: Record<string, string> = {
    packageName,
    title: oneLine(model.info.title),
    apiVersion: oneLine(model.info.version),
    source: model.source,
    openapi: model.openapi,
    description: model.info.description?.trim() ?? '',
    modules: modulesParagraph[commonjs],
    contents: validators ? 'TypeScript types, precompiled validators and a typed client' : 'TypeScript types',
    usage: validators ? validatorsExample(model, packageName) : usageExample(model, packageName),
    validators: validators ? `\n\n${validatorsParagraph}` : '',
    client:
      functionNames === undefined ? '' : `\n${clientSection(model, packageName, functionNames)}${webhooksSection(model, packageName)}`,
    operations: table(
      ['operationId', 'request', 'types'],
      model.operations.map((operation) => [
        `\`${operation.id}\``,
        `\`${operation.method.toUpperCase()} ${operation.path}\``,
        typeNamesOf(operation)
          .map((name) => `\`${name}\``)
          .join(', '),
      ]),
    ),
    schemas: table(
      ['type', 'description'],
      model.schemas.map((named) => [`\`${named.name}\``, oneLine(named.schema.meta.description ?? named.schema.meta.title ?? '')]),
    ),
    sources: sourcesList(model.sources),
    command,
  };
  return skeleton.replace(/\{\{(\w+)\}\}/g, (_match, key: string) => slots[key] ?? '').replace(/\n{3,}/g, '\n\n');
}

const bothFormats = 'Works from ESM `import` and CommonJS `require` on Node.js 20.19 or later; TypeScript needs no build step.';
const modulesParagraph: Record<CommonJsMode, string> = {
  copy: bothFormats,
  'require-esm': [
    bothFormats,
    "The code ships once, as ES modules: `require` loads them through Node's `require(esm)`, so a test runner",
    'that loads modules itself must support that (recent Jest releases do, on Node.js 24.9 or later).',
  ].join('\n'),
};

/** The operation's type names that exist in the package, parameters through responses. */
function typeNamesOf(operation: OperationNode): string[] {
  const { names } = operation;
  const params = (['path', 'query', 'header', 'cookie'] as const)
    .filter((location) => operation.parameters[location].length > 0)
    .map((location) => names.params[location]);
  return [...params, ...(operation.requestBody === undefined ? [] : [names.requestBody]), names.responses];
}

function usageExample(model: ApiModel, packageName: string): string {
  const operation = model.operations.find((candidate) => candidate.requestBody !== undefined) ?? model.operations[0];
  const schema = model.schemas[0];
  if (operation?.requestBody !== undefined) {
    return `import type { ${operation.names.requestBody} } from '${packageName}';\n\nconst body: ${operation.names.requestBody} = {\n  // the editor completes and checks every field\n};`;
  }
  if (schema !== undefined)
    return `import type { ${schema.name} } from '${packageName}';\n\nfunction handle(value: ${schema.name}) {\n  // ...\n}`;
  return `import type {} from '${packageName}';`;
}

const validatorsParagraph = [
  'For every schema `X` and every operation part, `isX` stops at the first problem, `assertX` throws a',
  '`ValidationError` listing every problem (`{ path, message, keyword, params, spec }`), and `XSchema` is a',
  'Standard Schema v1 object. The checks are compiled ahead of time: the package needs no AJV and never',
  'compiles code at run time, so it runs under a strict Content-Security-Policy.',
].join('\n');

/** Types and validators together: check what goes out with `assert*`, narrow what comes back with `is*`. */
function validatorsExample(model: ApiModel, packageName: string): string {
  const sent = model.operations.find((candidate) => candidate.requestBody !== undefined)?.names.requestBody;
  const received = model.operations
    .map((operation) => Object.entries(operation.names.response).find(([status]) => status.startsWith('2'))?.[1])
    .find((name) => name !== undefined);
  const largest = [...model.schemas].sort((a, b) => propertyCount(b) - propertyCount(a))[0]?.name;
  const checked = sent ?? largest;
  const narrowed = received ?? largest;
  if (checked === undefined || narrowed === undefined) return usageExample(model, packageName);
  const names = [...new Set([`assert${checked}`, `is${narrowed}`])];
  // A spec that names a schema ValidationError has it at the root; the class assert* throws is then the runtime entry's.
  const shadowed = model.typeNames.includes('ValidationError');
  const errorClass = shadowed ? 'RuntimeValidationError' : 'ValidationError';
  return [
    ...(shadowed
      ? [
          `import { ${names.join(', ')}, type ${narrowed} } from '${packageName}';`,
          `import { ValidationError as ${errorClass} } from '${packageName}/runtime';`,
        ]
      : [`import { ${names.join(', ')}, ValidationError, type ${narrowed} } from '${packageName}';`]),
    '',
    `export function check(input: unknown) {`,
    '  try {',
    `    assert${checked}(input); // from here on, input has the type ${checked}`,
    '  } catch (error) {',
    '    // Each issue names the path, the broken rule and the spec line it comes from.',
    `    if (error instanceof ${errorClass}) for (const issue of error.issues) console.error(issue.message);`,
    '    throw error;',
    '  }',
    '}',
    '',
    `export const keep = (values: unknown[]): ${narrowed}[] => values.filter(is${narrowed});`,
    '',
    `// ${checked}Schema is a Standard Schema (https://standardschema.dev), for tRPC, TanStack Form, Hono and others.`,
  ].join('\n');
}

const propertyCount = (named: ApiModel['schemas'][number]) => (named.schema.kind === 'object' ? named.schema.properties.length : 0);

function table(head: string[], rows: string[][]): string {
  if (rows.length === 0) return '(none)';
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ].join('\n');
}

/** The client's section (templates/package/README-client.md) with an example that type-checks against the package. */
function clientSection(model: ApiModel, packageName: string, functionNames: ReadonlyMap<OperationNode, string>): string {
  const operation =
    model.operations.find((candidate) => candidate.responses.some((response) => /^2/.test(response.status))) ?? model.operations[0];
  if (operation === undefined) return '';
  const success = operation.responses.find((response) => /^2/.test(response.status));
  const functionName = functionNames.get(operation) ?? operation.id;
  const options = [
    ...(model.operations.some((candidate) => candidate.servers.length === 0) ? ["baseUrl: 'https://api.example.com'"] : []),
    ...(credentialExample(model) === undefined ? [] : [`auth: ${credentialExample(model)}`]),
  ];
  const example = [
    `import { createClient, type ${operation.names.input} } from '${packageName}';`,
    '',
    `const client = createClient({ ${options.join(', ')} });`,
    '',
    `export async function call(input: ${operation.names.input}) {`,
    `  const result = await client.${functionName}(input);`,
    ...(success === undefined || !/^\d+$/.test(success.status)
      ? ['  return result;']
      : [
          `  if (result.status === ${success.status}) return result.data; // ${operation.names.response[success.status] ?? ''}`,
          '  throw new Error(`answered ${result.status}`);',
        ]),
    '}',
  ].join('\n');
  const skeleton = readFileSync(templatePath('package/README-client.md'), 'utf8');
  const variables = new Set(
    model.operations.flatMap((candidate) => candidate.servers[0]?.variables.map((variable) => variable.name) ?? []),
  );
  const slots: Record<string, string> = {
    clientExample: example,
    packageName,
    firstOperation: functionName,
    serverVariables: variables.size === 0 ? '' : `, with \`serverVariables\` for ${[...variables].map((name) => `\`${name}\``).join(', ')}`,
  };
  return skeleton.replace(/\{\{(\w+)\}\}/g, (_match, key: string) => slots[key] ?? '').trimEnd();
}

/**
 * The webhooks' section, in packages whose spec has any: how a receiver checks and reads one, with an
 * example that type-checks against the package (the secrets as the first webhook needs them).
 */
function webhooksSection(model: ApiModel, packageName: string): string {
  const keys = webhookKeys(model);
  const [first] = model.webhooks;
  if (first === undefined) return '';
  const sender = senderChecks(model, first);
  const credentials = 'unverifiable' in sender ? [] : (sender.alternatives[0] ?? []);
  const secrets = [
    ...(first.operation.signing === undefined ? [] : ["signing: { key: 'the shared secret, base64' }"]),
    ...credentials.map((check) =>
      check[0] === 'bearer'
        ? "token: 'the token the provider sends'"
        : check[0] === 'basic'
          ? "basic: { username: 'provider', password: 'secret' }"
          : `apiKeys: { ${tsPropertyName(check[3])}: 'the key the provider sends' }`,
    ),
  ];
  const names = [...keys.values()].map((key) => `\`${key}\``).join(', ');
  return [
    '',
    '',
    '## Webhooks',
    '',
    `The requests ${oneLine(model.info.title)} sends to an endpoint you run (${names}) are read by \`parseWebhook\`.`,
    'It checks the sender first, as the spec asks (the credentials its security names, an HMAC-SHA256',
    'signature over the raw body; compared in constant time), and only then parses and validates the body;',
    '`event` is typed by the spec. Pass the body exactly as received (a `Buffer` or string), before any JSON parsing.',
    '',
    '```ts',
    `import { parseWebhook, type WebhookRequest } from '${packageName}';`,
    '',
    'export async function receive(request: WebhookRequest): Promise<{ status: number; body: string }> {',
    `  const result = await parseWebhook(${quoted(keys.get(first) ?? first.name)}, request${secrets.length === 0 ? '' : `, { ${secrets.join(', ')} }`});`,
    '  if (!result.ok) return { status: result.status, body: result.message };',
    `  // result.event: ${first.operation.requestBody === undefined ? 'undefined' : first.operation.names.requestBody}`,
    "  return { status: 200, body: '' };",
    '}',
    '```',
    '',
    '`verifySignature(request, { key })` (or `{ token }`) is the check alone. To test a receiver, add specsmith to',
    `your devDependencies and run \`npx specsmith mock --spec node_modules/${packageName}/openapi.json --send-webhook ${keys.get(first) ?? first.name} --to URL\`.`,
  ].join('\n');
}

/** A string literal as the README's examples write them: single quotes, JSON's escaping for anything else. */
const quoted = (text: string): string => (/^[^'\\\u0000-\u001f\u2028\u2029]*$/.test(text) ? `'${text}'` : tsLiteral(text));

/** Placeholder credentials in the shape of the spec's first security scheme. */
function credentialExample(model: ApiModel): string | undefined {
  const scheme = model.securitySchemes[0];
  if (scheme === undefined) return undefined;
  if (scheme.type === 'http' && /^basic$/i.test(scheme.scheme ?? '')) return "{ username: 'user', password: 'secret' }";
  if (scheme.type === 'apiKey') return "{ apiKey: 'your-api-key' }";
  return "{ token: async () => 'a fresh token' }";
}

/** The section listing the pages the spec's facts come from (its `x-source`s), when it names any. */
function sourcesList(sources: readonly string[]): string {
  if (sources.length === 0) return '';
  const pages = sources.map((source) => (/^https?:\/\/\S+$/.test(source) ? `- <${source}>` : `- ${source}`));
  return ['', '## Sources', '', 'The spec was built from these pages (each type and field names its own in `@see`):', '', ...pages].join(
    '\n',
  );
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
