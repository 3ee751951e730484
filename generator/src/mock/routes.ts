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
  { kind: 'found'; route: Route; values: Record<string, string> } | { kind: 'method'; allowed: string[] } | { kind: 'none' };

/** The route for a method and path, tried as sent and without each server's base path (`/customer/v3/…`). */
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
  const allowed = new Set<string>();
  for (const candidate of candidates) {
    for (const route of routes) {
      const found = route.pattern.exec(candidate);
      if (found === null) continue;
      if (route.operation.method.toUpperCase() !== method) {
        allowed.add(route.operation.method.toUpperCase());
        continue;
      }
      const values = Object.fromEntries(route.names.map((name, index) => [name, found[index + 1] ?? '']));
      return { kind: 'found', route, values };
    }
  }
  return allowed.size > 0 ? { kind: 'method', allowed: [...allowed] } : { kind: 'none' };
}
