import { joinCode, js, type Code } from '../code.js';
import { reportIssue, type KeywordFamily, type SchemaContext } from '../schema-context.js';
import { typeCondition } from './type.js';

/**
 * `uniqueItems` (validation §6.4.3): no two items equal as JSON values, compared with the runtime's deep
 * `equal`. The first pair found from the end is the issue (`{ i, j }`), as AJV reports it. When `items`
 * names only primitive types, AJV compares only the items of those types (a wrongly typed item is already
 * an issue of `items`); the same items are compared here, so both report the same issues.
 */
export const uniqueItemsFamily: KeywordFamily = {
  instanceType: 'array',
  keywords: ['uniqueItems'],
  emit(context: SchemaContext) {
    const { schema, data, scope, module } = context;
    if (schema.uniqueItems !== true) return;
    const equal = module.runtime('equal');
    const [later, earlier, outer] = [scope.names.local('i'), scope.names.local('j'), scope.names.local('outer')];
    const compared = comparedTypes(schema.items);
    context.block.labelled(outer, js`for (let ${later} = ${data}.length; ${later}-- > 1; )`, (body) => {
      if (compared !== undefined) body.if(js`!${typeTest(compared, js`${data}[${later}]`)}`, (skip) => skip.line(js`continue`));
      body.for(js`let ${earlier} = ${later}; ${earlier}--; `, (inner) => {
        // An item equal to one of the compared types is of that type: skipping the later item is enough.
        inner.if(js`${equal}(${data}[${later}], ${data}[${earlier}])`, (found) => {
          reportIssue({ ...context, block: found }, found, { keyword: 'uniqueItems', params: js`{ i: ${later}, j: ${earlier} }` });
          found.line(js`break ${outer}`);
        });
      });
    });
  },
};

/** The types of `items` when it names only primitive ones (AJV's `canOptimize`), else undefined. */
function comparedTypes(items: unknown): string[] | undefined {
  if (items === null || typeof items !== 'object' || !('type' in items)) return undefined;
  const written = (items as { type: unknown }).type;
  const types = Array.isArray(written) ? (written as string[]) : [written as string];
  return types.length > 0 && !types.some((type) => type === 'object' || type === 'array') ? types : undefined;
}

const typeTest = (types: string[], value: Code) =>
  js`(${joinCode(
    types.map((type) => typeCondition(type, value)),
    ' || ',
  )})`;
