import { compileFunction } from 'node:vm';
import { createAjv, usesUnevaluated } from './create-ajv.js';
import {
  callDirectly,
  countedFailures,
  dropUnreadLocals,
  dropUnreadSchemas,
  failureDeclaration,
  hasOwnFunctions,
  isWrapper,
  relativePaths,
  relativePathsFit,
  sharedFailures,
  useKeySets,
  withKeySets,
  wrappedFunctions,
} from './post-process.js';
import { standaloneStatements, type StandaloneCode } from './standalone-statements.js';
import { addValidatorSchemas, defId, idPrefix } from './validator-schemas.js';
import type { ValidatorSet } from './validator-set.js';

/** A format as the runtime template defines it (and AJV compiles against). */
export type RuntimeFormat =
  { type: 'string'; validate: (value: string) => boolean } | { type: 'number'; validate: (value: number) => boolean };

/**
 * AJV's runtime modules that standalone code imports, and the name of the runtime template's function
 * that replaces each. Anything else AJV asks for is a generator bug: generation stops rather than ship
 * a `require` an ES module cannot run.
 */
const runtimeHelpers: Record<string, string> = {
  'ajv/dist/runtime/ucs2length': 'ucs2length',
  'ajv/dist/runtime/equal': 'equal',
};

/** Compiled validators as top-level statements, and the name each entry's function is bound to, in entry order. */
export interface CompiledValidators {
  statements: string[];
  entries: string[];
}

/** The compiled validators as one expression: a function run once that returns them in entry order. */
export const asExpression = ({ statements, entries }: CompiledValidators): string =>
  `(() => {\n${statements.join('\n')}\nreturn [${entries.join(', ')}];\n})()`;

/** compileValidatorStatements as one expression (asExpression), for code that holds the validators in a closure. */
export function compileValidators(options: Parameters<typeof compileValidatorStatements>[0]): string {
  return asExpression(compileValidatorStatements(options));
}

/**
 * Compiles every validator of the set with AJV (JSON Schema 2020-12, strict) into standalone code, one
 * top-level declaration a statement. `allErrors` collects every problem; otherwise a validator stops at
 * the first. The code expects the runtime's exports it names (templates/validators/runtime.js:
 * `ucs2length`, `equal`, `nestedErrors` and the `format*` constants) in scope.
 */
export function compileValidatorStatements({
  set,
  formats,
  allErrors,
  checkSchemas = true,
  applied,
  transform,
}: {
  set: Pick<ValidatorSet, 'entries' | 'defs'>;
  formats: Readonly<Record<string, RuntimeFormat>>;
  allErrors: boolean;
  /** Check the lowered schemas against the JSON Schema meta-schema first (AJV's `validateSchema`). */
  checkSchemas?: boolean;
  /** Counts, per rewrite, the statements it changed (ajv-shape.ts reads them). */
  applied?: Map<RewriteName, number>;
  /** Changes AJV's code before the rewrites: the shape guard's tests stand in another AJV's output with it. */
  transform?: (code: string) => string;
}): CompiledValidators {
  // AJV and what it keeps of the schemas are out of scope once the code is out: the rewrites run without them.
  const compiled = ajvStatements({ set, formats, allErrors, checkSchemas });
  const { entries, defOf } = compiled;
  const exports = entries.map((name, index) => `const v${index} = ${name};`);
  // Taken out of the record (splice), so that the original of a rewritten statement can go at once.
  const statements = [...compiled.statements.splice(0), ...exports];
  if (transform !== undefined) for (const [index, statement] of statements.entries()) statements[index] = transform(statement);
  const rewritten = rewriteInPlace({ statements, defOf, allErrors, applied });
  // One top-level declaration a line, so that a change to one schema is a small diff.
  const result = { statements: rewritten, entries: exports.map((_, index) => `v${index}`) };
  assertParses(result.statements);
  return result;
}

/**
 * The rewrites of post-process.ts over AJV's statements, in order. Each replaces a statement in place, so
 * that what it replaces can go at once: on a large spec, a rewrite that mapped the whole list to a new
 * one held two copies of the output, and the compilation's heap grew with them.
 */
function rewriteInPlace({
  statements,
  defOf,
  allErrors,
  applied,
}: {
  statements: string[];
  defOf: ReadonlyMap<string, string>;
  allErrors: boolean;
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
  if (relativePathsFit(statements)) rewrite('relativeErrorPaths', (statement) => relativePaths(statement, { movePaths: allErrors }));
  if (!allErrors) {
    rewrite('sharedFailures', sharedFailures);
    rewrite('countedFailures', countedFailures);
  }
  rewrite('dropUnreadConstants', dropUnreadLocals);
  const declared = withKeySets(
    statements.filter((statement) => !isWrapper(statement)),
    keySets,
  );
  const module = allErrors ? declared : [failureDeclaration, ...declared];
  const kept = dropUnreadSchemas(module);
  count('dropUnreadConstants', module.length - kept.length);
  return kept;
}

/** AJV's standalone code for every entry of the set, before the rewrites. */
function ajvStatements({
  set,
  formats,
  allErrors,
  checkSchemas,
}: {
  set: Pick<ValidatorSet, 'entries' | 'defs'>;
  formats: Readonly<Record<string, RuntimeFormat>>;
  allErrors: boolean;
  checkSchemas: boolean;
}): StandaloneCode {
  const ajv = createAjv({
    formats,
    allErrors,
    checkSchemas,
    unevaluated: usesUnevaluated(Object.values(set.defs)),
    standaloneIds: idPrefix,
  });
  const defOfSchema = addValidatorSchemas(ajv, Object.entries(set.defs));
  return standaloneStatements(
    ajv,
    set.entries.map((entry) => defId(entry.def)),
    defOfSchema,
  );
}

/** The rewrites of AJV's standalone output (post-process.ts and below), in the order they run. */
export type RewriteName =
  | 'replaceRequires'
  | 'directCalls'
  | 'absoluteSchemaPaths'
  | 'ownKeySets'
  | 'relativeErrorPaths'
  | 'sharedFailures'
  | 'countedFailures'
  | 'dropUnreadConstants';

/**
 * The post-processing rewrites AJV's code as text; a rewrite that went wrong must stop generation here,
 * not ship a package that cannot load. Parsing (not running) the code costs about a tenth of compiling it.
 * Every statement is a top-level declaration that parses on its own, so they are parsed a megabyte at a
 * time, with a check of their own that no name is declared twice: one script of a large spec's tens of
 * megabytes made V8 copy it whole (twice its size if any character is outside Latin-1) at the peak of
 * the compilation's memory. Each batch is parsed as a function body (`compileFunction`): V8 keeps a
 * `Script`'s source in its compilation cache for the life of the thread, which held a second copy of
 * the whole output until the compilation ended.
 */
function assertParses(statements: readonly string[]): void {
  const parse = (code: string) => {
    try {
      compileFunction(code);
    } catch (error) {
      throw new Error(`specsmith bug: the compiled validators do not parse (${(error as Error).message})`, { cause: error });
    }
  };
  // Parsed apart, the batches no longer catch a name declared twice: that is checked on its own.
  const declared = new Set<string>();
  let batch: string[] = [];
  let size = 0;
  for (const statement of statements) {
    const name = /^(?:const|let|var|function|class) ([\w$]+)/.exec(statement)?.[1];
    if (name !== undefined && declared.has(name)) throw new Error(`specsmith bug: the compiled validators declare ${name} twice`);
    if (name !== undefined) declared.add(name);
    batch.push(statement);
    size += statement.length;
    if (size < 1_000_000) continue;
    parse(batch.join('\n'));
    batch = [];
    size = 0;
  }
  parse(batch.join('\n'));
}

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
  const name = /^function (validate\d+)\(/.exec(statement)?.[1];
  const def = name === undefined ? undefined : defOf.get(name);
  if (def === undefined || def === '') return statement;
  const prefix = `#/$defs/${encodeURIComponent(def.replace(/~/g, '~0').replace(/\//g, '~1'))}`;
  return statement.replace(/schemaPath:"#/g, `schemaPath:"${prefix}`);
}
