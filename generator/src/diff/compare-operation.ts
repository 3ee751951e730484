import type { MediaNode, OperationNode, ParameterNode } from '../ir/types.js';
import { placeOf, type ChangeInput, type ChangeSink } from './change-log.js';
import { escapePointerToken } from '../util/json-pointer.js';
import { propertyStep, scopeOf, type Side, type SchemaContext, type PlacePair } from './compare-context.js';
import { compareDocumentation } from './compare-documentation.js';
import { compareSchema } from './compare-schema.js';
import { compareSecurity } from './compare-security.js';
import { lifecycleChanges, removalOf } from './lifecycle.js';

export interface OperationPair {
  old: OperationNode;
  new: OperationNode;
  at: PlacePair;
}

export const operationLabel = (operation: OperationNode) => `${operation.method.toUpperCase()} ${operation.path} (${operation.id})`;

/** Everything inside two versions of one operation: parameters, body, responses, security, documentation. */
export function compareOperation({
  pair,
  sides,
  log,
  visited,
}: {
  pair: OperationPair;
  sides: { old: Side; new: Side };
  log: ChangeSink;
  visited: Set<string>;
}): void {
  const operation = operationLabel(pair.new);
  const context = (direction: 'request' | 'response'): SchemaContext => ({ direction, ...sides, log, operation, visited });
  if (!pair.old.deprecated && pair.new.deprecated)
    log.add({
      id: 'operation-deprecated',
      message: 'deprecated',
      operation,
      keyword: 'deprecated',
      values: { old: false, new: true },
      ...pair.at,
    });
  compareDocumentation(log, {
    old: { summary: pair.old.summary, description: pair.old.description, provenance: pair.old.provenance },
    new: { summary: pair.new.summary, description: pair.new.description, provenance: pair.new.provenance },
    at: pair.at,
    scope: { operation },
  });
  compareParameters(context('request'), pair);
  compareBody(context('request'), pair);
  compareResponses(context('response'), pair);
  compareSecurity({
    log,
    operation,
    at: pair.at,
    old: pair.old.security ?? sides.old.model.security,
    new: pair.new.security ?? sides.new.model.security,
  });
}

/**
 * How a parameter is recognised in the other version: a path parameter by its place in the path template
 * (operations are paired by route, whatever their parameters are called), a header by its name in any
 * case (RFC 9110 §5.1), the others by name.
 */
function parameterKey(parameter: ParameterNode, operation: OperationNode): string {
  if (parameter.in === 'path') {
    const names = [...operation.path.matchAll(/\{([^}]*)\}/g)].map((match) => match[1]);
    const place = names.indexOf(parameter.name);
    if (place !== -1) return `path:#${place}`;
  }
  return `${parameter.in}:${parameter.in === 'header' ? parameter.name.toLowerCase() : parameter.name}`;
}
const parametersByKey = (operation: OperationNode) =>
  new Map(
    Object.values(operation.parameters).flatMap((list) =>
      list.map((parameter) => [parameterKey(parameter, operation), parameter] as const),
    ),
  );

function compareParameters(context: SchemaContext, { old, new: next, at }: OperationPair): void {
  const before = parametersByKey(old);
  const after = parametersByKey(next);
  const parameterContext = (parameter: ParameterNode) => ({ ...context, location: `${parameter.in}${propertyStep(parameter.name)}` });
  const add = (
    id: ChangeInput['id'],
    parameter: ParameterNode,
    places: Partial<PlacePair>,
    details: Pick<ChangeInput, 'keyword' | 'values'> = {},
  ) =>
    context.log.add({
      id,
      message: `${parameter.in} parameter ${JSON.stringify(parameter.name)}`,
      ...scopeOf(parameterContext(parameter)),
      ...details,
      ...places,
    });
  for (const [key, parameter] of after) {
    const was = before.get(key);
    const place = placeOf(parameter.origin, at.new);
    if (was === undefined) {
      add(parameter.required ? 'request-parameter-required-added' : 'request-parameter-added', parameter, { old: at.old, new: place });
      continue;
    }
    const pair = { old: placeOf(was.origin, at.old), new: place };
    if (was.name !== parameter.name)
      context.log.add({
        id: 'request-path-parameter-renamed',
        message: `path parameter ${JSON.stringify(was.name)} -> ${JSON.stringify(parameter.name)}`,
        ...scopeOf(parameterContext(parameter)),
        keyword: 'name',
        values: { old: was.name, new: parameter.name },
        ...pair,
      });
    if (!was.deprecated && parameter.deprecated)
      add('request-parameter-deprecated', parameter, pair, { keyword: 'deprecated', values: { old: false, new: true } });
    for (const change of lifecycleChanges(was, parameter))
      if (change.keyword === 'x-sunset')
        add(`request-parameter-${change.check as 'sunset-removed' | 'sunset-moved-earlier' | 'sunset-invalid'}`, parameter, pair, change);
    if (was.required !== parameter.required)
      add(parameter.required ? 'request-parameter-became-required' : 'request-parameter-became-optional', parameter, pair, {
        keyword: 'required',
        values: { old: was.required, new: parameter.required },
      });
    if (was.style !== parameter.style || was.explode !== parameter.explode)
      add('request-parameter-style-changed', parameter, pair, {
        keyword: was.style !== parameter.style ? 'style' : 'explode',
        values: { old: `${was.style}${was.explode ? ', explode' : ''}`, new: `${parameter.style}${parameter.explode ? ', explode' : ''}` },
      });
    compareDocumentation(context.log, {
      old: { description: was.description, provenance: was.provenance },
      new: { description: parameter.description, provenance: parameter.provenance },
      at: pair,
      scope: scopeOf(parameterContext(parameter)),
    });
    compareSchema(parameterContext(parameter), was.schema, parameter.schema, pair);
  }
  for (const [key, parameter] of before) {
    if (after.has(key)) continue;
    const removal = removalOf(parameter);
    add(removal === 'without-deprecation' ? 'request-parameter-removed' : `request-parameter-removed-${removal}`, parameter, {
      old: placeOf(parameter.origin, at.old),
      new: at.new,
    });
  }
}

function compareBody(outer: SchemaContext, { old, new: next, at }: OperationPair): void {
  const was = old.requestBody;
  const now = next.requestBody;
  const context = { ...outer, location: 'body' };
  const scope = scopeOf(context);
  if (was === undefined && now === undefined) return;
  const pair = { old: placeOf(was?.origin, at.old), new: placeOf(now?.origin, at.new) };
  if (was === undefined || now === undefined) {
    const id = was !== undefined ? 'request-body-removed' : now!.required ? 'request-body-required-added' : 'request-body-added';
    context.log.add({ id, message: 'request body', ...scope, ...pair });
    return;
  }
  if (was.required !== now.required)
    context.log.add({
      id: now.required ? 'request-body-became-required' : 'request-body-became-optional',
      message: 'request body',
      ...scope,
      keyword: 'required',
      values: { old: was.required, new: now.required },
      ...pair,
    });
  compareDocumentation(context.log, { old: { description: was.description }, new: { description: now.description }, at: pair, scope });
  compareContents({
    context,
    old: was.contents,
    new: now.contents,
    at: pair,
    added: 'request-media-type-added',
    removed: 'request-media-type-removed',
  });
}

function compareResponses(outer: SchemaContext, { old, new: next, at }: OperationPair): void {
  const before = new Map(old.responses.map((response) => [response.status.toUpperCase(), response]));
  const statusScope = (status: string) => scopeOf({ ...outer, location: `response ${status}` });
  for (const response of next.responses) {
    const was = before.get(response.status.toUpperCase());
    const place = placeOf(response.origin, at.new);
    if (was === undefined) {
      outer.log.add({
        id: 'response-status-added',
        message: `status ${response.status}`,
        ...statusScope(response.status),
        values: { new: response.status },
        old: at.old,
        new: place,
      });
      continue;
    }
    before.delete(response.status.toUpperCase());
    const pair = { old: placeOf(was.origin, at.old), new: place };
    compareDocumentation(outer.log, {
      old: { description: was.description },
      new: { description: response.description },
      at: pair,
      scope: statusScope(response.status),
    });
    compareHeaders(outer, response.status, was.headers, response.headers, pair);
    compareContents({
      context: { ...outer, location: `response ${response.status} body` },
      old: was.contents,
      new: response.contents,
      at: pair,
      added: 'response-media-type-added',
      removed: 'response-media-type-removed',
    });
  }
  for (const response of before.values())
    outer.log.add({
      // A client's code for an error status stops running; a success status it relied on is gone.
      id: /^2/.test(response.status) ? 'response-status-removed' : 'response-non-success-status-removed',
      message: `status ${response.status}`,
      ...statusScope(response.status),
      values: { old: response.status },
      old: placeOf(response.origin, at.old),
      new: at.new,
    });
}

function compareContents({
  context,
  old,
  new: next,
  at,
  added,
  removed,
}: {
  context: SchemaContext;
  old: MediaNode[];
  new: MediaNode[];
  at: PlacePair;
  added: 'request-media-type-added' | 'response-media-type-added';
  removed: 'request-media-type-removed' | 'response-media-type-removed';
}): void {
  const before = new Map(old.map((media) => [media.mediaType.toLowerCase(), media]));
  const scope = scopeOf(context);
  const keyword = (media: MediaNode) => `content/${escapePointerToken(media.mediaType)}`;
  for (const media of next) {
    const was = before.get(media.mediaType.toLowerCase());
    if (was === undefined)
      context.log.add({ id: added, message: media.mediaType, ...scope, keyword: keyword(media), values: { new: media.mediaType }, ...at });
    else {
      before.delete(media.mediaType.toLowerCase());
      compareSchema(context, was.schema, media.schema, at);
    }
  }
  for (const media of before.values())
    context.log.add({ id: removed, message: media.mediaType, ...scope, keyword: keyword(media), values: { old: media.mediaType }, ...at });
}

/** A response's headers, by name in any case (RFC 9110 §5.1): what a client reads from them, as a response. */
function compareHeaders(outer: SchemaContext, status: string, old: ParameterNode[], next: ParameterNode[], at: PlacePair): void {
  const before = new Map(old.map((header) => [header.name.toLowerCase(), header]));
  const context = (header: ParameterNode): SchemaContext => ({
    ...outer,
    location: `response ${status} header${propertyStep(header.name)}`,
  });
  const add = (
    id: ChangeInput['id'],
    header: ParameterNode,
    places: Partial<PlacePair>,
    details: Pick<ChangeInput, 'keyword' | 'values'> = {},
  ) => outer.log.add({ id, message: `header ${JSON.stringify(header.name)}`, ...scopeOf(context(header)), ...details, ...places });
  for (const header of next) {
    const was = before.get(header.name.toLowerCase());
    const place = placeOf(header.origin, at.new);
    if (was === undefined) {
      add('response-header-added', header, { old: at.old, new: place });
      continue;
    }
    before.delete(header.name.toLowerCase());
    const pair = { old: placeOf(was.origin, at.old), new: place };
    if (was.required !== header.required)
      add(header.required ? 'response-header-became-required' : 'response-header-became-optional', header, pair, {
        keyword: 'required',
        values: { old: was.required, new: header.required },
      });
    compareSchema(context(header), was.schema, header.schema, pair);
  }
  for (const header of before.values())
    add(header.required ? 'response-header-removed' : 'response-optional-header-removed', header, {
      old: placeOf(header.origin, at.old),
      new: at.new,
    });
}
