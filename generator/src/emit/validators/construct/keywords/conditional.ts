import { js, literal, type Name } from '../code.js';
import { failWhen, nestedPathCode, type KeywordFamily, type SchemaContext } from '../schema-context.js';

/**
 * `if`/`then`/`else` (applicator §10.2.2.1-3): `if` decides which of the other two applies, and only its
 * verdict counts (stop mode, no issues). A failing `then` or `else` reports its own issues and one `if`
 * issue naming it (`{ failingKeyword }`), as AJV does. `if` alone, or `then`/`else` alone, asserts nothing.
 */
export const conditionalFamily: KeywordFamily = {
  keywords: ['if', 'then', 'else'],
  emit(context: SchemaContext) {
    const { schema, compiler } = context;
    if (schema.if === undefined || (schema.then === undefined && schema.else === undefined)) return;
    const condition = compiler.branch(context, { schema: schema.if, tokens: ['if'] });
    const then = schema.then === undefined ? undefined : compiler.branch(context, { schema: schema.then, tokens: ['then'] });
    const otherwise = schema.else === undefined ? undefined : compiler.branch(context, { schema: schema.else, tokens: ['else'] });
    const clause = (check: Name | undefined, keyword: 'then' | 'else') => (body: typeof context.block) => {
      if (check === undefined) return;
      const inner = { ...context, block: body };
      failWhen(inner, js`!${check}(${context.data}, ${context.scope.errors}, ${nestedPathCode(context)})`, {
        keyword: 'if',
        params: js`{ failingKeyword: ${literal(keyword)} }`,
      });
    };
    if (condition === undefined) {
      // An `if` that allows every value always takes `then`.
      clause(then, 'then')(context.block);
      return;
    }
    const holds = js`${condition}(${context.data}, undefined, "")`;
    if (otherwise === undefined) context.block.if(holds, clause(then, 'then'));
    else if (then === undefined) context.block.if(js`!${holds}`, clause(otherwise, 'else'));
    else context.block.if(holds, clause(then, 'then'), clause(otherwise, 'else'));
  },
};
