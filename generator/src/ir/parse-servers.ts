import type { ServerNode } from './types.js';

type Json = Record<string, unknown>;

/** Server Objects with their variables; undefined when the field is absent (so callers fall back). */
export function parseServers(raw: unknown): ServerNode[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  return raw
    .filter((server): server is Json => server !== null && typeof server === 'object' && typeof (server as Json).url === 'string')
    .map((server) => {
      const node: ServerNode = { url: server.url as string, variables: parseVariables(server.variables) };
      if (typeof server.description === 'string') node.description = server.description;
      return node;
    });
}

function parseVariables(raw: unknown): ServerNode['variables'] {
  if (raw === null || typeof raw !== 'object') return [];
  return Object.entries(raw as Record<string, Json>).map(([name, variable]) => {
    const entry: ServerNode['variables'][number] = { name, default: String(variable?.default ?? '') };
    if (Array.isArray(variable?.enum)) entry.enum = variable.enum.map(String);
    if (typeof variable?.description === 'string') entry.description = variable.description;
    return entry;
  });
}
