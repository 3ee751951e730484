import { createAjv, usesUnevaluated } from './create-ajv.js';
import { StatementRewriter, type RewriteName } from './rewrite-statements.js';
import { standaloneStatements, type TakeStatements } from './standalone-statements.js';
import { addValidatorSchemas, defId, idPrefix } from './validator-schemas.js';
import type { JsonSchema } from './lower-schema.js';
import type { ValidatorSet } from './validator-set.js';

/** A format as the runtime template defines it (and AJV compiles against). */
export type RuntimeFormat =
  { type: 'string'; validate: (value: string) => boolean } | { type: 'number'; validate: (value: number) => boolean };

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
 * top-level declaration a statement. A validator collects every problem, or stops at the first when
 * called with `stop` (stop-at-first.ts). The code expects the runtime's exports it names
 * (templates/validators/runtime.js: `reportError`, `ucs2length`, `equal`, `nestedErrors` and the
 * `format*` constants) in scope.
 */
export function compileValidatorStatements({
  set,
  formats,
  checkSchemas = false,
  applied,
  transform,
}: {
  set: Pick<ValidatorSet, 'entries' | 'defs'>;
  formats: Readonly<Record<string, RuntimeFormat>>;
  /**
   * Check the lowered schemas against the JSON Schema meta-schema first (AJV's `validateSchema`); generation
   * runs refusedSchemas on the main thread instead.
   */
  checkSchemas?: boolean;
  /** Counts, per rewrite, the statements it changed (ajv-shape.ts reads them). */
  applied?: Map<RewriteName, number>;
  /** Changes AJV's code before the rewrites: the shape guard's tests stand in another AJV's output with it. */
  transform?: (code: string) => string;
}): CompiledValidators {
  const compile = (relativePaths: boolean) => {
    applied?.clear();
    const rewriter = new StatementRewriter({ relativePaths, ...(applied ? { applied } : {}) });
    // Each entry's statements are rewritten as AJV gives them, as generation does with a worker's.
    const entries = ajvStatements({
      set,
      formats,
      checkSchemas,
      take: (statements, defOf) => rewriter.add(transform === undefined ? statements : statements.map(transform), defOf),
    });
    return finishModule(rewriter, entries);
  };
  return compile(true) ?? (compile(false) as CompiledValidators);
}

/**
 * The module of a compilation whose statements went through `rewriter`: each entry's function bound to a
 * name of its own (`v0`, `v1`, …) and the module's rewrites done (the rewriter checks that the code
 * parses); one top-level declaration a line, so that a change to one schema is a small diff. Undefined
 * when the compilation is unfit for relativePaths (StatementRewriter) and has to run again without it.
 */
export function finishModule(rewriter: StatementRewriter, entries: readonly string[]): CompiledValidators | undefined {
  rewriter.add(entries.map((name, index) => `const v${index} = ${name};`));
  const statements = rewriter.finish();
  if (statements === undefined) return undefined;
  return { statements, entries: entries.map((_, index) => `v${index}`) };
}

/**
 * The lowered schemas that JSON Schema 2020-12's meta-schema refuses, each with AJV's reason: a fault of
 * the lowering that would otherwise compile to a check of something else. Generation checks them in the
 * worker before it compiles them (compile-parallel.ts), with an AJV of its own: the check takes a tenth of
 * a second on GitHub's REST description, which the worker has to spare and the main thread has not.
 */
export function refusedSchemas({
  defs,
  formats,
}: {
  defs: Readonly<Record<string, JsonSchema>>;
  formats: Readonly<Record<string, RuntimeFormat>>;
}): { def: string; reason: string }[] {
  const ajv = createAjv({ formats, checkSchemas: true, unevaluated: false, standaloneIds: idPrefix });
  // The AJV of the validators words no messages: each problem is its place, keyword and parameters.
  const problems = () =>
    (ajv.errors ?? []).map((error) => `${error.instancePath || '/'} fails ${error.keyword} ${JSON.stringify(error.params)}`).join('; ');
  return Object.entries(defs).flatMap(([def, schema]) =>
    ajv.validateSchema(schema) === true ? [] : [{ def, reason: `schema is invalid: ${problems()}` }],
  );
}

/** The lowered schemas the meta-schema refuses (refusedSchemas), found before their compilation. */
export class SchemasRefused extends Error {
  constructor(readonly refused: { def: string; reason: string }[]) {
    super(refused.map(({ def, reason }) => `${def}: ${reason}`).join('; '));
    this.name = 'SchemasRefused';
  }
}

/** AJV's standalone code for every entry of the set, before the rewrites, handed to `take`; returns each entry's function name. */
export function ajvStatements({
  set,
  formats,
  checkSchemas,
  take,
}: {
  set: Pick<ValidatorSet, 'entries' | 'defs'>;
  formats: Readonly<Record<string, RuntimeFormat>>;
  checkSchemas: boolean;
  take: TakeStatements;
}): string[] {
  const ajv = createAjv({
    formats,
    checkSchemas,
    unevaluated: usesUnevaluated(Object.values(set.defs)),
    standaloneIds: idPrefix,
  });
  const defOfSchema = addValidatorSchemas(ajv, Object.entries(set.defs));
  return standaloneStatements({
    ajv,
    entryIds: set.entries.map((entry) => defId(entry.compiledAs ?? entry.def)),
    defOfSchema,
    take,
  });
}
