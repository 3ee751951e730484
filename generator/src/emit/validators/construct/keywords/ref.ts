import { js, literal } from '../code.js';
import { placedFunction } from '../module-scope.js';
import { functionHint, refTokens, schemaPathOf, valueAtTokens } from '../pointers.js';
import { failQuietly, nestedPathCode, type KeywordFamily, type SchemaContext } from '../schema-context.js';
import { annotationKeywords } from '../subschemas.js';

/**
 * `$ref` (core §8.2.3.1) to a place in the document: the target is a function of its own, made once and
 * called from every reference to it, so recursion is a function calling itself. Its issues name its own
 * schema path (`#/$defs/Owner/...`), as AJV's do for a named schema it calls. A small leaf target (an
 * enum, a string with a length: smallLeaf) is checked in place instead, with the same schema path: the
 * call cost more than the check, and the engine stops inlining calls into a large function early.
 */
export const refFamily: KeywordFamily = {
  keywords: ['$ref'],
  emit(context: SchemaContext) {
    const ref = context.schema.$ref;
    if (typeof ref !== 'string') return;
    const tokens = refTokens(ref);
    const target = tokens === undefined ? undefined : valueAtTokens(context.module.document, tokens);
    if (tokens === undefined || target === undefined) throw new Error(`$ref ${ref} is not covered (coverage.ts says so first)`);
    const schemaPath = schemaPathOf(tokens);
    if (smallLeaf(target)) {
      const name = context.module.constant(`schema path ${tokens.at(-1) ?? 'root'}`, literal(schemaPath));
      const base = { name, known: schemaPath, used: false };
      return context.compiler.inlineSchema({ ...context, schema: target, schemaPath: { base, rest: '' } });
    }
    const check = context.module.functionFor(placedFunction({ schema: target, schemaPath, hint: functionHint(tokens) }));
    const { errors } = context.scope;
    context.block.if(js`!${check}(${context.data}, ${errors}, ${nestedPathCode(context)})`, (body) => failQuietly(context, body));
  },
};

/** The assertions a small leaf may make: on the value itself, none with a subschema. */
const leafAssertions = new Set(['type', 'enum', 'const', 'format', 'minLength', 'maxLength', 'pattern', 'minimum', 'maximum']);

/** A schema of one or two assertions from leafAssertions and annotations besides: checked in place of a call. */
function smallLeaf(schema: unknown): schema is Record<string, unknown> {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return false;
  const keywords = Object.keys(schema).filter((keyword) => !annotationKeywords.has(keyword));
  return keywords.length >= 1 && keywords.length <= 2 && keywords.every((keyword) => leafAssertions.has(keyword));
}
