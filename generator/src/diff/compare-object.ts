import { createMeta } from '../ir/parse-meta.js';
import type { ObjectNode, PropertyNode, SchemaNode } from '../ir/types.js';
import { placeOf } from './change-log.js';
import { descend, propertyStep, report, type PlacePair, type SchemaContext } from './compare-context.js';
import { compareSchema } from './compare-schema.js';

/**
 * Properties are compared by name. A `readOnly` property is not part of a request, nor a `writeOnly` one of
 * a response (OpenAPI 3.1 §4.8.24.4), so a property that only changes its access is added or removed in
 * the direction it enters or leaves. Each change is named by the property's payload path.
 */
export function compareObjects(context: SchemaContext, old: ObjectNode, next: ObjectNode, at: PlacePair): void {
  const skipped = context.direction === 'request' ? 'read-only' : 'write-only';
  const inDirection = (node: ObjectNode) =>
    new Map(node.properties.filter((property) => property.access !== skipped).map((property) => [property.name, property]));
  const before = inDirection(old);
  const after = inDirection(next);
  for (const [name, property] of after) {
    const was = before.get(name);
    const place = placeOf(property.origin, at.new);
    const inner = descend(context, propertyStep(name));
    if (was === undefined) {
      report(inner, {
        check: property.required ? 'property-required-added' : 'property-added',
        message: `property ${JSON.stringify(name)}`,
        old: at.old,
        new: place,
      });
      continue;
    }
    const pair = { old: placeOf(was.origin, at.old), new: place };
    if (was.required !== property.required)
      // The change is in the object's `required` list (JSON Schema 2020-12 §6.5.3), not at the property.
      report(inner, {
        check: property.required ? 'property-became-required' : 'property-became-optional',
        message: `property ${JSON.stringify(name)}`,
        keyword: 'required',
        values: { old: was.required, new: property.required },
        ...at,
      });
    compareSchema(inner, was.schema, property.schema, pair);
  }
  for (const [name, property] of before) {
    if (after.has(name)) continue;
    report(descend(context, propertyStep(name)), {
      check: removalCheck(property, next),
      message: `property ${JSON.stringify(name)}`,
      old: placeOf(property.origin, at.old),
      new: at.new,
    });
  }
  compareExtraRequired(context, old, next, at);
  compareAdditional(context, old, next, at);
}

/** Names `required` lists without declaring them (`if: {required: [x]}`): each one more accepts less. */
function compareExtraRequired(context: SchemaContext, old: ObjectNode, next: ObjectNode, at: PlacePair): void {
  const declared = (node: ObjectNode) => new Set(node.properties.map((property) => property.name));
  const [was, now] = [new Set(old.extraRequired), new Set(next.extraRequired)];
  const [hadProperty, hasProperty] = [declared(old), declared(next)];
  for (const name of now)
    if (!was.has(name) && !hadProperty.has(name))
      report(descend(context, propertyStep(name)), {
        check: 'property-became-required',
        message: `property ${JSON.stringify(name)}`,
        keyword: 'required',
        values: { old: false, new: true },
        ...at,
      });
  for (const name of was)
    if (!now.has(name) && !hasProperty.has(name))
      report(descend(context, propertyStep(name)), {
        check: 'property-became-optional',
        message: `property ${JSON.stringify(name)}`,
        keyword: 'required',
        values: { old: true, new: false },
        ...at,
      });
}

function removalCheck(property: PropertyNode, next: ObjectNode) {
  if (next.additional === false) return 'closed-property-removed';
  return property.required ? 'required-property-removed' : 'property-removed';
}

function compareAdditional(context: SchemaContext, old: ObjectNode, next: ObjectNode, at: PlacePair): void {
  const closed = (node: ObjectNode) => node.additional === false;
  if (closed(old) !== closed(next)) {
    report(context, {
      check: closed(next) ? 'additional-properties-closed' : 'additional-properties-opened',
      message: 'additionalProperties',
      keyword: 'additionalProperties',
      values: { old: !closed(old), new: !closed(next) },
      ...at,
    });
    return;
  }
  if (closed(old)) return;
  // Open (absent or `true`) accepts any value: a schema there is read against `{}` (§10.3.2.3).
  const valueOf = (node: ObjectNode): SchemaNode =>
    typeof node.additional === 'object' ? node.additional : { kind: 'unknown', meta: createMeta() };
  if (typeof old.additional === 'object' || typeof next.additional === 'object')
    compareSchema(descend(context, '.*'), valueOf(old), valueOf(next), at);
}
