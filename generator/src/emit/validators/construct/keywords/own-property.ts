import { js, literal, property, type Code } from '../code.js';
import type { SchemaContext } from '../schema-context.js';

/**
 * Whether reading `name` on a plain object can find an inherited member: `constructor`, `toString`,
 * `hasOwnProperty`, `__proto__` and the rest of Object.prototype.
 */
export const inheritedName = (name: string): boolean => name in Object.prototype;

/**
 * Whether `object` has the property `name` of its own (JSON Schema 2020-12 §4.2.1: an object instance is
 * its own members; issue #25 point 5). A JSON value's object inherits only from Object.prototype, so for
 * any other name `!== undefined` decides it without a call; for the names Object.prototype answers to,
 * `hasOwnProperty` does.
 */
export function presentCode(context: SchemaContext, object: Code, name: string): Code {
  if (!inheritedName(name)) return js`${property(object, name)} !== undefined`;
  const hasOwn = context.module.constant('hasOwn', js`Object.prototype.hasOwnProperty`);
  return js`${hasOwn}.call(${object}, ${literal(name)})`;
}

/** The negation of presentCode, written as a reader would: `value.name === undefined`. */
export function absentCode(context: SchemaContext, object: Code, name: string): Code {
  if (!inheritedName(name)) return js`${property(object, name)} === undefined`;
  return js`!${presentCode(context, object, name)}`;
}

/** A local's hint from a property name: the name itself when it reads as one (`firstName`), else `property`. */
export const propertyHint = (name: string) => (/^[A-Za-z][A-Za-z0-9]{0,30}$/.test(name) ? name : 'property');
