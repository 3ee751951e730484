import { replaceOutsideStrings, stringLiteral } from './code-text.js';

/**
 * Rewrites of AJV's standalone code that keep its meaning and cut its cost, each checked by the validator
 * tests (test/validators.test.ts) and the differential test against an independent validator.
 */

/**
 * A recursive `$ref` makes AJV call the function through a wrapper object (`const wrapper0 = {validate:
 * validate53};`, then `wrapper0.validate(...)`, `wrapper0.validate.errors`). Function declarations are
 * hoisted, so the function can be named directly; the other rewrites then see one shape of call.
 * `wrapperDeclaration` reads a wrapper's declaration, `callDirectly` rewrites a statement, and the
 * wrappers' own declarations go (`isWrapper`). AJV declares a wrapper before the first function that calls
 * through it (standalone-statements.ts), so a statement is rewritten with the wrappers seen before it.
 */
export function wrapperDeclaration(statement: string): [wrapper: string, callee: string] | undefined {
  const match = wrapperPattern.exec(statement);
  return match === null ? undefined : [match[1] ?? '', match[2] ?? ''];
}

const wrapperPattern = /^const (wrapper\d+) = \{validate: (validate\d+)\};$/;

export const isWrapper = (statement: string): boolean => wrapperPattern.test(statement);

/**
 * Outside string literals: a property may be named `wrapper0.validate`. A call through a wrapper not
 * declared before it would be left to a declaration that goes: generation stops.
 */
export function callDirectly(statement: string, wrapped: ReadonlyMap<string, string>): string {
  if (!statement.includes('wrapper')) return statement;
  return replaceOutsideStrings(statement, wrapperCall, (_match, wrapper) => {
    const callee = wrapped.get(wrapper ?? '');
    if (callee === undefined) throw new Error(`AJV's code calls through ${wrapper} before declaring it`);
    return callee;
  });
}

const wrapperCall = /(?<![\w$])(wrapper\d+)\.validate\b/;

/**
 * For an object with more than eight declared properties, AJV checks `additionalProperties: false` with
 * `hasOwnProperty.call(schema.properties, key)` for every key of the value; a Set of the declared names
 * answers the same question faster. `hasOwnConstant` reads AJV's `hasOwnProperty` constants (declared
 * before the functions that read them), `useKeySets` rewrites a statement (noting the schema constants it
 * now reads a Set of), and `withKeySets` declares each Set right after the schema constant it reads.
 */
export const hasOwnConstant = (statement: string): string | undefined =>
  /^const (func\d+) = Object\.prototype\.hasOwnProperty;/.exec(statement)?.[1];

export function useKeySets(statement: string, hasOwn: ReadonlySet<string>, used: Set<string>): string {
  if (hasOwn.size === 0) return statement;
  return statement.replace(/\b(func\d+)\.call\((schema\d+)\.properties, (\w+)\)/g, (match, func: string, schema: string, key: string) => {
    if (!hasOwn.has(func)) return match;
    used.add(schema);
    return `${schema}Keys.has(${key})`;
  });
}

export const isKeySet = (statement: string): boolean => /^const schema\d+Keys = /.test(statement);

export function withKeySets(statements: string[], used: ReadonlySet<string>): string[] {
  if (used.size === 0) return statements;
  return statements.flatMap((statement) => {
    const schema = /^const (schema\d+) = /.exec(statement)?.[1];
    if (schema === undefined || !used.has(schema)) return [statement];
    // The names written out, so that the schema constant is not kept for them alone.
    const names = declaredNames(statement.slice(statement.indexOf('=') + 1, statement.lastIndexOf(';')));
    const keys = names === undefined ? `Object.keys(${schema}.properties)` : JSON.stringify(names);
    return [statement, `const ${schema}Keys = new Set(${keys});`];
  });
}

/** The property names of a schema written as JSON, or undefined when it does not read as such. */
function declaredNames(literal: string): string[] | undefined {
  try {
    const properties = (JSON.parse(literal) as { properties?: unknown }).properties;
    return properties !== null && typeof properties === 'object' ? Object.keys(properties) : undefined;
  } catch {
    return undefined;
  }
}

const optionsSignature = /\{instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors=\{\}\}=\{\}/g;
/**
 * A nested call and the start of its failure branch: the call's options (its instancePath expression,
 * which holds no braces, then the names AJV passes along) and the line that appends the callee's errors.
 */
const nestedCall = new RegExp(
  String.raw`if\(!\((validate\d+)\((\w+), ` +
    String.raw`\{instancePath(?::([^{}]*?))?,parentData(?::[^,{}]*)?,parentDataProperty(?::[^{}]*?)?,rootData,dynamicAnchors\}\)\)\)\{` +
    String.raw`vErrors = vErrors === null \? \1\.errors : vErrors\.concat\(\1\.errors\);`,
  'g',
);

/**
 * AJV's functions take an options object (`{instancePath, parentData, parentDataProperty, rootData,
 * dynamicAnchors}`) that every nested call allocates, with an instancePath string built for it: two
 * allocations a call on the valid path. Only `instancePath` is read unless a schema uses `$data` or
 * `$dynamicRef`, which the lowered schemas never do. So every function is called with the value alone
 * and reports paths relative to it; a caller moves a callee's errors under the property or item it
 * passed (`nestedErrors` of the runtime template), which only happens once something failed.
 * All or nothing: `fitsRelativePaths` says whether a statement reads as this expects once rewritten (it
 * no longer mentions the other names nor passes a second argument); if one does not, none changes.
 */
export function relativePaths(statement: string): string {
  return statement
    .replace(optionsSignature, 'instancePath=""')
    .replace(nestedCall, (match, callee: string, data: string, path: string | undefined) => {
      const call = `if(!(${callee}(${data}))){`;
      // Without a path of its own the call shares the caller's root: its errors need no move.
      if (path === undefined) return `${call}vErrors = vErrors === null ? ${callee}.errors : vErrors.concat(${callee}.errors);`;
      return `${call}vErrors = nestedErrors(vErrors, ${callee}.errors, ${path});`;
    });
}

/** Whether a statement as relativePaths left it does without the options it drops. */
export const fitsRelativePaths = (rewritten: string): boolean =>
  !/\b(?:parentData|parentDataProperty|rootData|dynamicAnchors)\b/.test(rewritten) && !/(?<!function )\bvalidate\d+\(\w+, /.test(rewritten);

/** One problem in all-errors code: the error literal, then the branches that start or extend the list. */
const errorReport = new RegExp(
  String.raw`const (err\d+) = \{instancePath(?::((?:[^,"{}]|${stringLiteral})+))?,schemaPath:(${stringLiteral}),keyword:(${stringLiteral}),` +
    String.raw`params:(\{(?:[^{}"]|${stringLiteral})*\})\};if\(vErrors === null\)\{vErrors = \[\1\];\}else \{vErrors\.push\(\1\);\}errors\+\+;`,
  'g',
);

/**
 * All-errors code writes each problem out as an object literal and the two branches that start or extend
 * the list, about 200 characters a rule: on GitHub's REST description, 60% of the all-errors module. The
 * runtime's `reportError` builds the same object from the same parts. A problem whose path expression
 * holds a comma (a key escaped at run time) keeps AJV's form. Where every schema path of a function
 * starts with its `$defs` prefix (absoluteSchemaPaths), the prefix is written once, as the function's
 * `$sp`, and each problem joins its own part to it when it happens: 2.2 MB less per module format on
 * GitHub's REST description.
 */
export function compactErrors(statement: string, prefix?: string): string {
  const quoted = prefix === undefined ? undefined : `"${prefix}/`;
  let shared = false;
  const compacted = statement.replace(
    errorReport,
    (_match, _name: string, path: string | undefined, schemaPath: string, keyword: string, params: string) => {
      const own = quoted !== undefined && schemaPath.startsWith(quoted);
      shared ||= own;
      const where = own ? `$sp+"${schemaPath.slice(quoted.length - 1)}` : schemaPath;
      return `vErrors = reportError(vErrors, ${path ?? 'instancePath'}, ${where}, ${keyword}, ${params});errors++;`;
    },
  );
  if (!shared || prefix === undefined) return compacted;
  return compacted.replace(/^function validate\d+\([^)]*\)\{/, (head) => `${head}const $sp = ${JSON.stringify(prefix)};`);
}

/**
 * Function-local `const vSchema0 = schema12.enum;` that nothing reads any more after the rewrites go;
 * the module's schema constants are trimmed apart (schema-constants.ts).
 */
export function dropUnreadLocals(statement: string): string {
  if (!statement.includes('const vSchema')) return statement;
  // Every local's mentions counted in one pass over the statement, not one pass a local.
  const mentions = new Map<string, number>();
  for (const [name] of statement.matchAll(/\bvSchema\d+\b/g)) mentions.set(name, (mentions.get(name) ?? 0) + 1);
  return statement.replace(/const (vSchema\d+) = schema\d+(?:\.\w+)+;/g, (declaration, name: string) =>
    (mentions.get(name) ?? 0) > 1 ? declaration : '',
  );
}
