import { js, literal } from '../code.js';
import { failWhen, type KeywordFamily, type SchemaContext } from '../schema-context.js';
import { alwaysValid } from './object-properties.js';

/**
 * `prefixItems` (applicator §10.3.1.1: the item at each position, when the array is that long) and
 * `items` (§10.3.1.2: every item after them; `false` then limits the length, reported as AJV does with
 * `{ limit }`), then `maxItems`/`minItems` (validation §6.4.1-2).
 */
export const arrayItemsFamily: KeywordFamily = {
  instanceType: 'array',
  keywords: ['prefixItems', 'items', 'maxItems', 'minItems'],
  emit(context: SchemaContext) {
    const { schema, data, scope, compiler } = context;
    const prefix = (schema.prefixItems ?? []) as unknown[];
    prefix.forEach((subschema, position) => {
      if (alwaysValid(subschema)) return;
      context.block.if(js`${data}.length > ${literal(position)}`, (body) => {
        const item = scope.names.local('item');
        body.line(js`const ${item} = ${data}[${literal(position)}]`);
        compiler.inline(context, {
          schema: subschema,
          tokens: ['prefixItems', String(position)],
          data: item,
          step: { fixed: String(position) },
          block: body,
        });
      });
    });
    const items = schema.items;
    if (items === false && prefix.length > 0)
      failWhen(context, js`${data}.length > ${literal(prefix.length)}`, {
        keyword: 'items',
        params: js`{ limit: ${literal(prefix.length)} }`,
      });
    else if (items !== undefined && !alwaysValid(items)) {
      const index = scope.names.local('index');
      context.block.forRange(index, literal(prefix.length), data, (body) => {
        const item = scope.names.local('item');
        body.line(js`const ${item} = ${data}[${index}]`);
        compiler.inline(context, { schema: items, tokens: ['items'], data: item, step: { index }, block: body });
      });
    }
    for (const [keyword, fails] of [
      ['maxItems', '>'],
      ['minItems', '<'],
    ] as const) {
      const limit = schema[keyword];
      if (typeof limit !== 'number') continue;
      const condition = fails === '>' ? js`${data}.length > ${literal(limit)}` : js`${data}.length < ${literal(limit)}`;
      failWhen(context, condition, { keyword, params: js`{ limit: ${literal(limit)} }` });
    }
  },
};
