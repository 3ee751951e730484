import type { ParseContext } from './context.js';
import { parseSchema } from './parse-schema.js';
import type { Access, ObjectNode, PropertyNode, SchemaMeta, SchemaNode } from './types.js';

type Json = Record<string, unknown>;

/** An object schema: properties in spec order, `required`, `additionalProperties`, per-property access. */
export function parseObject(schema: Json, meta: SchemaMeta, context: ParseContext, untyped = false): ObjectNode {
  const required = new Set(Array.isArray(schema.required) ? schema.required.filter((name) => typeof name === 'string') : []);
  const rawProperties = isObject(schema.properties) ? schema.properties : {};
  const properties = Object.keys(rawProperties).map((name) => {
    const raw = rawProperties[name];
    const property: PropertyNode = {
      name,
      required: required.has(name),
      access: accessOf(raw, context),
      schema: parseSchema(raw, context),
    };
    const origin = context.keySourceOf(rawProperties, name);
    if (origin !== undefined) property.origin = origin;
    return property;
  });
  const extraRequired = [...required].filter((name) => !Object.hasOwn(rawProperties, name));
  return { kind: 'object', properties, additional: parseAdditional(schema.additionalProperties, context), extraRequired, untyped, meta };
}

function parseAdditional(raw: unknown, context: ParseContext): SchemaNode | boolean | undefined {
  if (raw === undefined || typeof raw === 'boolean') return raw;
  if (isObject(raw) && Object.keys(raw).length === 0) return true;
  return parseSchema(raw, context);
}

/** readOnly/writeOnly on the property, or on the schema its `$ref` names (OpenAPI 3.0 §4.7.24.1). */
function accessOf(raw: unknown, context: ParseContext): Access {
  const own = flags(raw);
  if (own !== 'both') return own;
  return flags(context.resolver.deref(raw));
}

function flags(raw: unknown): Access {
  if (!isObject(raw)) return 'both';
  if (raw.readOnly === true && raw.writeOnly !== true) return 'read-only';
  if (raw.writeOnly === true && raw.readOnly !== true) return 'write-only';
  return 'both';
}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
