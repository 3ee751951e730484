import { listOperations } from '../load/lint-operations.js';
import type { LoadedDocument } from '../load/load-document.js';
import { escapePointerToken } from '../util/json-pointer.js';
import { bundleDocument } from './bundle-document.js';
import { collectSources } from './collect-sources.js';
import { ParseContext } from './context.js';
import { assignVariants } from './directions.js';
import { parseOperation } from './parse-operation.js';
import { parseSchema } from './parse-schema.js';
import { parseServers } from './parse-servers.js';
import { parseWebhooks } from './parse-webhooks.js';
import type { ApiModel, NamedSchema, OperationNode, SecuritySchemeNode } from './types.js';

type Json = Record<string, unknown>;

const asObject = (value: unknown): Json => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});

/** A loaded document to the normalised model every emitter reads. */
export function parseDocument(loaded: LoadedDocument): ApiModel {
  const { document, resolver, root } = loaded;
  const context = new ParseContext(resolver, loaded.minor);
  const components = asObject(document.components);
  const rawSchemas = asObject(components.schemas);
  for (const name of Object.keys(rawSchemas)) {
    context.nameForTarget(
      { absolutePath: root.absolutePath, pointer: `/components/schemas/${escapePointerToken(name)}` },
      rawSchemas[name],
    );
  }
  const servers = parseServers(document.servers) ?? [];
  const sites = listOperations(document, resolver);
  const operations = sites.map((site) => parseOperation({ site, context, documentServers: servers }));
  const signing = asObject(document['x-request-signing']);
  if (typeof signing.header === 'string')
    sites.forEach((site, index) => {
      if (site.operation['x-signed'] === true) operations[index]!.signing = { header: signing.header as string };
    });
  const webhooks = parseWebhooks({
    document,
    operations: sites.map((site, index) => ({ node: operations[index]!, raw: site.operation, pointer: site.pointer })),
    context,
    servers,
    signingHeader: typeof signing.header === 'string' ? signing.header : undefined,
  });
  const schemas: NamedSchema[] = [];
  for (let next = context.pending.shift(); next !== undefined; next = context.pending.shift()) {
    schemas.push({ name: next.name, specName: next.specName, schema: parseSchema(next.raw, context) });
  }
  assignVariants(schemas, context.names);
  for (const operation of operations) claimOperationNames(operation, context);
  const clientNames = {
    client: context.names.claim('Client'),
    options: context.names.claim('ClientOptions'),
    auth: context.names.claim('ClientAuth'),
    serverVariables: context.names.claim('ServerVariables'),
  };
  // After every name of the paths' operations and the client, so that adding webhooks renames nothing.
  for (const webhook of webhooks) claimOperationNames(webhook.operation, context);
  const webhooksName = webhooks.length === 0 ? undefined : context.names.claim('Webhooks');
  const securitySchemes = parseSecuritySchemes(components.securitySchemes, context);
  const bundle = bundleDocument({ loaded, hoist: context.targets });
  context.locateShipped(bundle.locate);
  const info = asObject(document.info);
  const sources = collectSources(loaded.sourceHolders);
  const externalDocs = asObject(document.externalDocs).url;
  const docsUrl = typeof externalDocs === 'string' ? externalDocs : sources.find((source) => /^https?:\/\//.test(source));
  return {
    openapi: loaded.openapi,
    source: bundle.source,
    info: {
      title: typeof info.title === 'string' ? info.title : 'API',
      version: typeof info.version === 'string' ? info.version : '0.0.0',
      ...(typeof info.description === 'string' ? { description: info.description } : {}),
    },
    servers,
    schemas,
    operations,
    webhooks,
    securitySchemes,
    security: Array.isArray(document.security) ? (document.security as Record<string, string[]>[]) : [],
    sources,
    ...(docsUrl === undefined ? {} : { docsUrl }),
    clientNames: webhooksName === undefined ? clientNames : { ...clientNames, webhooks: webhooksName },
    typeNames: context.names.claimed,
    shipped: bundle.text === undefined ? { document: bundle.document } : { document: bundle.document, text: bundle.text },
  };
}

function parseSecuritySchemes(raw: unknown, context: ParseContext): SecuritySchemeNode[] {
  const schemes = asObject(raw);
  return Object.keys(schemes).map((name) => {
    const scheme = asObject(context.resolver.deref(schemes[name]));
    const node: SecuritySchemeNode = { name, type: String(scheme.type ?? '') };
    if (typeof scheme.scheme === 'string') node.scheme = scheme.scheme;
    if (typeof scheme.in === 'string') node.in = scheme.in;
    if (typeof scheme.name === 'string') node.parameterName = scheme.name;
    if (typeof scheme.description === 'string') node.description = scheme.description;
    return node;
  });
}

/** Type names per operation part, e.g. `CreateMcCardPathParams`, `CreateMcCardResponse201`. */
function claimOperationNames(operation: OperationNode, context: ParseContext): void {
  const claim = (suffix: string) => context.names.claim(`${operation.typeName}${suffix}`);
  const { names } = operation;
  names.params = { path: claim('PathParams'), query: claim('QueryParams'), header: claim('HeaderParams'), cookie: claim('CookieParams') };
  names.requestBody = claim('RequestBody');
  for (const response of operation.responses)
    names.response[response.status] = claim(`Response${response.status === 'default' ? 'Default' : response.status.toUpperCase()}`);
  names.responses = claim('Responses');
  names.input = claim('Input');
  names.result = claim('Result');
}
