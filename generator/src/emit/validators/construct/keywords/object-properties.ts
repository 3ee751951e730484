import { js, property } from '../code.js';
import type { KeywordFamily, SchemaContext } from '../schema-context.js';
import { inheritedName, presentCode, propertyHint } from './own-property.js';

/**
 * `properties` (applicator §10.3.2.1) and `dependentSchemas` (§10.2.2.4): a subschema applies to an own
 * property when present. A property's value is read once into a local; for a name Object.prototype answers
 * to, only after `hasOwnProperty` said it is there.
 */
export const propertiesFamily: KeywordFamily = {
  instanceType: 'object',
  keywords: ['properties', 'dependentSchemas'],
  emit(context: SchemaContext) {
    const { schema, data, scope, compiler } = context;
    for (const [name, subschema] of Object.entries((schema.properties ?? {}) as Record<string, unknown>)) {
      if (alwaysValid(subschema)) continue;
      const local = scope.names.local(propertyHint(name));
      const child = { schema: subschema, tokens: ['properties', name], data: local, step: { fixed: name } };
      if (inheritedName(name))
        context.block.if(presentCode(context, data, name), (body) => {
          body.line(js`const ${local} = ${property(data, name)}`);
          compiler.inline(context, { ...child, block: body });
        });
      else {
        context.block.line(js`const ${local} = ${property(data, name)}`);
        context.block.if(js`${local} !== undefined`, (body) => compiler.inline(context, { ...child, block: body }));
      }
    }
    for (const [name, subschema] of Object.entries((schema.dependentSchemas ?? {}) as Record<string, unknown>)) {
      if (alwaysValid(subschema)) continue;
      context.block.if(presentCode(context, data, name), (body) =>
        compiler.inline(context, { schema: subschema, tokens: ['dependentSchemas', name], block: body }),
      );
    }
  },
};

/** `true` or `{}`: a subschema that allows every value, which AJV skips too (its `alwaysValidSchema`). */
export function alwaysValid(schema: unknown): boolean {
  return schema === true || (schema !== null && typeof schema === 'object' && Object.keys(schema).length === 0);
}
