import { js, literal } from '../code.js';
import { failWhen, nestedPathCode, type KeywordFamily, type SchemaContext } from '../schema-context.js';
import { callCheck, type Check } from '../schema-places.js';

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
    const clause = (check: Check | undefined, keyword: 'then' | 'else') => (body: typeof context.block) => {
      if (check === undefined) return;
      const inner = { ...context, block: body };
      const passes = callCheck(check, { value: context.data, errors: context.scope.errors, path: nestedPathCode(context) });
      failWhen(inner, js`!${passes}`, {
        keyword: 'if',
        params: js`{ failingKeyword: ${literal(keyword)} }`,
      });
    };
    if (condition === undefined) {
      // An `if` that allows every value always takes `then`.
      clause(then, 'then')(context.block);
      return;
    }
    const holds = callCheck(condition, { value: context.data });
    if (otherwise === undefined) context.block.if(holds, clause(then, 'then'));
    else if (then === undefined) context.block.if(js`!${holds}`, clause(otherwise, 'else'));
    else context.block.if(holds, clause(then, 'then'), clause(otherwise, 'else'));
  },
};
