import type { SchemaNode } from '../../ir/types.js';
import { constraints } from './lower-constraints.js';
import type { JsonSchema, LowerContext } from './lower-schema.js';

/** `enum`/`const` as written (with `type` and the other keywords beside them), or the values the type lists. */
export function lowerLiteral(node: Extract<SchemaNode, { kind: 'literal' }>, context: LowerContext): JsonSchema {
  const { written } = node;
  const own = constraints(node.meta, undefined, context);
  // An empty `enum` allows nothing (JSON Schema 2020-12 §6.1.2); AJV refuses to compile one.
  if ((written?.enum ?? node.values).length === 0 && written?.const === undefined) return false;
  if (written === undefined) return { ...(node.values.length === 1 ? { const: node.values[0] } : { enum: node.values }), ...own };
  // A `type` that every listed value meets adds nothing to the list: left out, the check stays one lookup.
  const listed = written.enum ?? (written.const === undefined ? [] : [written.const.value]);
  const typeNeeded = written.type !== undefined && !listed.every((value) => meetsType(value, written.type));
  return {
    ...(typeNeeded ? { type: written.type } : {}),
    ...(written.enum === undefined ? {} : { enum: written.enum }),
    ...(written.const === undefined ? {} : { const: written.const.value }),
    ...own,
  };
}

/** Whether a JSON value is of the type (or one of the types) written; an integer is also a number. */
function meetsType(value: unknown, type: unknown): boolean {
  const types = Array.isArray(type) ? type : [type];
  const kind = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  if (kind === 'number') return types.includes('number') || (types.includes('integer') && Number.isInteger(value));
  return types.includes(kind);
}

/** 3.0 `nullable` / 3.1 `type: [T, "null"]`: `null` joins the allowed values. */
export function allowNull(schema: JsonSchema): JsonSchema {
  if (schema === true) return true;
  if (schema === false) return { type: 'null' };
  if (Array.isArray(schema.enum) || 'const' in schema) {
    const { const: value, enum: values, ...rest } = schema;
    const listed = Array.isArray(values) ? values : [value];
    const types = rest.type === undefined ? undefined : Array.isArray(rest.type) ? rest.type : [rest.type];
    const type = types === undefined ? {} : { type: types.includes('null') ? types : [...types, 'null'] };
    return { ...rest, ...type, enum: listed.includes(null) ? listed : [...listed, null] };
  }
  if (typeof schema.type === 'string' && !('$ref' in schema)) return { ...schema, type: [schema.type, 'null'] };
  return { anyOf: [schema, { type: 'null' }] };
}
