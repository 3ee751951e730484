import { Block, type FunctionPiece } from './block.js';
import { js, literal, type Name } from './code.js';
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
import { instanceCondition, typeFamily, typeIssue } from './keywords/type.js';
import { placedFunction, type FunctionRequest, type ModuleScope } from './module-scope.js';
import {
  childContext,
  failQuietly,
  nestedPathCode,
  reportIssue,
  type Compiler,
  type FunctionScope,
  type KeywordFamily,
  type SchemaContext,
} from './schema-context.js';
import { callCheck, type Check, type SchemaPlace } from './schema-places.js';

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
  const untyped = keywordFamilies.filter((family) => family.instanceType === undefined && writes(schema, family));
  const typeAlone = untyped.length === 1 && untyped[0] === typeFamily ? guardOfType(schema.type) : undefined;
  if (typeAlone === undefined) for (const family of untyped) family.emit(context);
  const guards: { type: (typeof instanceTypes)[number]; block: Block }[] = [];
  for (const type of instanceTypes) {
    const guarded = new Block();
    for (const family of keywordFamilies)
      if (family.instanceType === type && writes(schema, family)) family.emit({ ...context, block: guarded });
    if (!guarded.isEmpty) guards.push({ type, block: guarded });
  }
  // `type: "object"` and the object keywords alone: the type's issue is the guard's `else`, one test less.
  if (typeAlone !== undefined && guards.length === 1 && guards[0]!.type === typeAlone) {
    const checks = guards[0]!.block.statements;
    const otherwise = (block: Block) => reportIssue({ ...context, block }, block, typeIssue(schema.type));
    return context.block.if(instanceCondition(typeAlone, context.data), (body) => body.statements.push(...checks), otherwise);
  }
  if (typeAlone !== undefined) typeFamily.emit(context);
  for (const { type, block } of guards)
    context.block.if(instanceCondition(type, context.data), (body) => body.statements.push(...block.statements));
}

/** The guard a single written type is the same test as (not `number`: the guard admits NaN, the type does not). */
const guardOfType = (type: unknown) => (type === 'string' || type === 'object' || type === 'array' ? type : undefined);

const writes = (schema: Record<string, unknown>, family: KeywordFamily) => family.keywords.some((keyword) => keyword in schema);

/** The compiler the families call for their subschemas. */
export const compiler: Compiler = {
  inlineSchema: compileSchema,
  inline(context, child) {
    const { schema } = child;
    if (schema === true || alwaysValid(schema)) return;
    const place = childContext(context, { ...child, schema: {} });
    if (schema === false) return reportIssue(place, place.block, { keyword: 'false schema', params: js`{}`, atPlace: true });
    if (!context.module.shapes.sharedInline(schema)) return compileSchema({ ...place, schema: schema as Record<string, unknown> });
    const check = shapeCheck(place, schema, `${context.scope.hint} ${child.tokens.join(' ')}`);
    const { errors } = context.scope;
    place.block.if(js`!${callCheck(check, { value: place.data, errors, path: nestedPathCode(place) })}`, (body) =>
      failQuietly(place, body),
    );
  },
  branch(context, child) {
    if (child.schema === true || alwaysValid(child.schema)) return undefined;
    const place = childContext(context, { ...child, schema: {} });
    const hint = `${context.scope.hint} ${child.tokens.join(' ')}`;
    // A branch inside a shared function, or one its shape repeats, is shared by every place of its shape.
    const { base, rest } = place.schemaPath;
    if (base.known === undefined || context.module.shapes.sharedBranch(child.schema)) return shapeCheck(place, child.schema, hint);
    return { name: context.module.functionFor(placedFunction({ schema: child.schema, schemaPath: `${base.known}${rest}`, hint })) };
  },
};

/** The function of a shape, told the schema path of `place` when called. */
function shapeCheck(place: SchemaContext, schema: unknown, hint: string): Check {
  const { shapes } = place.module;
  const key = shapes.key(schema);
  const uses = shapes.uses(schema);
  const where = schemaPathText(place.schemaPath);
  const comment =
    uses > 1 ? `${where}, and the ${uses - 1} other places of its shape: given the schemaPath of each.` : `${where}: given its schemaPath.`;
  return { name: place.module.functionFor({ schema, schemaPath: undefined, key, comment, hint }), place: place.schemaPath };
}

/** A place as a person reads it in a comment: the parameter's name stands for the part known at run time. */
const schemaPathText = ({ base, rest }: SchemaPlace) => `${base.known ?? `<${base.name.toString()}>`}${rest}`;

/**
 * One function `name(value, errors, path)`: true when the value passes. With `errors` undefined it returns
 * false at the first problem and builds nothing; with an array it appends every issue and goes on. The
 * verdict local is declared only when a check can fail. A function shared by a shape's places takes the
 * place's schema path as a fourth parameter.
 */
export function compileFunction(module: ModuleScope, name: Name, request: FunctionRequest): FunctionPiece {
  const names = module.names.locals();
  const [value, errors, path, valid] = [names.local('value'), names.local('errors'), names.local('path'), names.local('valid')];
  const base = { name: names.local('schemaPath'), known: request.schemaPath, used: false };
  const scope: FunctionScope = { names, errors, path, valid, canFail: false, hint: name.toString() };
  const body = new Block();
  const context: SchemaContext = {
    schema: {},
    schemaPath: { base, rest: '' },
    data: value,
    path: { base: path, steps: [] },
    block: body,
    scope,
    module,
    compiler,
  };
  if (request.schema === false) reportIssue(context, body, { keyword: 'false schema', params: js`{}`, atPlace: true });
  else if (request.schema !== true) compileSchema({ ...context, schema: request.schema as Record<string, unknown> });
  const full = new Block();
  if (base.known !== undefined && base.used) full.line(js`const ${base.name} = ${literal(base.known)}`);
  if (scope.canFail) full.line(js`let ${valid} = true`);
  full.statements.push(...body.statements);
  full.line(scope.canFail ? js`return ${valid}` : js`return true`);
  const params = base.known === undefined ? [value, errors, path, base.name] : [value, errors, path];
  return { name, params, body: full, comment: request.comment };
}
