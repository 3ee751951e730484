import { js } from '../code.js';
import { placedFunction } from '../module-scope.js';
import { functionHint, refTokens, schemaPathOf, valueAtTokens } from '../pointers.js';
import { failQuietly, nestedPathCode, type KeywordFamily, type SchemaContext } from '../schema-context.js';

/**
 * `$ref` (core §8.2.3.1) to a place in the document: the target is a function of its own, made once and
 * called from every reference to it, so recursion is a function calling itself. Its issues name its own
 * schema path (`#/$defs/Owner/...`), as AJV's do for a named schema it calls.
 */
export const refFamily: KeywordFamily = {
  keywords: ['$ref'],
  emit(context: SchemaContext) {
    const ref = context.schema.$ref;
    if (typeof ref !== 'string') return;
    const tokens = refTokens(ref);
    const target = tokens === undefined ? undefined : valueAtTokens(context.module.document, tokens);
    if (tokens === undefined || target === undefined) throw new Error(`$ref ${ref} is not covered (coverage.ts says so first)`);
    const check = context.module.functionFor(
      placedFunction({ schema: target, schemaPath: schemaPathOf(tokens), hint: functionHint(tokens) }),
    );
    const { errors } = context.scope;
    context.block.if(js`!${check}(${context.data}, ${errors}, ${nestedPathCode(context)})`, (body) => failQuietly(context, body));
  },
};
