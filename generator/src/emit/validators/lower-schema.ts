import type { NamedSchema, ObjectNode, SchemaMeta, SchemaNode, SourceRef } from '../../ir/types.js';
import { compiles, constraints } from './lower-constraints.js';
import { allowNull, lowerLiteral } from './lower-literal.js';

export interface ValidatorNote {
  reason: 'unknown-format' | 'invalid-pattern' | 'risky-pattern' | 'unchecked-keyword';
  value: string;
  detail?: string;
  /** Where the spec writes the rule (the keyword itself when the loader knows its line). */
  origin?: SourceRef;
}

/** A JSON Schema 2020-12 schema, as AJV compiles it. */
export type JsonSchema = boolean | { [keyword: string]: unknown };

/**
 * Which view a validator checks (OpenAPI 3.1 §4.8.24.4): a request rejects `readOnly` properties, a
 * response ignores `writeOnly` ones; `as-written` checks the schema as the spec states it.
 */
export type ValidationDirection = 'as-written' | 'request' | 'response';

export interface LowerContext {
  direction: ValidationDirection;
  schemas: ReadonlyMap<string, NamedSchema>;
  /** Formats the runtime can check, with the JSON type each applies to; any other format is not checked. */
  formats: ReadonlyMap<string, 'string' | 'number'>;
  /**
   * What the validators say about the spec's rules: a keyword left out because it cannot be checked (an
   * unknown format, a pattern JavaScript cannot compile), or a pattern kept that may backtrack badly.
   */
  notes: ValidatorNote[];
  /** Why a pattern may backtrack catastrophically, if it may (memoised per run). */
  patternRisk: (pattern: string) => string | undefined;
  /** The IR annotations each lowered schema object came from: where the spec writes its rules. */
  metaOf: WeakMap<object, SchemaMeta>;
  /** For a property's schema, where the property's name is written (what JSDoc `@spec` shows too). */
  keyOf: WeakMap<object, SourceRef>;
}

/** The `$defs` key of a named schema in a direction: its request or response view when the two differ. */
export function defName(named: NamedSchema, direction: ValidationDirection): string {
  if (named.variants === undefined || direction === 'as-written') return named.name;
  return direction === 'request' ? named.variants.request : named.variants.response;
}

/** An IR node as plain JSON Schema 2020-12, with the OpenAPI dialect lowered (no discriminator, no nullable). */
export function lowerSchema(node: SchemaNode, context: LowerContext): JsonSchema {
  for (const { keyword, origin } of node.meta.unchecked) context.notes.push({ reason: 'unchecked-keyword', value: keyword, origin });
  const schema = withAssertions(lowerBare(node, context), node.meta, context);
  // A literal that keeps its keywords as written widens to null only for OpenAPI 3.0's `nullable: true`.
  const widen = node.kind === 'literal' && node.written !== undefined ? node.written.nullable === true : node.meta.nullable;
  const lowered = widen && node.kind !== 'null' && node.kind !== 'unknown' ? allowNull(schema) : schema;
  if (typeof lowered === 'object') context.metaOf.set(lowered, node.meta);
  return lowered;
}

function lowerBare(node: SchemaNode, context: LowerContext): JsonSchema {
  switch (node.kind) {
    case 'ref':
      return lowerRef(node, context);
    case 'string':
      return { type: 'string', ...constraints(node.meta, 'string', context) };
    case 'number':
      return { type: node.integer ? 'integer' : 'number', ...constraints(node.meta, 'number', context) };
    case 'boolean':
      return { type: 'boolean' };
    case 'null':
      return { type: 'null' };
    case 'literal':
      return lowerLiteral(node, context);
    case 'array':
      return lowerArray(node, context);
    case 'object':
      return lowerObject(node, context);
    case 'composition':
      return lowerComposition(node, context);
    case 'unknown':
      // Any type; the keywords it writes still hold, each for values of its own kind (JSON Schema 2020-12 §7.6.1).
      return nonEmpty(constraints(node.meta, undefined, context));
    case 'never':
      return false;
  }
}

function lowerRef(node: Extract<SchemaNode, { kind: 'ref' }>, context: LowerContext): JsonSchema {
  const named = context.schemas.get(node.name);
  const target = named === undefined ? node.name : defName(named, context.direction);
  // Rules written beside a 3.1 `$ref` are parsed into an `allOf` member of their own (ir/parse-schema.ts).
  return { $ref: `#/$defs/${encodeURIComponent(target)}` };
}

/**
 * An array schema. `prefixItems` (with `items`, which reads it) sits in an `allOf` member of its own: AJV
 * 8.20's first-error code skips every keyword after `prefixItems` when the array is shorter than the first
 * position with a rule (its `valid` flag is then never set), so `[]` passed `{ prefixItems: [{}],
 * contains: {} }`. The member keeps the keywords after it out of that block; the meaning is the same.
 */
function lowerArray(node: Extract<SchemaNode, { kind: 'array' }>, context: LowerContext): JsonSchema {
  const schema: Record<string, unknown> = node.untyped === true ? {} : { type: 'array' };
  const lowered = lowerSchema(node.items, context);
  // `items: true` (or `{}`) as written evaluates every item, which `unevaluatedItems` reads (§11.2).
  const items = lowered === true && node.itemsWritten !== true ? undefined : lowered;
  if (node.prefixItems.length > 0) {
    const tuple: Record<string, unknown> = { prefixItems: node.prefixItems.map((item) => lowerSchema(item, context)) };
    if (items !== undefined) tuple.items = items;
    schema.allOf = [tuple];
  } else if (items !== undefined) schema.items = items;
  return { ...schema, ...constraints(node.meta, 'array', context) };
}

/** Properties per direction: a `readOnly` one is refused in a request, a `writeOnly` one ignored in a response. */
function lowerObject(node: ObjectNode, context: LowerContext): JsonSchema {
  const entries: [string, JsonSchema][] = [];
  const required: string[] = [];
  for (const property of node.properties) {
    if (context.direction === 'request' && property.access === 'read-only') entries.push([property.name, false]);
    else if (context.direction === 'response' && property.access === 'write-only') entries.push([property.name, true]);
    else {
      const lowered = lowerSchema(property.schema, context);
      if (typeof lowered === 'object' && property.origin !== undefined) context.keyOf.set(lowered, property.origin);
      entries.push([property.name, lowered]);
      if (property.required) required.push(property.name);
    }
  }
  required.push(...node.extraRequired);
  // Object.fromEntries defines own properties, so a property named `__proto__` stays a property.
  const schema: Record<string, unknown> = node.untyped ? {} : { type: 'object' };
  if (entries.length > 0) schema.properties = Object.fromEntries(entries);
  if (required.length > 0) schema.required = required;
  // `additionalProperties: true` checks nothing, but it evaluates every property: `unevaluatedProperties` then has none left (§11.3).
  if (typeof node.additional === 'boolean') schema.additionalProperties = node.additional;
  else if (typeof node.additional === 'object') schema.additionalProperties = lowerSchema(node.additional, context);
  return { ...schema, ...constraints(node.meta, 'object', context) };
}

/** `allOf` as is; `oneOf`/`anyOf` with a discriminator: each branch pinned to its tag values by `const`/`enum`. */
function lowerComposition(node: Extract<SchemaNode, { kind: 'composition' }>, context: LowerContext): JsonSchema {
  const tags = new Map(node.discriminator?.tags.map((tag) => [tag.member, tag.values]) ?? []);
  const members = node.members.map((member, index) => {
    const lowered = lowerSchema(member, context);
    const values = tags.get(index);
    if (values === undefined || node.discriminator === undefined) return lowered;
    const tag = values.length === 1 ? { const: values[0] } : { enum: values };
    const pin = {
      type: 'object',
      properties: Object.fromEntries([[node.discriminator.propertyName, tag]]),
      required: [node.discriminator.propertyName],
    };
    return { allOf: [lowered, pin] };
  });
  // A folded schema shares its meta with its own-keywords member, which already carries the constraints.
  const shared = node.members.some((member) => member.meta === node.meta);
  return { [node.mode]: members, ...(shared ? {} : constraints(node.meta, undefined, context)) };
}

/**
 * The subschema keywords beside the schema's own: single ones as they are, keyed ones (`patternProperties`,
 * `dependentSchemas`) as maps. `if` without `then` or `else`, and `then`/`else` without `if`, assert nothing
 * (JSON Schema 2020-12 §10.2.2.1-3), so they are left out rather than given to AJV, which refuses them.
 */
function withAssertions(schema: JsonSchema, meta: SchemaMeta, context: LowerContext): JsonSchema {
  if (meta.assertions.length === 0 || schema === false) return schema;
  const present = new Set(meta.assertions.map((assertion) => assertion.keyword));
  const conditional = present.has('if') && (present.has('then') || present.has('else'));
  const added: Record<string, unknown> = {};
  for (const { keyword, key, schema: sub } of meta.assertions) {
    if ((keyword === 'if' || keyword === 'then' || keyword === 'else') && !conditional) continue;
    // A key no JavaScript regular expression can be made of is left unchecked, with the warning `pattern` gets.
    if (keyword === 'patternProperties' && key !== undefined && !compiles(key)) {
      context.notes.push({ reason: 'invalid-pattern', value: key, origin: meta.origin });
      continue;
    }
    const lowered = lowerSchema(sub, context);
    if (key === undefined) added[keyword] = lowered;
    else
      added[keyword] = Object.assign((added[keyword] as Record<string, unknown> | undefined) ?? {}, Object.fromEntries([[key, lowered]]));
  }
  if (Object.keys(added).length === 0) return schema;
  return { ...(schema === true ? {} : schema), ...added };
}

const nonEmpty = (schema: Record<string, unknown>): JsonSchema => (Object.keys(schema).length === 0 ? true : schema);
