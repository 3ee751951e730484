import { Block, type FunctionPiece } from './block.js';
import { js, type Name } from './code.js';
import { arrayItemsFamily } from './keywords/array-items.js';
import { containsFamily } from './keywords/array-contains.js';
import { uniqueItemsFamily } from './keywords/array-unique.js';
import { combinatorsFamily } from './keywords/combinators.js';
import { conditionalFamily } from './keywords/conditional.js';
import { enumConstFamily } from './keywords/enum-const.js';
import { numberFamily } from './keywords/number.js';
import { objectKeysFamily } from './keywords/object-keys.js';
import { alwaysValid, propertiesFamily } from './keywords/object-properties.js';
import { requiredFamily } from './keywords/object-required.js';
import { refFamily } from './keywords/ref.js';
import { stringFamily } from './keywords/string.js';
import { instanceCondition, typeFamily } from './keywords/type.js';
import type { FunctionRequest, ModuleScope } from './module-scope.js';
import { childContext, reportIssue, type Compiler, type FunctionScope, type KeywordFamily, type SchemaContext } from './schema-context.js';

/** Every keyword family, in the order their checks are written; the typed ones grouped under one guard each. */
export const keywordFamilies: readonly KeywordFamily[] = [
  refFamily,
  typeFamily,
  enumConstFamily,
  numberFamily,
  stringFamily,
  requiredFamily,
  propertiesFamily,
  objectKeysFamily,
  arrayItemsFamily,
  containsFamily,
  uniqueItemsFamily,
  combinatorsFamily,
  conditionalFamily,
];

const instanceTypes = ['number', 'string', 'object', 'array'] as const;

/**
 * A schema's checks into the context's block: a boolean schema (core §4.3.2) fails or passes as a whole,
 * a schema object runs each family whose keywords it writes. The families of one instance type share one
 * guard (`if (typeof value === "string") { … }`), opened only when one of them has something to check.
 */
export function compileSchema(context: SchemaContext): void {
  const { schema } = context;
  for (const family of keywordFamilies) if (family.instanceType === undefined && writes(schema, family)) family.emit(context);
  for (const type of instanceTypes) {
    const families = keywordFamilies.filter((family) => family.instanceType === type && writes(schema, family));
    if (families.length === 0) continue;
    const guarded = new Block();
    for (const family of families) family.emit({ ...context, block: guarded });
    if (!guarded.isEmpty) context.block.if(instanceCondition(type, context.data), (body) => body.statements.push(...guarded.statements));
  }
}

const writes = (schema: Record<string, unknown>, family: KeywordFamily) => family.keywords.some((keyword) => keyword in schema);

/** The compiler the families call for their subschemas. */
export const compiler: Compiler = {
  inline(context, child) {
    const { schema } = child;
    if (schema === true || alwaysValid(schema)) return;
    if (schema === false) {
      const place = childContext(context, { ...child, schema: {} });
      reportIssue(place, place.block, { keyword: 'false schema', params: js`{}`, schemaPath: place.schemaPath });
      return;
    }
    compileSchema(childContext(context, { ...child, schema: schema as Record<string, unknown> }));
  },
  branch(context, child) {
    if (child.schema === true || alwaysValid(child.schema)) return undefined;
    const schemaPath = childContext(context, { ...child, schema: {} }).schemaPath;
    const hint = `${context.scope.hint} ${child.tokens.join(' ')}`;
    return context.module.functionFor({ schema: child.schema, schemaPath, hint });
  },
};

/**
 * One function `name(value, errors, path)`: true when the value passes. With `errors` undefined it returns
 * false at the first problem and builds nothing; with an array it appends every issue and goes on. The
 * verdict local is declared only when a check can fail.
 */
export function compileFunction(module: ModuleScope, name: Name, request: FunctionRequest): FunctionPiece {
  const names = module.names.locals();
  const [value, errors, path, valid] = [names.local('value'), names.local('errors'), names.local('path'), names.local('valid')];
  const scope: FunctionScope = { names, errors, path, valid, canFail: false, hint: name.toString() };
  const body = new Block();
  const context: SchemaContext = {
    schema: {},
    schemaPath: request.schemaPath,
    data: value,
    path: { base: path, steps: [] },
    block: body,
    scope,
    module,
    compiler,
  };
  if (request.schema === false) reportIssue(context, body, { keyword: 'false schema', params: js`{}`, schemaPath: request.schemaPath });
  else if (request.schema !== true) compileSchema({ ...context, schema: request.schema as Record<string, unknown> });
  const full = new Block();
  if (scope.canFail) full.line(js`let ${valid} = true`);
  full.statements.push(...body.statements);
  full.line(scope.canFail ? js`return ${valid}` : js`return true`);
  return { name, params: [value, errors, path], body: full, comment: `${request.schemaPath}` };
}
