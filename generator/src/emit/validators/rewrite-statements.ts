import {
  callDirectly,
  compactErrors,
  dropUnreadLocals,
  fitsRelativePaths,
  hasOwnConstant,
  isKeySet,
  isWrapper,
  relativePaths,
  useKeySets,
  withKeySets,
  wrapperDeclaration,
} from './post-process.js';
import { ParseCheck } from './parse-check.js';
import { isSchemaConstant, SchemaConstants } from './schema-constants.js';
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
 * The rewrites of post-process.ts over AJV's statements, statement by statement as the compilation gives
 * them (`add`), then over the module (`finish`). What a rewrite learns of the module (the recursion
 * wrappers, the `hasOwnProperty` constants, the functions of named schemas) is declared before the
 * statements that use it, so each statement is rewritten once, as it comes: generation rewrites the
 * statements of a worker's compilation on the main thread while the worker compiles the next ones
 * (compile-parallel.ts).
 *
 * relativePaths is all or nothing. A statement it does not fit marks the whole compilation `unfit`:
 * `finish` then returns undefined, and the caller compiles again with `relativePaths: false`. The options
 * it drops are read only by `$data` and `$dynamicRef`, which no lowered schema holds; a property named as
 * one of them (`data.rootData`) is read as one too, which costs that spec the second compilation and its
 * `is*` the stop at the first problem, not a wrong answer. The shape guard reports a change of AJV's that
 * would make every spec unfit.
 */
export class StatementRewriter {
  readonly #statements: string[] = [];
  readonly #defOf = new Map<string, string>();
  readonly #wrapped = new Map<string, string>();
  readonly #hasOwn = new Set<string>();
  readonly #keySets = new Set<string>();
  readonly #constants = new SchemaConstants();
  readonly #parseCheck = new ParseCheck();
  readonly #relativePaths: boolean;
  readonly #applied: Map<RewriteName, number> | undefined;
  #unfit = false;

  constructor({ relativePaths = true, applied }: { relativePaths?: boolean; applied?: Map<RewriteName, number> } = {}) {
    this.#relativePaths = relativePaths;
    this.#applied = applied;
  }

  /** Whether relativePaths did not fit a statement: the compilation has to run again without it. */
  get unfit(): boolean {
    return this.#unfit;
  }

  /** Statements in the compilation's order, with the named schema of each function among them (by function name). */
  add(statements: Iterable<string>, defOf: Iterable<[string, string]> = []): void {
    if (this.#unfit) return;
    for (const [name, def] of defOf) this.#defOf.set(name, def);
    for (const statement of statements) {
      const rewritten = this.#rewrite(statement);
      if (this.#unfit) return;
      if (isWrapper(rewritten)) continue;
      const settled = this.#constants.take(rewritten);
      // Anything but a schema constant is as it will be written: parsed now, while the worker compiles.
      if (!isSchemaConstant(settled)) this.#parseCheck.add(settled);
      this.#statements.push(settled);
    }
  }

  /** The module's statements, checked to parse, or undefined when it is unfit for relativePaths. */
  finish(): string[] | undefined {
    if (this.#unfit) return undefined;
    const module = withKeySets(this.#statements.splice(0), this.#keySets);
    for (const statement of module) if (isKeySet(statement)) this.#constants.note(statement);
    const trimmed = this.#constants.finish(module);
    this.#count('dropUnreadConstants', trimmed.dropped);
    this.#count('inlineReportedValues', this.#constants.inlined);
    this.#count('trimSchemaConstants', trimmed.pruned);
    for (const statement of trimmed.statements) if (isSchemaConstant(statement) || isKeySet(statement)) this.#parseCheck.add(statement);
    this.#parseCheck.finish();
    return trimmed.statements;
  }

  #rewrite(raw: string): string {
    let statement = this.#step('replaceRequires', raw, replaceRequires);
    const wrapper = wrapperDeclaration(statement);
    if (wrapper !== undefined) this.#wrapped.set(...wrapper);
    statement = this.#step('directCalls', statement, (code) => callDirectly(code, this.#wrapped));
    statement = this.#step('absoluteSchemaPaths', statement, (code) => absoluteSchemaPaths(code, this.#defOf));
    const hasOwn = hasOwnConstant(statement);
    if (hasOwn !== undefined) this.#hasOwn.add(hasOwn);
    statement = this.#step('ownKeySets', statement, (code) => useKeySets(code, this.#hasOwn, this.#keySets));
    if (this.#relativePaths) {
      statement = this.#step('relativeErrorPaths', statement, relativePaths);
      if (!fitsRelativePaths(statement)) {
        this.#unfit = true;
        return statement;
      }
    }
    statement = this.#step('compactErrors', statement, (code) => compactErrors(code, defPrefix(code, this.#defOf)));
    // Not a rewrite: the functions that try alternatives are left to collect; the shape guard counts them.
    statement = this.#step('stopAtFirst', statement, (code) => stopAtFirst(code, () => this.#count('collectInAlternatives', 1)));
    statement = this.#step('dropUnreadCounts', statement, dropUnreadCounts);
    return this.#step('dropUnreadConstants', statement, dropUnreadLocals);
  }

  #step(name: RewriteName, statement: string, run: (statement: string) => string): string {
    const next = run(statement);
    if (next !== statement) this.#count(name, 1);
    return next;
  }

  #count(name: RewriteName, changed: number): void {
    this.#applied?.set(name, (this.#applied.get(name) ?? 0) + changed);
  }
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
