import { js, literal, type Code } from '../code.js';
import { failWhen, type KeywordFamily, type SchemaContext } from '../schema-context.js';
import { emitFormat, formatTypes } from './string.js';

/** The limits of validation §6.2.2-5, each with the comparison that fails and the one AJV names. */
const limits = [
  { keyword: 'maximum', fails: (data: Code, limit: Code) => js`${data} > ${limit}`, comparison: '<=' },
  { keyword: 'minimum', fails: (data: Code, limit: Code) => js`${data} < ${limit}`, comparison: '>=' },
  { keyword: 'exclusiveMaximum', fails: (data: Code, limit: Code) => js`${data} >= ${limit}`, comparison: '<' },
  { keyword: 'exclusiveMinimum', fails: (data: Code, limit: Code) => js`${data} <= ${limit}`, comparison: '>' },
] as const;

/**
 * `minimum`, `maximum`, their exclusive forms, `multipleOf` (§6.2.1: the quotient is an integer, as AJV
 * computes it in binary floating point) and the number formats (`int32`, `int64`, `float`, `double`).
 */
export const numberFamily: KeywordFamily = {
  instanceType: 'number',
  keywords: ['maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum', 'multipleOf', 'format'],
  emit(context: SchemaContext) {
    const { schema, data } = context;
    for (const { keyword, fails, comparison } of limits) {
      const value = schema[keyword];
      if (typeof value !== 'number') continue;
      const limit = literal(value);
      failWhen(context, fails(data, limit), { keyword, params: js`{ comparison: ${literal(comparison)}, limit: ${limit} }` });
    }
    if (typeof schema.multipleOf === 'number') {
      const divisor = literal(schema.multipleOf);
      failWhen(context, js`!Number.isInteger(${data} / ${divisor})`, { keyword: 'multipleOf', params: js`{ multipleOf: ${divisor} }` });
    }
    if (typeof schema.format === 'string' && formatTypes(context).get(schema.format) === 'number') emitFormat(context, schema.format);
  },
};
