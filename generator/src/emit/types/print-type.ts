import type { NamedSchema, ObjectNode, PropertyNode, SchemaNode } from '../../ir/types.js';
import { tsLiteral, tsPropertyName } from '../ts-text.js';
import { docBlock, docText } from './jsdoc.js';

/**
 * Which view of a schema is printed: as the spec writes it (readOnly properties marked `readonly`),
 * or the request or response view (OpenAPI 3.1 §4.8.24.4).
 */
export type Direction = 'as-written' | 'request' | 'response';

export interface PrintContext {
  direction: Direction;
  schemas: ReadonlyMap<string, NamedSchema>;
}

/** A type expression for a node. `depth` only sets the indentation of inline object members. */
export function printType(node: SchemaNode, context: PrintContext, depth = 0): string {
  const text = printBare(node, context, depth);
  return node.meta.nullable && node.kind !== 'null' && node.kind !== 'unknown' ? `${text} | null` : text;
}

function printBare(node: SchemaNode, context: PrintContext, depth: number): string {
  switch (node.kind) {
    case 'ref':
      return referenceName(node.name, context);
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'unknown':
      return 'unknown';
    case 'never':
      return 'never';
    case 'literal':
      return node.values.length === 0 ? 'never' : node.values.map(tsLiteral).join(' | ');
    case 'array':
      return printArray(node, context, depth);
    case 'object':
      return printObject(node, context, depth);
    case 'composition':
      return printComposition(node, context, depth);
  }
}

function referenceName(name: string, context: PrintContext): string {
  const variants = context.schemas.get(name)?.variants;
  if (variants === undefined || context.direction === 'as-written') return name;
  return context.direction === 'request' ? variants.request : variants.response;
}

/** Parenthesised when a union or intersection would otherwise bind wrongly inside `[]`, `&` or `|`. */
function wrap(text: string, node: SchemaNode): string {
  const compound = node.kind === 'composition' || (node.kind === 'literal' && node.values.length > 1) || node.meta.nullable;
  return compound || /^[^{[(]*[|&]/.test(text) ? `(${text})` : text;
}

function printArray(node: Extract<SchemaNode, { kind: 'array' }>, context: PrintContext, depth: number): string {
  if (node.prefixItems.length === 0) return `${wrap(printType(node.items, context, depth), node.items)}[]`;
  const fixed = node.prefixItems.map((item) => printType(item, context, depth));
  if (node.items.kind !== 'never') fixed.push(`...${wrap(printType(node.items, context, depth), node.items)}[]`);
  return `[${fixed.join(', ')}]`;
}

/** Properties visible in this direction. */
export function visibleProperties(node: ObjectNode, direction: Direction): PropertyNode[] {
  if (direction === 'request') return node.properties.filter((property) => property.access !== 'read-only');
  if (direction === 'response') return node.properties.filter((property) => property.access !== 'write-only');
  return node.properties;
}

/** Members of an object type, each with its JSDoc; shared by inline objects and interfaces. */
export function printMembers(node: ObjectNode, context: PrintContext, depth: number): string[] {
  const indent = '  '.repeat(depth + 1);
  const members = visibleProperties(node, context.direction).map((property) => {
    const doc = docBlock(docText({ meta: property.schema.meta, ...(property.origin ? { origin: property.origin } : {}) }), indent);
    const readonly = property.access === 'read-only' && context.direction === 'as-written' ? 'readonly ' : '';
    const optional = property.required ? '' : '?';
    return `${doc}${indent}${readonly}${tsPropertyName(property.name)}${optional}: ${printType(property.schema, context, depth + 1)};`;
  });
  const index = indexSignature(node, context, depth);
  if (index !== undefined) members.push(`${indent}${index};`);
  return members;
}

/** `additionalProperties` as an index signature; `unknown` beside declared properties, which it must cover. */
export function indexSignature(node: ObjectNode, context: PrintContext, depth: number): string | undefined {
  // Keys matching a `patternProperties` pattern are allowed whatever `additionalProperties` says.
  if (node.meta.assertions.some((assertion) => assertion.keyword === 'patternProperties')) return '[key: string]: unknown';
  if (node.additional === undefined || node.additional === false) return undefined;
  if (node.additional === true || node.properties.length > 0) return '[key: string]: unknown';
  return `[key: string]: ${printType(node.additional, context, depth + 1)}`;
}

function printObject(node: ObjectNode, context: PrintContext, depth: number): string {
  const members = printMembers(node, context, depth);
  if (members.length === 0) return node.additional === false ? 'Record<string, never>' : 'Record<string, unknown>';
  return `{\n${members.join('\n')}\n${'  '.repeat(depth)}}`;
}

function printComposition(node: Extract<SchemaNode, { kind: 'composition' }>, context: PrintContext, depth: number): string {
  if (node.mode === 'allOf') return node.members.map((member) => wrap(printType(member, context, depth), member)).join(' & ');
  const tags = new Map(node.discriminator?.tags.map((tag) => [tag.member, tag.values]) ?? []);
  return node.members
    .map((member, index) => {
      const text = printType(member, context, depth);
      const values = tags.get(index);
      if (values === undefined || node.discriminator === undefined) return wrap(text, member);
      const tag = `{ ${tsPropertyName(node.discriminator.propertyName)}: ${values.map(tsLiteral).join(' | ')} }`;
      return `(${wrap(text, member)} & ${tag})`;
    })
    .join(' | ');
}
