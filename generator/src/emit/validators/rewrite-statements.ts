import {
  callDirectly,
  compactErrors,
  dropUnreadLocals,
  hasOwnFunctions,
  isWrapper,
  relativePaths,
  relativePathsFit,
  useKeySets,
  withKeySets,
  wrappedFunctions,
} from './post-process.js';
import { trimSchemaConstants } from './schema-constants.js';
import { stopAtFirst } from './stop-at-first.js';
import { dropUnreadCounts } from './unread-counts.js';

/** The rewrites of AJV's standalone output (post-process.ts and this file), in the order they run. */
export type RewriteName =
  | 'replaceRequires'
  | 'directCalls'
  | 'absoluteSchemaPaths'
  | 'ownKeySets'
  | 'relativeErrorPaths'
  | 'compactErrors'
  | 'collectInAlternatives'
  | 'stopAtFirst'
  | 'dropUnreadCounts'
  | 'dropUnreadConstants'
  | 'inlineReportedValues'
  | 'trimSchemaConstants';

/**
 * The rewrites of post-process.ts over AJV's statements, in order. Each replaces a statement in place, so
 * that what it replaces can go at once: on a large spec, a rewrite that mapped the whole list to a new
 * one held two copies of the output, and the compilation's heap grew with them.
 */
export function rewriteInPlace({
  statements,
  defOf,
  applied,
}: {
  statements: string[];
  defOf: ReadonlyMap<string, string>;
  applied: Map<RewriteName, number> | undefined;
}): string[] {
  const count = (name: RewriteName, changed: number) => applied?.set(name, (applied.get(name) ?? 0) + changed);
  const rewrite = (name: RewriteName, run: (statement: string) => string) => {
    let changed = 0;
    for (const [index, statement] of statements.entries()) {
      const next = run(statement);
      if (next === statement) continue;
      statements[index] = next;
      changed++;
    }
    count(name, changed);
  };
  rewrite('replaceRequires', replaceRequires);
  const wrapped = wrappedFunctions(statements);
  rewrite('directCalls', (statement) => callDirectly(statement, wrapped));
  rewrite('absoluteSchemaPaths', (statement) => absoluteSchemaPaths(statement, defOf));
  const hasOwn = hasOwnFunctions(statements);
  const keySets = new Set<string>();
  rewrite('ownKeySets', (statement) => useKeySets(statement, hasOwn, keySets));
  if (relativePathsFit(statements)) rewrite('relativeErrorPaths', relativePaths);
  rewrite('compactErrors', (statement) => compactErrors(statement, defPrefix(statement, defOf)));
  // Not a rewrite: the functions that try alternatives are left to collect; the shape guard counts them.
  let alternatives = 0;
  rewrite('stopAtFirst', (statement) => stopAtFirst(statement, () => alternatives++));
  count('collectInAlternatives', alternatives);
  rewrite('dropUnreadCounts', dropUnreadCounts);
  rewrite('dropUnreadConstants', dropUnreadLocals);
  const module = withKeySets(
    statements.filter((statement) => !isWrapper(statement)),
    keySets,
  );
  const trimmed = trimSchemaConstants(module);
  count('dropUnreadConstants', trimmed.dropped);
  count('inlineReportedValues', trimmed.inlined);
  count('trimSchemaConstants', trimmed.pruned);
  return trimmed.statements;
}

/**
 * AJV's runtime modules that standalone code imports, and the name of the runtime template's function
 * that replaces each. Anything else AJV asks for is a generator bug: generation stops rather than ship
 * a `require` an ES module cannot run.
 */
const runtimeHelpers: Record<string, string> = {
  'ajv/dist/runtime/ucs2length': 'ucs2length',
  'ajv/dist/runtime/equal': 'equal',
};

/**
 * AJV's `require`s of its runtime modules become the runtime template's functions, and the `sourceURL`
 * comment naming each function's schema (for debuggers of code compiled at run time) goes.
 */
function replaceRequires(code: string): string {
  return code.replace(/\/\*# sourceURL="[^"]*" \*\/;/g, '').replace(/require\("([^"]+)"\)(\.default)?/g, (match, module: string) => {
    const helper = runtimeHelpers[module];
    if (helper === undefined) throw new Error(`AJV standalone code requires ${module}, which the validator runtime does not provide`);
    return helper;
  });
}

/**
 * AJV reports `schemaPath` relative to the function that found the error, and with `inlineRefs: false`
 * every named schema is a function of its own. Each function of a named schema gets its `$defs` prefix,
 * so that every error names its rule from the root, where rule-origins.ts looks it up.
 */
function absoluteSchemaPaths(statement: string, defOf: ReadonlyMap<string, string>): string {
  const prefix = defPrefix(statement, defOf);
  return prefix === undefined ? statement : statement.replace(/schemaPath:"#/g, `schemaPath:"${prefix}`);
}

/** The `$defs` prefix of the schema paths of a function of a named schema (a JSON pointer, URI-encoded). */
function defPrefix(statement: string, defOf: ReadonlyMap<string, string>): string | undefined {
  const name = /^function (validate\d+)\(/.exec(statement)?.[1];
  const def = name === undefined ? undefined : defOf.get(name);
  if (def === undefined || def === '') return undefined;
  return `#/$defs/${encodeURIComponent(def.replace(/~/g, '~0').replace(/\//g, '~1'))}`;
}
