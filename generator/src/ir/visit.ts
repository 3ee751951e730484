import type { SchemaNode } from './types.js';

/** Calls `visit` for the node and each inline descendant, parents first (references are not followed). */
export function forEachNode(node: SchemaNode, visit: (node: SchemaNode) => void): void {
  visit(node);
  switch (node.kind) {
    case 'array':
      for (const item of node.prefixItems) forEachNode(item, visit);
      forEachNode(node.items, visit);
      break;
    case 'object':
      for (const property of node.properties) forEachNode(property.schema, visit);
      if (typeof node.additional === 'object') forEachNode(node.additional, visit);
      break;
    case 'composition':
      for (const member of node.members) forEachNode(member, visit);
      break;
    default:
      break;
  }
  for (const assertion of node.meta.assertions) forEachNode(assertion.schema, visit);
}
