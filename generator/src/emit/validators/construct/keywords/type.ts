import { joinCode, js, literal, type Code } from '../code.js';
import { failWhen, oneParameterIssue, type Issue, type KeywordFamily, type SchemaContext } from '../schema-context.js';

/**
 * The JSON type of a value as JSON Schema 2020-12 names it (validation §6.1.1). `number` and `integer`
 * require a finite number, as AJV's `strictNumbers` does: NaN and Infinity are not JSON.
 */
export function typeCondition(type: string, data: Code): Code {
  switch (type) {
    case 'string':
      return js`typeof ${data} === "string"`;
    case 'number':
      return js`Number.isFinite(${data})`;
    case 'integer':
      return js`Number.isInteger(${data})`;
    case 'boolean':
      return js`typeof ${data} === "boolean"`;
    case 'null':
      return js`${data} === null`;
    case 'object':
      return js`${data} !== null && typeof ${data} === "object" && !Array.isArray(${data})`;
    case 'array':
      return js`Array.isArray(${data})`;
    default:
      throw new Error(`not a JSON Schema type: ${type}`);
  }
}

/** The guard of the keywords of one instance type (§7.6.1): numbers include integers. */
export function instanceCondition(type: 'string' | 'number' | 'object' | 'array', data: Code): Code {
  return type === 'number' ? js`typeof ${data} === "number"` : typeCondition(type, data);
}

/** `type`, one name or a list (§6.1.1); the issue names the type as written (AJV's `{ type }`). */
export const typeFamily: KeywordFamily = {
  keywords: ['type'],
  emit(context: SchemaContext) {
    const written = context.schema.type;
    if (written === undefined) return;
    const types = Array.isArray(written) ? (written as string[]) : [written as string];
    // `integer` is implied by `number` in a list: one check less.
    const checked = types.filter((type) => !(type === 'integer' && types.includes('number')));
    const accepted = joinCode(
      checked.map((type) => typeCondition(type, context.data)),
      ' || ',
    );
    failWhen(context, js`!(${accepted})`, typeIssue(written));
  },
};

/** The issue of `type`, naming the type as written. */
export const typeIssue = (written: unknown): Issue => oneParameterIssue('type', 'type', literal(written));
