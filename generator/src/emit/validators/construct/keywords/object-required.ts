import { js, literal } from '../code.js';
import { failWhen, oneParameterIssue, type KeywordFamily, type SchemaContext } from '../schema-context.js';
import { absentCode, presentCode } from './own-property.js';

/**
 * `required` (validation §6.5.3) and `dependentRequired` (§6.5.4): each missing own property is one issue,
 * at the object's path, as AJV reports them in all-errors mode (api.js appends the property to the path).
 */
export const requiredFamily: KeywordFamily = {
  instanceType: 'object',
  keywords: ['required', 'dependentRequired'],
  emit(context: SchemaContext) {
    const { schema, data } = context;
    for (const name of (schema.required as string[] | undefined) ?? [])
      failWhen(context, absentCode(context, data, name), oneParameterIssue('required', 'missingProperty', literal(name)));
    const dependent = (schema.dependentRequired ?? {}) as Record<string, string[]>;
    for (const [property, needed] of Object.entries(dependent)) {
      if (needed.length === 0) continue;
      context.block.if(presentCode(context, data, property), (body) => {
        for (const name of needed)
          failWhen({ ...context, block: body }, absentCode(context, data, name), {
            keyword: 'dependentRequired',
            params: js`{ property: ${literal(property)}, missingProperty: ${literal(name)}, depsCount: ${literal(needed.length)}, deps: ${literal(needed.join(', '))} }`,
          });
      });
    }
  },
};
