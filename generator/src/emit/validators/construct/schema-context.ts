import type { Block } from './block.js';
import { call, identifier, joinCode, js, literal, type Code, type Name } from './code.js';
import type { ModuleScope } from './module-scope.js';
import type { FunctionNames } from './names.js';
import { escapeHelper, failHelper, keywordHelper } from './issue-helpers.js';
import { placeBelow, pointerToken, schemaPathCode, type Check, type SchemaPlace } from './schema-places.js';

/**
 * Where a check stands in the value: a JSON pointer built from the function's `path` parameter and the
 * steps taken since (property names known when generating, or a key or an index read at run time). It
 * becomes a string only where an issue is reported or a nested function is called in collect mode.
 */
export interface InstancePath {
  base: Name;
  steps: ({ fixed: string } | { key: Code } | { index: Code })[];
}

/** One function being generated: its locals, its parameters, and whether it tracks a verdict of its own. */
export interface FunctionScope {
  names: FunctionNames;
  /** `errors`: undefined to stop at the first problem, an array to collect every issue into. */
  errors: Name;
  path: Name;
  /** `valid`: false once an issue was collected; declared only when a check can fail. */
  valid: Name;
  canFail: boolean;
  /** The start of the names of the branches it asks for (`validatePetAnyOf0`). */
  hint: string;
}

/** A schema being compiled into a block: the value it checks, where that value is, and where the schema is. */
export interface SchemaContext {
  schema: Record<string, unknown>;
  /** AJV's schema path of the schema (`#/$defs/Pet/properties/name`): issues add their keyword to it. */
  schemaPath: SchemaPlace;
  data: Code;
  path: InstancePath;
  block: Block;
  scope: FunctionScope;
  module: ModuleScope;
  compiler: Compiler;
}

/** The instance path as a string expression: fixed steps joined into literals, keys escaped at run time. */
export function pathCode(context: Pick<SchemaContext, 'path' | 'module'>): Code {
  const parts: Code[] = [context.path.base];
  let fixed = '';
  const flush = () => {
    if (fixed !== '') parts.push(literal(fixed));
    fixed = '';
  };
  for (const step of context.path.steps) {
    if ('fixed' in step) fixed += `/${pointerToken(step.fixed)}`;
    else {
      fixed += '/';
      flush();
      parts.push('key' in step ? js`${escapeHelper(context.module)}(${step.key})` : step.index);
    }
  }
  flush();
  return joinCode(parts, ' + ');
}

/** The path a nested function is given: built only in collect mode (`errors && …`), never on the `is*` path. */
export function nestedPathCode(context: Pick<SchemaContext, 'path' | 'module' | 'scope'>): Code {
  if (context.path.steps.length === 0) return context.path.base;
  return js`${context.scope.errors} && ${pathCode(context)}`;
}

/** The issue a keyword reports, as `api.js` and `rule-origins.ts` read it (AJV's error object). */
export interface Issue {
  keyword: string;
  /** `{ limit: 3 }` and the like, as code (a value may be read at run time: a key, an index). */
  params: Code;
  /** Whether the rule is the schema itself (a `false` schema), not its keyword. */
  atPlace?: boolean;
  /** The one parameter of a keyword that reports one, as `params` has it: a helper of the keyword's own reports it. */
  param?: { name: string; value: Code };
}

/** An issue with one parameter (`{ missingProperty: "name" }`), reported through a helper of its keyword. */
export function oneParameterIssue(keyword: string, name: string, value: Code): Issue {
  return { keyword, params: js`{ ${identifier(name)}: ${value} }`, param: { name, value } };
}

/**
 * Reports an issue in `block`: stop mode returns false at once; collect mode records it and goes on.
 * Issues a nested function already collected (`collected`, an array of them) come first.
 */
export function reportIssue(context: SchemaContext, block: Block, issue: Issue, collected?: Code): void {
  const { scope } = context;
  scope.canFail = true;
  block.line(js`if (!${scope.errors}) return false`);
  if (collected !== undefined) block.line(js`${scope.errors}.push(...${collected})`);
  const [instancePath, keyword] = [pathCode(context), literal(issue.keyword)];
  if (issue.atPlace) {
    // The rule is the schema itself: its path, not its keyword's (a rare issue, written out).
    const schemaPath = schemaPathCode(context.schemaPath);
    block.line(
      js`${scope.errors}.push({ instancePath: ${instancePath}, schemaPath: ${schemaPath}, keyword: ${keyword}, params: ${issue.params} })`,
    );
    block.line(js`${scope.valid} = false`);
    return;
  }
  const [errors, schemaPath] = [scope.errors, schemaPathCode(context.schemaPath)];
  const report =
    issue.param === undefined
      ? call(failHelper(context.module), [errors, instancePath, schemaPath, keyword, issue.params])
      : call(keywordHelper(context.module, issue.keyword, issue.param.name), [errors, instancePath, schemaPath, issue.param.value]);
  block.line(js`${scope.valid} = ${report}`);
}

/** `if (condition) { report }` */
export function failWhen(context: SchemaContext, condition: Code, issue: Issue, collected?: Code): void {
  context.block.if(condition, (body) => reportIssue(context, body, issue, collected));
}

/** A nested check failed and collected its own issues: stop, or mark this function's verdict. */
export function failQuietly(context: SchemaContext, block: Block): void {
  context.scope.canFail = true;
  block.line(js`if (!${context.scope.errors}) return false`);
  block.line(js`${context.scope.valid} = false`);
}

/** A step into a subschema: its schema and tokens, and where its value is when not the same one. */
export interface ChildSchema {
  schema: unknown;
  /** The keyword and key or index leading to it from the parent schema (`["properties", "name"]`). */
  tokens: string[];
  data?: Code;
  step?: InstancePath['steps'][number];
  block?: Block;
}

/** How a keyword compiles the schemas inside it (compile-schema.ts), given to every family. */
export interface Compiler {
  /** Checks a subschema in place: its issues are this function's issues. */
  inline(context: SchemaContext, child: ChildSchema): void;
  /** Checks the context's own schema in place, at the context's schema path (a `$ref` target checked where it is referenced). */
  inlineSchema(context: SchemaContext): void;
  /**
   * A function of its own for a subschema whose verdict the keyword reads (a branch of `anyOf`, `not`'s
   * schema), called with callCheck; undefined when the subschema allows every value.
   */
  branch(context: SchemaContext, child: ChildSchema): Check | undefined;
}

/**
 * A family of keywords in one file (as AJV's `lib/vocabularies/*`): the keywords it handles and the code it
 * adds. A family of one instance type runs inside that type's guard (JSON Schema 2020-12 §7.6.1: an
 * assertion constrains only instances of its type), which the dispatcher opens once for all of them.
 */
export interface KeywordFamily {
  instanceType?: 'string' | 'number' | 'object' | 'array';
  keywords: readonly string[];
  emit(context: SchemaContext): void;
}

/** A child place: the same function and block, another value, path and schema. */
export function childContext(context: SchemaContext, child: ChildSchema & { schema: Record<string, unknown> }): SchemaContext {
  const { schema, tokens, data, step, block } = child;
  return {
    ...context,
    schema,
    schemaPath: placeBelow(context.schemaPath, tokens),
    data: data ?? context.data,
    path: step === undefined ? context.path : { base: context.path.base, steps: [...context.path.steps, step] },
    block: block ?? context.block,
  };
}
