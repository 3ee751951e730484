import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { appendPointer } from '../util/json-pointer.js';
import type { NodeOrigin } from './origins.js';
import type { Resolver } from './resolver.js';

export const httpMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof httpMethods)[number];

type Json = Record<string, unknown>;

const asObject = (value: unknown): Json | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;

/** Names between braces in a path template (OpenAPI 3.1 §4.8.8.2). */
export function templateNames(pathKey: string): string[] {
  return [...pathKey.matchAll(/\{([^{}]+)\}/g)].map((match) => match[1] ?? '');
}

export interface OperationSite {
  pathKey: string;
  method: HttpMethod;
  pathItem: Json;
  operation: Json;
  pointer: string;
}

/** Every operation of `paths`, in document order; path items behind a `$ref` are followed. */
export function listOperations(document: Json, resolver: Resolver): OperationSite[] {
  const sites: OperationSite[] = [];
  const paths = asObject(document.paths) ?? {};
  for (const pathKey of Object.keys(paths)) {
    const pathItem = asObject(resolver.deref(paths[pathKey]));
    if (pathItem !== undefined) sites.push(...pathItemOperations(pathItem, pathKey, appendPointer('/paths', pathKey)));
  }
  return sites;
}

/** The operations the API sends: each 3.1 webhook's, then each callback's of the `paths` operations. */
function sentOperations(document: Json, resolver: Resolver, paths: readonly OperationSite[]): OperationSite[] {
  const sites: OperationSite[] = [];
  const webhooks = asObject(document.webhooks) ?? {};
  for (const name of Object.keys(webhooks)) {
    const pathItem = asObject(resolver.deref(webhooks[name]));
    if (pathItem !== undefined) sites.push(...pathItemOperations(pathItem, name, appendPointer('/webhooks', name)));
  }
  for (const site of paths) {
    const callbacks = asObject(resolver.deref(site.operation.callbacks)) ?? {};
    for (const callbackName of Object.keys(callbacks)) {
      const callback = asObject(resolver.deref(callbacks[callbackName])) ?? {};
      const pointer = appendPointer(appendPointer(site.pointer, 'callbacks'), callbackName);
      for (const expression of Object.keys(callback).filter((key) => !key.startsWith('x-'))) {
        const pathItem = asObject(resolver.deref(callback[expression]));
        if (pathItem !== undefined) sites.push(...pathItemOperations(pathItem, expression, appendPointer(pointer, expression)));
      }
    }
  }
  return sites;
}

/** The operations of one path item (a `paths` entry, a webhook, a callback expression), in method order. */
export function pathItemOperations(pathItem: Json, pathKey: string, pointer: string): OperationSite[] {
  return httpMethods.flatMap((method) => {
    const operation = asObject(pathItem[method]);
    return operation === undefined ? [] : [{ pathKey, method, pathItem, operation, pointer: appendPointer(pointer, method) }];
  });
}

/** Parameters of an operation merged with its path item's: the operation's win by `name` + `in`. */
export function effectiveParameters(site: OperationSite, resolver: Resolver): Json[] {
  const merged = new Map<string, Json>();
  for (const list of [site.pathItem.parameters, site.operation.parameters]) {
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      const parameter = asObject(resolver.deref(entry));
      if (parameter === undefined || typeof parameter.name !== 'string' || typeof parameter.in !== 'string') continue;
      merged.set(`${parameter.in}\u0000${parameter.name}`, parameter);
    }
  }
  return [...merged.values()];
}

/** Rules the OpenAPI JSON Schema cannot express: unique operationIds, path templates matching path parameters. */
export function lintOperations({ document, resolver, file }: { document: Json; resolver: Resolver; file: string }): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const firstById = new Map<string, OperationSite>();
  const at = (node: object, pointer: string) => {
    const origin: NodeOrigin | undefined = resolver.originOf(node);
    return { file: origin?.file ?? file, pointer: origin?.pointer ?? pointer, line: origin?.line, column: origin?.column };
  };
  const paths = listOperations(document, resolver);
  const inPaths = new Set(paths);
  // operationIds are unique among every operation the document describes, webhooks' and callbacks' too (OpenAPI 3.1 §4.8.10).
  // One Operation Object reached twice (a callback of components.callbacks that two operations `$ref`) is one operation.
  const seen = new Set<Json>();
  for (const site of [...paths, ...sentOperations(document, resolver, paths)]) {
    if (seen.has(site.operation)) continue;
    seen.add(site.operation);
    const id = site.operation.operationId;
    if (typeof id === 'string') {
      const first = firstById.get(id);
      if (first === undefined) firstById.set(id, site);
      else {
        const origin = resolver.origins.ofChild(site.operation, 'operationId');
        diagnostics.push(
          createDiagnostic({
            code: 'duplicate-operation-id',
            message: `operationId ${JSON.stringify(id)} of ${site.method.toUpperCase()} ${site.pathKey} is already used by ${first.method.toUpperCase()} ${first.pathKey}`,
            file: origin?.file ?? file,
            pointer: origin?.pointer ?? appendPointer(site.pointer, 'operationId'),
            line: origin?.line,
            column: origin?.column,
          }),
        );
      }
    }
    if (!inPaths.has(site)) continue;
    const declared = effectiveParameters(site, resolver).filter((parameter) => parameter.in === 'path');
    const names = templateNames(site.pathKey);
    for (const name of names) {
      if (declared.some((parameter) => parameter.name === name)) continue;
      diagnostics.push(
        createDiagnostic({
          code: 'path-param-undeclared',
          message: `{${name}} in ${site.pathKey} is not declared as a path parameter of ${site.method.toUpperCase()}`,
          ...at(site.operation, site.pointer),
        }),
      );
    }
    for (const parameter of declared) {
      if (names.includes(parameter.name as string)) continue;
      diagnostics.push(
        createDiagnostic({
          code: 'path-param-unused',
          message: `path parameter ${JSON.stringify(parameter.name)} does not appear in ${site.pathKey}`,
          ...at(parameter, site.pointer),
        }),
      );
    }
  }
  return diagnostics;
}
