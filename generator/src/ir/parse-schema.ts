// The deep equality AJV's validators use for `enum` and `const` (JSON Schema 2020-12 §4.2.2).
import equal from 'fast-deep-equal';
import { isRef } from '../load/resolver.js';
import type { ParseContext } from './context.js';
import { constraintKeywords, createMeta, parseMeta } from './parse-meta.js';
import { parseObject } from './parse-object.js';
import { parseComposition } from './parse-composition.js';
import type { AssertionKeyword, SchemaMeta, SchemaNode } from './types.js';

type Json = Record<string, unknown>;

const assertionKeywords: AssertionKeyword[] = [
  'if',
  'then',
  'else',
  'not',
  'contains',
  'propertyNames',
  'unevaluatedProperties',
  'unevaluatedItems',
];
/** Keywords whose value maps a pattern or a property name to a schema (JSON Schema 2020-12 §10.3.2.2, §10.2.2.4). */
const keyedAssertionKeywords: AssertionKeyword[] = ['patternProperties', 'dependentSchemas'];
const primitiveTypes = new Set(['string', 'number', 'integer', 'boolean', 'null', 'object', 'array']);
/**
 * Keywords that give a `$ref` sibling meaning beyond annotations (3.1 allows siblings, §4.8.24): with any
 * of them, the reference and its siblings become an `allOf` of the two, so that the siblings' rules
 * live in a node of their own (never on the reference).
 */
const structuralKeywords = [
  'type',
  'properties',
  'items',
  'allOf',
  'oneOf',
  'anyOf',
  'enum',
  'const',
  'additionalProperties',
  'required',
  'format',
  'if',
  'not',
  ...constraintKeywords,
];

/** Any Schema Object (or boolean schema) to one IR node. */
export function parseSchema(raw: unknown, context: ParseContext): SchemaNode {
  if (raw === false) return { kind: 'never', meta: createMeta() };
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { kind: 'unknown', meta: createMeta() };
  const schema = raw as Json;
  if (context.active.has(schema)) return { kind: 'unknown', meta: createMeta() };
  context.active.add(schema);
  try {
    return isRef(schema) ? parseRef(schema, context) : parseInline(schema, context);
  } finally {
    context.active.delete(schema);
  }
}

function parseRef(schema: Json & { $ref: string }, context: ParseContext): SchemaNode {
  const resolved = context.resolver.resolveOnce(schema);
  const meta = parseMeta(schema, context);
  if (resolved === undefined) return { kind: 'unknown', meta };
  const reference: SchemaNode = { kind: 'ref', name: context.nameForTarget(resolved.target, resolved.value), meta };
  // OpenAPI 3.0 ignores siblings of `$ref`; 3.1 applies them alongside the reference.
  if (context.minor === '3.0' || !structuralKeywords.some((keyword) => keyword in schema)) return reference;
  const { $ref: _ignored, ...rest } = schema;
  return { kind: 'composition', mode: 'allOf', members: [reference, parseInline(rest, context)], meta };
}

function parseInline(schema: Json, context: ParseContext): SchemaNode {
  const meta = parseMeta(schema, context);
  meta.assertions = [
    ...assertionKeywords
      .filter((keyword) => keyword in schema)
      .map((keyword) => ({ keyword, schema: parseSchema(schema[keyword], context) })),
    ...keyedAssertionKeywords.flatMap((keyword) => {
      const map = schema[keyword];
      if (map === null || typeof map !== 'object' || Array.isArray(map)) return [];
      return Object.entries(map).map(([key, value]) => ({ keyword, key, schema: parseSchema(value, context) }));
    }),
  ];
  if ('contentSchema' in schema) meta.contentSchema = parseSchema(schema.contentSchema, context);
  const base = parseBase(schema, meta, context);
  return parseComposition({ schema, base, meta, context });
}

/** The schema without its compositions: by `enum`/`const`, then by `type` (a list becomes a union). */
function parseBase(schema: Json, meta: SchemaMeta, context: ParseContext): SchemaNode {
  const types = typesOf(schema);
  if (Array.isArray(schema.enum) || 'const' in schema) return parseLiteral(schema, meta);
  if (types.includes('null')) meta.nullable = true;
  const concrete = types.filter((type) => type !== 'null');
  if (concrete.length === 0) {
    if (types.includes('null')) return { kind: 'null', meta: { ...meta, nullable: false } };
    return inferUntyped(schema, meta, context);
  }
  if (concrete.length === 1) return parseTyped(concrete[0] as string, schema, meta, context);
  const members = concrete.map((type) => parseTyped(type, schema, createMeta(), context));
  return { kind: 'composition', mode: 'anyOf', members, meta };
}

/**
 * `enum`/`const`: the type lists their values; validation keeps `type`, `enum` and `const` as written, each
 * an assertion of its own (a `null` in `type` does not add `null` to an `enum` that lacks it).
 */
function parseLiteral(schema: Json, meta: SchemaMeta): SchemaNode {
  const written: { type?: unknown; enum?: unknown[]; const?: { value: unknown }; nullable?: boolean } = {};
  if ('type' in schema) written.type = schema.type;
  // OpenAPI 3.0 `nullable: true` adds null to what the schema allows (3.0.3 §4.7.24); 3.1 says it in `type`.
  if (schema.nullable === true) written.nullable = true;
  if (Array.isArray(schema.enum)) written.enum = schema.enum;
  if ('const' in schema) written.const = { value: schema.const };
  const listed = Array.isArray(schema.enum) ? schema.enum : [schema.const];
  const values = 'const' in schema ? listed.filter((value) => equal(value, schema.const)).slice(0, 1) : listed;
  const simple = !('type' in schema) && !(Array.isArray(schema.enum) && 'const' in schema);
  // The type lists null when the schema lets null through: the values hold it and `type` (if written) allows it.
  const typeAllowsNull = !('type' in schema) || typesOf(schema).includes('null') || schema.nullable === true;
  if (values.includes(null) && typeAllowsNull) meta.nullable = true;
  const concrete = values.filter((value) => value !== null);
  if (simple && concrete.length === 0 && values.length > 0) return { kind: 'null', meta: { ...meta, nullable: false } };
  return simple ? { kind: 'literal', values: concrete, meta } : { kind: 'literal', values: concrete, written, meta };
}

function typesOf(schema: Json): string[] {
  const type = schema.type;
  const list = Array.isArray(type) ? type : typeof type === 'string' ? [type] : [];
  return list.filter((entry): entry is string => typeof entry === 'string' && primitiveTypes.has(entry));
}

/** No `type`: JSON Schema allows any value, but `properties` or `items` show what the author meant. */
function inferUntyped(schema: Json, meta: SchemaMeta, context: ParseContext): SchemaNode {
  if ('properties' in schema || 'additionalProperties' in schema || 'required' in schema) return parseObject(schema, meta, context, true);
  if ('items' in schema || 'prefixItems' in schema)
    return { ...(parseTyped('array', schema, meta, context) as Extract<SchemaNode, { kind: 'array' }>), untyped: true };
  // No type and no shape: any value, but the keywords it states still hold for values of their kind.
  return { kind: 'unknown', meta };
}

function parseTyped(type: string, schema: Json, meta: SchemaMeta, context: ParseContext): SchemaNode {
  switch (type) {
    case 'string':
      return { kind: 'string', meta };
    case 'number':
    case 'integer':
      return { kind: 'number', integer: type === 'integer', meta };
    case 'boolean':
      return { kind: 'boolean', meta };
    case 'null':
      return { kind: 'null', meta };
    case 'object':
      return parseObject(schema, meta, context);
    default: {
      const prefixItems = Array.isArray(schema.prefixItems) ? schema.prefixItems.map((item) => parseSchema(item, context)) : [];
      const items: SchemaNode = 'items' in schema ? parseSchema(schema.items, context) : { kind: 'unknown', meta: createMeta() };
      return 'items' in schema
        ? { kind: 'array', items, prefixItems, itemsWritten: true, meta }
        : { kind: 'array', items, prefixItems, meta };
    }
  }
}
