import { Ajv2020 } from 'ajv/dist/2020.js';
import { _ } from 'ajv/dist/compile/codegen/index.js';
import standaloneCodeModule from 'ajv/dist/standalone/index.js';
import { addEnumSetKeyword, withEnumSets } from './enum-set.js';
import { directCalls, dropEvaluatedRecords, lengthFastPath, ownKeySets, relativeErrorPaths } from './post-process.js';
import type { ValidatorSet } from './validator-set.js';

const standaloneCode = standaloneCodeModule as unknown as typeof standaloneCodeModule.default;

/** A format as the runtime template defines it (and AJV compiles against). */
export type RuntimeFormat =
  { type: 'string'; validate: (value: string) => boolean } | { type: 'number'; validate: (value: number) => boolean };

const rootId = 'specsmith:validators';

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
 * Compiles every validator of the set with AJV (JSON Schema 2020-12, strict) into standalone code: one
 * function expression that returns the validators in entry order. `allErrors` collects every problem;
 * otherwise a validator stops at the first. The code expects `formats`, `ucs2length`, `equal` and
 * `nestedErrors` (templates/validators/runtime.js) in scope.
 */
export function compileValidators({
  set,
  formats,
  allErrors,
  checkSchemas = true,
}: {
  set: ValidatorSet;
  formats: Readonly<Record<string, RuntimeFormat>>;
  allErrors: boolean;
  /** Check the lowered schemas against the JSON Schema meta-schema first (AJV's `validateSchema`). */
  checkSchemas?: boolean;
}): string {
  const ajv = createAjv({ formats, allErrors, checkSchemas });
  const defOfSchema = addValidatorSchemas(ajv, set);
  const refs = set.entries.map((entry, index) => [`v${index}`, entryRef(entry.def)] as const);
  const statements: string[] = [];
  const declared = new Set<string>();
  // AJV assembles standalone code by re-spreading everything emitted so far, which overflows the call
  // stack past some ten thousand functions; batches stay small, and a declaration a previous batch
  // already emitted (same AJV instance, so same name, same code) is skipped.
  for (let start = 0; start < refs.length; start += batchSize) {
    const code = standaloneCode(ajv, Object.fromEntries(refs.slice(start, start + batchSize)));
    for (const statement of topLevelStatements(code)) {
      const name = declaredName(statement);
      if (name !== undefined && declared.has(name)) continue;
      if (name !== undefined) declared.add(name);
      statements.push(statement);
    }
  }
  const helpers = absoluteSchemaPaths(directCalls(statements.map(replaceRequires)), functionDefs(ajv, refs, defOfSchema));
  const counters = new Set(helpers.flatMap((statement) => /^const (func\d+) = ucs2length;/.exec(statement)?.[1] ?? []));
  // One top-level declaration a line, so that a change to one schema is a small diff.
  const body = relativeErrorPaths(ownKeySets(dropEvaluatedRecords(helpers.map((statement) => lengthFastPath(statement, counters))))).join(
    '\n',
  );
  return `(() => {\n${body}\nreturn [${refs.map(([name]) => name).join(', ')}];\n})()`;
}

const batchSize = 250;

/**
 * Splits AJV's standalone module into its top-level statements: module-scope values (`const schema3 =`,
 * `func`, `pattern`, `formats`, `wrapper`, `root`), exports, functions and their `evaluated` records.
 * `obj` holds the enum sets (enum-set.ts). These names exist only at module scope in AJV's output, so the split points are unambiguous.
 */
function topLevelStatements(code: string): string[] {
  const body = code.replace(/^"use strict";/, '').replace(/export const (v\d+) = /g, 'const $1 = ');
  return body
    .split(
      /(?<=[;}])(?=function validate\d+\(|const (?:schema|func|pattern|formats|wrapper|root|obj|keyword|v)\d+ = )|(?<=\})(?=validate\d+\.evaluated = )/,
    )
    .filter((statement) => statement.trim() !== '');
}

function declaredName(statement: string): string | undefined {
  const match = /^(?:function (validate\d+)\(|const (\w+) = |(validate\d+\.evaluated) = )/.exec(statement);
  return match === null ? undefined : (match[1] ?? match[2] ?? match[3]);
}

function replaceRequires(code: string): string {
  return code.replace(/require\("([^"]+)"\)(\.default)?/g, (match, module: string) => {
    const helper = runtimeHelpers[module];
    if (helper === undefined) throw new Error(`AJV standalone code requires ${module}, which the validator runtime does not provide`);
    return helper;
  });
}

/**
 * The one AJV configuration validators are compiled with: JSON Schema 2020-12, strict, the runtime
 * template's formats, the source kept for standaloneCode (which then refers to `formats`).
 */
function createAjv({
  formats,
  allErrors,
  checkSchemas,
}: {
  formats: Readonly<Record<string, RuntimeFormat>>;
  allErrors: boolean;
  checkSchemas: boolean;
}): Ajv2020 {
  const ajv = new Ajv2020({
    code: { source: true, esm: true, formats: _`formats`, optimize: false },
    // Compiling the meta-schema costs more than compiling one validator; `specsmith generate` checks the
    // lowered schemas of every spec it reads, so a command that compiles one for a quick check may skip it.
    validateSchema: checkSchemas,
    strict: true,
    // OpenAPI schemas often put a constraint beside a `$ref` or a union of types; both are fine to check.
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    // Each named schema becomes one function that others call: inlining them makes the code grow with
    // every use, past what a large spec can compile.
    inlineRefs: false,
    allowUnionTypes: true,
    allErrors,
    // The package words its own messages from keyword and parameters (templates/validators/api.js).
    messages: false,
  });
  for (const [name, definition] of Object.entries(formats)) ajv.addFormat(name, definition);
  addEnumSetKeyword(ajv);
  return ajv;
}

/** The `$ref` a validator entry compiles from. */
function entryRef(def: string): string {
  return `${rootId}#/$defs/${encodeURIComponent(def)}`;
}

/** Adds the set's schemas to an AJV instance under the root id the entries refer to. */
function addValidatorSchemas(ajv: Ajv2020, set: ValidatorSet): Map<unknown, string> {
  const defs = withEnumSets(set.defs as Record<string, unknown>) as Record<string, unknown>;
  ajv.addSchema({ $id: rootId, $defs: defs });
  return new Map(Object.entries(defs).map(([name, schema]) => [schema, name]));
}

interface CompiledFunction {
  schemaEnv?: { schema?: unknown };
  source?: { validateName?: { str: string }; scopeValues?: { validate?: Iterable<{ value?: { ref?: unknown } }> } };
}

/**
 * Which named schema each compiled function validates, by function name: AJV may compile a named schema
 * twice (once exported, once as a `$ref` target), so the functions are found from AJV's own records,
 * following every function each one calls, and matched to a schema by identity.
 */
function functionDefs(ajv: Ajv2020, refs: readonly (readonly [string, string])[], defOfSchema: Map<unknown, string>): Map<string, string> {
  const defOf = new Map<string, string>();
  const visit = (compiled: CompiledFunction | undefined): void => {
    const name = compiled?.source?.validateName?.str;
    if (compiled === undefined || name === undefined || defOf.has(name)) return;
    defOf.set(name, defOfSchema.get(compiled.schemaEnv?.schema) ?? '');
    for (const called of compiled.source?.scopeValues?.validate ?? []) {
      if (typeof called.value?.ref === 'function') visit(called.value.ref as CompiledFunction);
    }
  };
  for (const [, ref] of refs) visit(ajv.getSchema(ref) as CompiledFunction | undefined);
  return defOf;
}

/**
 * AJV reports `schemaPath` relative to the function that found the error, and with `inlineRefs: false`
 * every named schema is a function of its own. Each function of a named schema gets its `$defs` prefix,
 * so that every error names its rule from the root, where rule-origins.ts looks it up.
 */
function absoluteSchemaPaths(statements: string[], defOf: Map<string, string>): string[] {
  return statements.map((statement) => {
    const name = /^function (validate\d+)\(/.exec(statement)?.[1];
    const def = name === undefined ? undefined : defOf.get(name);
    if (def === undefined || def === '') return statement;
    const prefix = `#/$defs/${encodeURIComponent(def.replace(/~/g, '~0').replace(/\//g, '~1'))}`;
    return statement.replace(/schemaPath:"#/g, `schemaPath:"${prefix}`);
  });
}
