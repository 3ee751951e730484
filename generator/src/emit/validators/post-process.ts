/**
 * Rewrites of AJV's standalone code that keep its meaning and cut its cost, each checked by the validator
 * tests (test/validators.test.ts) and the differential test against an independent validator.
 */

/**
 * A recursive `$ref` makes AJV call the function through a wrapper object (`const wrapper0 = {validate:
 * validate53};`, then `wrapper0.validate(...)`, `wrapper0.validate.errors`). Function declarations are
 * hoisted, so the function can be named directly; the other rewrites then see one shape of call.
 */
export function directCalls(statements: string[]): string[] {
  const wrapped = new Map<string, string>();
  for (const statement of statements) {
    const match = /^const (wrapper\d+) = \{validate: (validate\d+)\};$/.exec(statement);
    if (match !== null) wrapped.set(match[1] ?? '', match[2] ?? '');
  }
  if (wrapped.size === 0) return statements;
  return statements
    .filter((statement) => !/^const wrapper\d+ = \{validate: validate\d+\};$/.test(statement))
    .map((statement) => statement.replace(/\b(wrapper\d+)\.validate\b/g, (match, wrapper: string) => wrapped.get(wrapper) ?? match));
}

/** How often `name` occurs in `code` as a whole word. */
const mentionsOf = (code: string, name: string): number => code.match(new RegExp(`\\b${name}\\b`, 'g'))?.length ?? 0;

/**
 * For an object with more than eight declared properties, AJV checks `additionalProperties: false` with
 * `hasOwnProperty.call(schema.properties, key)` for every key of the value; a Set of the declared names
 * answers the same question faster. The Set is declared right after the schema constant it reads.
 */
export function ownKeySets(statements: string[]): string[] {
  const hasOwn = new Set(
    statements.flatMap((statement) => /^const (func\d+) = Object\.prototype\.hasOwnProperty;/.exec(statement)?.[1] ?? []),
  );
  if (hasOwn.size === 0) return statements;
  const used = new Set<string>();
  const rewritten = statements.map((statement) =>
    statement.replace(/\b(func\d+)\.call\((schema\d+)\.properties, (\w+)\)/g, (match, func: string, schema: string, key: string) => {
      if (!hasOwn.has(func)) return match;
      used.add(schema);
      return `${schema}Keys.has(${key})`;
    }),
  );
  return rewritten.flatMap((statement) => {
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
 * All or nothing: if any statement still mentions the other names or passes a second argument, nothing
 * changes.
 */
export function relativeErrorPaths(statements: string[], { movePaths = true }: { movePaths?: boolean } = {}): string[] {
  const rewritten = statements.map((statement) =>
    statement
      .replace(optionsSignature, 'instancePath=""')
      .replace(nestedCall, (match, callee: string, data: string, path: string | undefined) => {
        const call = `if(!(${callee}(${data}))){`;
        // Without a path of its own the call shares the caller's root: its errors need no move.
        if (path === undefined || !movePaths)
          return `${call}vErrors = vErrors === null ? ${callee}.errors : vErrors.concat(${callee}.errors);`;
        return `${call}vErrors = nestedErrors(vErrors, ${callee}.errors, ${path});`;
      }),
  );
  const leftover = rewritten.some(
    (statement) =>
      /\b(?:parentData|parentDataProperty|rootData|dynamicAnchors)\b/.test(statement) ||
      /(?<!function )\bvalidate\d+\(\w+, /.test(statement),
  );
  return leftover ? statements : rewritten;
}

const errorLiteralReturn = /\b(validate\d+)\.errors = \[\{instancePath(?:[^"]|"(?:[^"\\]|\\.)*")*?\}\];return false;/g;

/** The one error object a first-error validator reports, declared first in its code. */
export const failureDeclaration =
  'const failure = /* @__PURE__ */ Object.freeze({instancePath: "", schemaPath: "", keyword: "failed", params: {}});';

/**
 * A first-error validator only answers `is*` (the package words issues from the all-errors ones), so
 * what it reports when it stops is never read, only counted: each `return false` reports the one
 * shared `failure` in a fresh array (callers may append to it) instead of building the error object,
 * the schema path and the parameters of each rule. About a third of the first-error code goes, and
 * an invalid value costs no allocation but that array. Nested calls must not move paths
 * (`relativeErrorPaths` with `movePaths: false`), as the shared object is frozen.
 */
export function sharedFailures(statements: string[]): string[] {
  // An error literal ends at the first `}];return false;` outside a string (a property name may hold anything).
  return statements.map((statement) => statement.replace(errorLiteralReturn, '$1.errors = [failure];return false;'));
}

/**
 * Where errors are not wanted (the `if` of if/then/else, what `not` and `contains` try), AJV still pushes
 * an empty object for each problem and only counts them, then resets the count; counting is enough, so a
 * value that takes the `else` side of an `if` allocates nothing. A function that ends with problems
 * counted but none listed still reports one, since callers count what it reports. (First-error code only,
 * after sharedFailures.)
 */
export function countedFailures(statements: string[]): string[] {
  return statements.map((statement) =>
    statement
      .replace(/const (err\d+) = \{\};if\(vErrors === null\)\{vErrors = \[\1\];\}else \{vErrors\.push\(\1\);\}errors\+\+;/g, 'errors++;')
      .replace(
        /\b(validate\d+)\.errors = vErrors;return errors === 0;/g,
        '$1.errors = errors === 0 || vErrors !== null ? vErrors : [failure];return errors === 0;',
      ),
  );
}

/**
 * Module-scope constants (`const schema12 = {...}`, the schema an error's parameters or an enum read)
 * and function-local `const vSchema0 = schema12.enum;` that nothing reads any more after the rewrites.
 */
export function dropUnreadConstants(statements: string[]): string[] {
  const withoutLocals = statements.map((statement) =>
    statement.replace(/const (vSchema\d+) = schema\d+(?:\.\w+)+;/g, (declaration, name: string) =>
      mentionsOf(statement, name) > 1 ? declaration : '',
    ),
  );
  const mentions = new Map<string, number>();
  for (const statement of withoutLocals) {
    for (const [name] of statement.matchAll(/\bschema\d+\b/g)) mentions.set(name, (mentions.get(name) ?? 0) + 1);
  }
  return withoutLocals.filter((statement) => {
    const name = /^const (schema\d+) = /.exec(statement)?.[1];
    return name === undefined || (mentions.get(name) ?? 0) > 1;
  });
}
