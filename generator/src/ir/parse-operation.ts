import { effectiveParameters, type OperationSite } from '../load/lint-operations.js';
import type { ParseContext } from './context.js';
import { toIdentifier, toTypeName } from './names.js';
import { parseProvenance } from './parse-provenance.js';
import { parseSchema } from './parse-schema.js';
import type {
  IdempotencyNode,
  LinkNode,
  MediaNode,
  OperationNode,
  ParameterLocation,
  ParameterNode,
  RequestBodyNode,
  ResponseNode,
  ServerNode,
} from './types.js';
import { parseServers } from './parse-servers.js';

type Json = Record<string, unknown>;

const asObject = (value: unknown): Json | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;

/** Default `style` per location (OpenAPI 3.1 §4.8.12.4); `explode` defaults to true only for `form`. */
const defaultStyle: Record<ParameterLocation, string> = { path: 'simple', query: 'form', header: 'simple', cookie: 'form' };

export function parseOperation({
  site,
  context,
  documentServers,
}: {
  site: OperationSite;
  context: ParseContext;
  documentServers: ServerNode[];
}): OperationNode {
  const { operation, pathItem } = site;
  const id = typeof operation.operationId === 'string' ? operation.operationId : toIdentifier(`${site.method} ${site.pathKey}`);
  const parameters: OperationNode['parameters'] = { path: [], query: [], header: [], cookie: [] };
  for (const raw of effectiveParameters(site, context.resolver)) {
    const parameter = parseParameter(raw, context);
    if (parameter !== undefined) parameters[parameter.in].push(parameter);
  }
  const ownServers = parseServers(operation.servers) ?? parseServers(pathItem.servers);
  const node: OperationNode = {
    id,
    typeName: toTypeName(id),
    method: site.method,
    path: site.pathKey,
    deprecated: operation.deprecated === true,
    tags: Array.isArray(operation.tags) ? operation.tags.filter((tag): tag is string => typeof tag === 'string') : [],
    parameters,
    responses: parseResponses(operation.responses, context),
    servers: ownServers ?? documentServers,
    names: { params: { path: '', query: '', header: '', cookie: '' }, requestBody: '', response: {}, responses: '', input: '', result: '' },
  };
  const requestBody = parseRequestBody(operation.requestBody, context);
  if (requestBody !== undefined) node.requestBody = requestBody;
  const summary = operation.summary ?? pathItem.summary;
  const description = operation.description ?? pathItem.description;
  if (typeof summary === 'string') node.summary = summary;
  if (typeof description === 'string') node.description = description;
  if (Array.isArray(operation.security)) node.security = operation.security as Record<string, string[]>[];
  if (typeof operation['x-sunset'] === 'string') node.sunset = operation['x-sunset'];
  if ('x-stability-level' in operation) node.stability = String(operation['x-stability-level']);
  const idempotency = parseIdempotency(operation['x-idempotency']);
  if (idempotency !== undefined) node.idempotency = idempotency;
  const answerWithin = durationSeconds(operation['x-answer-within']);
  if (answerWithin !== undefined) node.answerWithinMs = answerWithin * 1000;
  const provenance = parseProvenance(operation);
  if (provenance !== undefined) node.provenance = provenance;
  const origin = context.sourceOf(operation);
  if (origin !== undefined) node.origin = origin;
  return node;
}

export function parseParameter(raw: Json, context: ParseContext, location?: ParameterLocation): ParameterNode | undefined {
  const place = (location ?? raw.in) as ParameterLocation;
  if (!(place in defaultStyle) || typeof raw.name !== 'string') return undefined;
  const style = typeof raw.style === 'string' ? raw.style : defaultStyle[place];
  const content = parseContent(raw.content, context);
  const parameter: ParameterNode = {
    name: raw.name,
    in: place,
    required: place === 'path' || raw.required === true,
    deprecated: raw.deprecated === true,
    style,
    explode: typeof raw.explode === 'boolean' ? raw.explode : style === 'form',
    schema: content[0]?.schema ?? parseSchema(raw.schema, context),
  };
  if (typeof raw.description === 'string') parameter.description = raw.description;
  if (typeof raw['x-sunset'] === 'string') parameter.sunset = raw['x-sunset'];
  if (raw.allowEmptyValue === true) parameter.allowEmptyValue = true;
  const provenance = parseProvenance(raw);
  if (provenance !== undefined) parameter.provenance = provenance;
  const origin = context.sourceOf(raw);
  if (origin !== undefined) parameter.origin = origin;
  return parameter;
}

function parseContent(raw: unknown, context: ParseContext): MediaNode[] {
  const content = asObject(raw) ?? {};
  return Object.keys(content).map((mediaType) => {
    const media = asObject(context.resolver.deref(content[mediaType])) ?? {};
    return { mediaType, schema: parseSchema(media.schema, context) };
  });
}

function parseRequestBody(raw: unknown, context: ParseContext): RequestBodyNode | undefined {
  const body = asObject(context.resolver.deref(raw));
  if (body === undefined) return undefined;
  const node: RequestBodyNode = { required: body.required === true, contents: parseContent(body.content, context) };
  if (typeof body.description === 'string') node.description = body.description;
  const provenance = parseProvenance(body);
  if (provenance !== undefined) node.provenance = provenance;
  const origin = context.sourceOf(body);
  if (origin !== undefined) node.origin = origin;
  return node;
}

function parseResponses(raw: unknown, context: ParseContext): ResponseNode[] {
  const responses = asObject(raw) ?? {};
  return Object.keys(responses)
    .filter((status) => !status.startsWith('x-'))
    .map((status) => {
      const response = asObject(context.resolver.deref(responses[status])) ?? {};
      const rawHeaders = asObject(response.headers) ?? {};
      const headers = Object.keys(rawHeaders)
        .filter((name) => name.toLowerCase() !== 'content-type')
        .map((name) => parseParameter({ ...(asObject(context.resolver.deref(rawHeaders[name])) ?? {}), name }, context, 'header'))
        .filter((header): header is ParameterNode => header !== undefined);
      const node: ResponseNode = { status, contents: parseContent(response.content, context), headers };
      const links = parseLinks(response.links, context);
      if (links.length > 0) node.links = links;
      if (typeof response.description === 'string') node.description = response.description;
      const provenance = parseProvenance(response);
      if (provenance !== undefined) node.provenance = provenance;
      const origin = context.sourceOf(response);
      if (origin !== undefined) node.origin = origin;
      return node;
    });
}

function parseLinks(raw: unknown, context: ParseContext): LinkNode[] {
  const links = asObject(context.resolver.deref(raw)) ?? {};
  return Object.keys(links).flatMap((name) => {
    const link = asObject(context.resolver.deref(links[name]));
    if (link === undefined || typeof link.operationId !== 'string') return [];
    return [{ name, operationId: link.operationId, parameters: { ...(asObject(link.parameters) ?? {}) } }];
  });
}

/** `x-idempotency: { header, ttl, maxLength }`, the ttl an ISO 8601 duration (`PT24H`, `P1D`). */
function parseIdempotency(raw: unknown): IdempotencyNode | undefined {
  const extension = asObject(raw);
  if (extension === undefined || typeof extension.header !== 'string') return undefined;
  const node: IdempotencyNode = { header: extension.header, ttlSeconds: durationSeconds(extension.ttl) ?? 86_400 };
  if (typeof extension.maxLength === 'number') node.maxLength = extension.maxLength;
  return node;
}

/** Seconds of an ISO 8601 duration with days, hours, minutes and seconds (`P1DT12H`, `PT30M`); undefined otherwise. */
export function durationSeconds(text: unknown): number | undefined {
  const match = typeof text === 'string' ? /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text) : null;
  if (match === null || text === 'P' || text === 'PT') return undefined;
  const [, days = '0', hours = '0', minutes = '0', seconds = '0'] = match;
  return Number(days) * 86_400 + Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
}
