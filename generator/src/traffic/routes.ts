import type { OperationNode } from '../ir/types.js';

export interface Route {
  operation: OperationNode;
  pattern: RegExp;
  /** Path parameter names, in the order the pattern captures them. */
  names: string[];
  literals: number;
}

/** Path templates as patterns, the most literal first (`/v3/customerNumber/{n}` before `/v3/{id}`; OpenAPI 3.1 §4.8.8). */
export function buildRoutes(operations: readonly OperationNode[]): Route[] {
  const routes = operations.map((operation) => {
    const names: string[] = [];
    let literals = 0;
    const source = operation.path
      .split('/')
      .map((segment) => {
        if (!segment.includes('{')) literals += 1;
        return segment
          .split(/(\{[^}]+\})/)
          .map((part) => {
            const name = /^\{([^}]+)\}$/.exec(part)?.[1];
            if (name === undefined) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
            names.push(name);
            return '([^/]+)';
          })
          .join('');
      })
      .join('/');
    return { operation, pattern: new RegExp(`^${source}/?$`), names, literals };
  });
  return routes.sort((a, b) => b.literals - a.literals);
}

export type RouteMatch =
  | { kind: 'found'; route: Route; values: Record<string, string>; methods: string[]; operations: OperationNode[] }
  | { kind: 'method'; methods: string[]; operations: OperationNode[] }
  | { kind: 'none' };

/**
 * The route for a method and path, tried as sent and without each server's base path (`/customer/v3/…`).
 * The path is matched first, the most literal template winning (OpenAPI 3.1 §4.8.8), then the method
 * among that path's operations; `HEAD` is answered by `GET` (RFC 9110 §9.3.2). `methods` are the path's own
 * (for `Allow` and CORS), `operations` its operations.
 */
export function matchRoute({
  routes,
  method,
  path,
  basePaths,
}: {
  routes: readonly Route[];
  method: string;
  path: string;
  basePaths: readonly string[];
}): RouteMatch {
  const candidates = [
    path,
    ...basePaths.filter((base) => base !== '' && path.startsWith(`${base}/`)).map((base) => path.slice(base.length)),
  ];
  for (const candidate of candidates) {
    const best = routes.find((route) => route.pattern.test(candidate));
    if (best === undefined) continue;
    const siblings = routes.filter((route) => route.operation.path === best.operation.path);
    const operations = siblings.map((route) => route.operation);
    const own = operations.map((operation) => operation.method.toUpperCase());
    const methods = [...own, ...(own.includes('GET') && !own.includes('HEAD') ? ['HEAD'] : []), 'OPTIONS'];
    const route =
      siblings.find((sibling) => sibling.operation.method.toUpperCase() === method) ??
      (method === 'HEAD' ? siblings.find((sibling) => sibling.operation.method === 'get') : undefined);
    if (route === undefined) return { kind: 'method', methods, operations };
    const found = route.pattern.exec(candidate)!;
    const values = Object.fromEntries(route.names.map((name, index) => [name, found[index + 1] ?? '']));
    return { kind: 'found', route, values, methods, operations };
  }
  return { kind: 'none' };
}

/** The path of a server URL, its variables at their defaults: `/customer` of `https://{env}.example.com/customer`. */
export function basePathOf(url: string): string {
  try {
    return new URL(url.replace(/\{[^}]+\}/g, 'x'), 'http://localhost').pathname.replace(/\/+$/, '');
  } catch {
    return '';
  }
}
