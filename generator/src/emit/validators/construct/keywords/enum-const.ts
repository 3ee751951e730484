import { joinCode, js, literal, longLiteral, pure, type Code } from '../code.js';
import { failWhen, oneParameterIssue, type KeywordFamily, type SchemaContext } from '../schema-context.js';

/** From this many values on, one `Set#has` beats a chain of `===` (a 32-value enum: 7 ns against 16 ns a call). */
const setThreshold = 9;

const isPrimitive = (value: unknown) => value === null || typeof value !== 'object';

/** Whether the value equals `allowed` as JSON Schema compares instances (§4.2.2): structure, not identity. */
function equalsCode(context: SchemaContext, allowed: unknown, reference: Code): Code {
  if (isPrimitive(allowed)) return js`${context.data} === ${reference}`;
  return js`${context.module.runtime('equal')}(${context.data}, ${reference})`;
}

/**
 * `enum` (validation §6.1.2) and `const` (§6.1.3). Primitive values compare with `===`; arrays and objects
 * with the runtime's deep `equal`, which reads own keys only. A long list of primitives is a module `Set`.
 * The list an issue names is a module constant, written once however many places can fail.
 */
export const enumConstFamily: KeywordFamily = {
  keywords: ['enum', 'const'],
  emit(context: SchemaContext) {
    const { schema, module, data } = context;
    if (Array.isArray(schema.enum)) {
      const values = schema.enum as unknown[];
      const list = module.constant('allowedValues', pure(js`Object.freeze(${longLiteral(values)})`));
      let accepted: Code;
      if (values.length === 0) accepted = js`false`;
      else if (values.length >= setThreshold && values.every(isPrimitive))
        accepted = js`${module.constant('allowedSet', pure(js`new Set(${list})`))}.has(${data})`;
      else
        accepted = joinCode(
          values.map((value, index) => equalsCode(context, value, isPrimitive(value) ? literal(value) : js`${list}[${literal(index)}]`)),
          ' || ',
        );
      failWhen(context, js`!(${accepted})`, oneParameterIssue('enum', 'allowedValues', list));
    }
    if ('const' in schema) {
      const value = schema.const;
      const reference = isPrimitive(value)
        ? literal(value)
        : module.constant('allowedValue', pure(js`Object.freeze(${longLiteral(value)})`));
      failWhen(context, js`!(${equalsCode(context, value, reference)})`, { keyword: 'const', params: js`{ allowedValue: ${reference} }` });
    }
  },
};
