import { js, literal, type Code } from '../code.js';
import { failWhen, pathCode, type KeywordFamily, type SchemaContext } from '../schema-context.js';
import { callCheck } from '../schema-places.js';

/**
 * `contains` with `minContains`/`maxContains` (applicator §10.3.1.3, validation §6.4.4-5): how many items
 * the subschema accepts. The walk stops as AJV's does (at the minimum when there is no maximum, past the
 * maximum otherwise), and on failure the issues of the items it rejected come before the `contains` one.
 */
export const containsFamily: KeywordFamily = {
  instanceType: 'array',
  keywords: ['contains', 'minContains', 'maxContains'],
  emit(context: SchemaContext) {
    const { schema, data, scope } = context;
    if (schema.contains === undefined) return;
    const min = typeof schema.minContains === 'number' ? schema.minContains : 1;
    const max = typeof schema.maxContains === 'number' ? schema.maxContains : undefined;
    const params =
      max === undefined ? js`{ minContains: ${literal(min)} }` : js`{ minContains: ${literal(min)}, maxContains: ${literal(max)} }`;
    // §6.4.5: `minContains: 0` alone lets every array pass.
    if (max === undefined && min === 0) return;
    if (max !== undefined && min > max) return failWhen(context, js`true`, { keyword: 'contains', params });
    const check = context.compiler.branch(context, { schema: schema.contains, tokens: ['contains'] });
    if (check === undefined) return failWhen(context, js`!(${within(js`${data}.length`, min, max)})`, { keyword: 'contains', params });
    const [count, index, itemErrors] = [scope.names.local('count'), scope.names.local('index'), scope.names.local('itemErrors')];
    context.block.line(js`let ${count} = 0`);
    context.block.line(js`const ${itemErrors} = ${scope.errors} && []`);
    context.block.forRange(index, literal(0), data, (body) => {
      const itemPath = js`${scope.errors} && ${pathCode({ ...context, path: { ...context.path, steps: [...context.path.steps, { index }] } })}`;
      body.if(callCheck(check, { value: js`${data}[${index}]`, errors: itemErrors, path: itemPath }), (passed) => {
        passed.line(js`${count}++`);
        const done = max === undefined ? js`${count} >= ${literal(min)}` : js`${count} > ${literal(max)}`;
        passed.if(done, (stop) => stop.line(js`break`));
      });
    });
    failWhen(context, js`!(${within(count, min, max)})`, { keyword: 'contains', params }, itemErrors);
  },
};

function within(count: Code, min: number, max: number | undefined): Code {
  const atLeast = js`${count} >= ${literal(min)}`;
  return max === undefined ? atLeast : js`${atLeast} && ${count} <= ${literal(max)}`;
}
