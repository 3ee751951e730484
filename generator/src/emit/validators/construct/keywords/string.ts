import { js, literal } from '../code.js';
import { formatBinding } from '../../format-binding.js';
import { regExpCode } from '../module-scope.js';
import { failWhen, oneParameterIssue, type KeywordFamily, type SchemaContext } from '../schema-context.js';

/**
 * `minLength`, `maxLength` (validation §6.3.1-2: characters, i.e. code points), `pattern` (§6.3.3:
 * ECMA-262 with the `u` flag, unanchored) and `format` on strings (§7, asserted for the formats the
 * runtime defines). A string has at most as many code points as UTF-16 units and at least half as many,
 * so the runtime's `ucs2length` walks the string only when the unit count cannot decide.
 */
export const stringFamily: KeywordFamily = {
  instanceType: 'string',
  keywords: ['minLength', 'maxLength', 'pattern', 'format'],
  emit(context: SchemaContext) {
    const { schema, data, module } = context;
    if (typeof schema.maxLength === 'number') {
      const limit = literal(schema.maxLength);
      const count = module.runtime('ucs2length');
      failWhen(context, js`${data}.length > ${limit} && ${count}(${data}) > ${limit}`, {
        keyword: 'maxLength',
        params: js`{ limit: ${limit} }`,
      });
    }
    if (typeof schema.minLength === 'number') {
      const limit = literal(schema.minLength);
      const count = module.runtime('ucs2length');
      const twice = literal(schema.minLength * 2);
      failWhen(context, js`${data}.length < ${limit} || (${data}.length < ${twice} && ${count}(${data}) < ${limit})`, {
        keyword: 'minLength',
        params: js`{ limit: ${limit} }`,
      });
    }
    if (typeof schema.pattern === 'string') {
      const pattern = module.constant('pattern', regExpCode(schema.pattern));
      failWhen(context, js`!${pattern}.test(${data})`, { keyword: 'pattern', params: js`{ pattern: ${literal(schema.pattern)} }` });
    }
    if (typeof schema.format === 'string' && formatTypes(context).get(schema.format) === 'string') emitFormat(context, schema.format);
  },
};

/** The formats the runtime checks, with the JSON type each applies to (given by the caller, as to AJV). */
export const formatTypes = (context: SchemaContext) => context.module.formats;

/** `format` through the runtime's own export for it (`formatDate`), so a bundler keeps only the formats used. */
export function emitFormat(context: SchemaContext, format: string): void {
  const check = context.module.runtime(formatBinding(format));
  failWhen(context, js`!${check}.validate(${context.data})`, oneParameterIssue('format', 'format', literal(format)));
}
