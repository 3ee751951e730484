import type { SchemaNode } from './types.js';

/** Direct children of a node, for analyses that walk the tree. */
export function childrenOf(node: SchemaNode): SchemaNode[] {
  return [...structuralChildren(node), ...node.meta.assertions.map((assertion) => assertion.schema)];
}

function structuralChildren(node: SchemaNode): SchemaNode[] {
  switch (node.kind) {
    case 'array':
      return [...node.prefixItems, node.items];
    case 'object':
      return [...node.properties.map((property) => property.schema), ...(typeof node.additional === 'object' ? [node.additional] : [])];
    case 'composition':
      return node.members;
    default:
      return [];
  }
}

/** True when `test` holds for the node or any inline descendant (references are not followed). */
export function someNode(node: SchemaNode, test: (node: SchemaNode) => boolean): boolean {
  return test(node) || childrenOf(node).some((child) => someNode(child, test));
}
