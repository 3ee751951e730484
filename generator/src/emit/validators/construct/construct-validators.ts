import { Block } from './block.js';
import { js, type Name } from './code.js';
import { compileFunction } from './compile-schema.js';
import { coverageOf, type CoverageGap } from './coverage.js';
import { ModuleScope, placedFunction } from './module-scope.js';
import { schemaPathOf, valueAtTokens } from './pointers.js';
import { Shapes } from './shapes.js';
import type { JsonSchema } from '../lower-schema.js';
import type { CompiledBody } from '../validator-modules.js';
import type { ValidatorEntry } from '../validator-set.js';

/** The validators of a set, emitted by construction: what validator-modules.ts needs to write the module. */
export interface ConstructedValidators {
  /** The module's top-level statements (constants, helpers, one function per schema), without imports or exports. */
  statements: string[];
  /**
   * Per entry, in entry order, the local function with the compiled-check contract; for an entry left to
   * AJV, undefined, or with `fallback` a check over the AJV function the module imports (`fallbackImports`).
   */
  entries: (string | undefined)[];
  /** With `fallback`: the functions the module imports from the AJV-compiled module (validators-fallback). */
  fallbackImports: string[];
  /** The runtime exports (templates/runtime/checks.js) the statements use, recorded as they were used. */
  runtime: string[];
  /**
   * The entries this emitter does not cover, each with why: the caller compiles them with AJV, with
   * `fallback` as the function the module imports under `imported`.
   */
  uncovered: { entry: ValidatorEntry; gaps: CoverageGap[]; imported?: string }[];
}

/**
 * One function per named schema (`validateCustomerPerson(value, errors, path)`) and per `$ref` target and
 * branch it reaches; each entry's check is its schema's function, which `api.js` calls as the functions call
 * each other: `errors` undefined stops at the first problem (`is*`), an array collects every issue
 * (`assert*`, Standard Schema), `path` is the instance path reported from (`""` at the top). Schema paths
 * are `#/$defs/<def>/…`, as rule-origins.ts keys its table.
 */
export function constructValidators({
  defs,
  entries,
  formats,
  runtimeExports,
  fallback = false,
}: {
  defs: Readonly<Record<string, JsonSchema>>;
  entries: readonly ValidatorEntry[];
  formats: ReadonlyMap<string, 'string' | 'number'>;
  runtimeExports: readonly string[];
  /** Give an uncovered entry a check over an imported AJV function (validator-code.ts compiles those). */
  fallback?: boolean;
}): ConstructedValidators {
  // Entries sharing a function (shared-entries.ts) are compiled once, under the def they share.
  const roots = entries.map((entry) => ({ name: entry.name, tokens: ['$defs', entry.compiledAs ?? entry.def] }));
  const constructed = constructDocument({ document: { $defs: defs }, roots, formats, runtimeExports, fallback });
  return { ...constructed, uncovered: constructed.uncovered.map(({ index, ...rest }) => ({ entry: entries[index]!, ...rest })) };
}

/**
 * The same for any JSON Schema document: one check per root (a place in the document, by its tokens),
 * the functions it reaches, and the roots that are not covered (by index). Roots at the same place share
 * one check.
 */
export function constructDocument({
  document,
  roots,
  formats,
  runtimeExports,
  fallback = false,
}: {
  document: unknown;
  roots: readonly { name: string; tokens: readonly string[] }[];
  formats: ReadonlyMap<string, 'string' | 'number'>;
  runtimeExports: readonly string[];
  fallback?: boolean;
}): Omit<ConstructedValidators, 'uncovered'> & { uncovered: { index: number; gaps: CoverageGap[]; imported?: string }[] } {
  const shapes = new Shapes(
    document,
    roots.map(({ tokens }) => tokens),
  );
  const module = new ModuleScope({ runtimeExports, formats, document, shapes });
  const uncovered: { index: number; gaps: CoverageGap[]; imported?: string }[] = [];
  const fallbackImports: string[] = [];
  const checks = new Map<string, { check: string | undefined; gaps?: CoverageGap[]; imported?: string }>();
  const names = roots.map(({ name, tokens }, index) => {
    const key = schemaPathOf(tokens);
    let found = checks.get(key);
    if (found === undefined) {
      found = checkFor({ module, tokens, name });
      if (found.gaps !== undefined && fallback) {
        const imported = module.names.topLevel(`ajv ${name}`);
        fallbackImports.push(imported.toString());
        const check = fallbackCheck({ module, imported, name, gaps: found.gaps });
        found = { ...found, check, imported: imported.toString() };
      }
      checks.set(key, found);
    }
    if (found.gaps !== undefined)
      uncovered.push({ index, gaps: found.gaps, ...(found.imported === undefined ? {} : { imported: found.imported }) });
    return found.check;
  });
  module.drain((name, request) => compileFunction(module, name, request));
  return { statements: module.statements(), entries: names, fallbackImports, runtime: module.usedRuntime, uncovered };
}

/** The check of the root at `tokens` (its schema's function), or the gaps that leave its schema to AJV. */
function checkFor({ module, tokens, name }: { module: ModuleScope; tokens: readonly string[]; name: string }): {
  check: string | undefined;
  gaps?: CoverageGap[];
} {
  const coverage = coverageOf({ document: module.document, tokens, formats: module.formats, covered: module.covered });
  if (!coverage.covered) return { check: undefined, gaps: coverage.gaps };
  const schema = valueAtTokens(module.document, tokens);
  // The schema's own function is the entry's check: api.js calls it as every function here is called.
  const check = module.functionFor(placedFunction({ schema, schemaPath: schemaPathOf(tokens), hint: `validate ${name}` }));
  return { check: check.toString() };
}

/**
 * The check contract (`check(value, errors, path)`, see compileFunction) over a function AJV compiled
 * (`validate(data, { instancePath })`, its issues left in `validate.errors`), for a root this emitter does
 * not cover. AJV's function always collects every issue; they are handed on when the caller collects.
 */
function fallbackCheck({ module, imported, name, gaps }: { module: ModuleScope; imported: Name; name: string; gaps: CoverageGap[] }) {
  const names = module.names.locals();
  const [value, errors, path, valid] = ['value', 'errors', 'path', 'valid'].map((hint) => names.local(hint)) as [Name, Name, Name, Name];
  const check = module.names.topLevel(`check ${name}`);
  const body = new Block();
  body.line(js`const ${valid} = ${imported}(${value}, { instancePath: ${path} })`);
  const issue = names.local('issue');
  // One by one: a spread of a long list of issues can pass the engine's limit on arguments.
  body.if(js`!${valid} && ${errors}`, (inner) =>
    inner.for(js`const ${issue} of ${imported}.errors`, (loop) => loop.line(js`${errors}.push(${issue})`)),
  );
  body.line(js`return ${valid}`);
  const keywords = [...new Set(gaps.map((gap) => gap.keyword || gap.reason))].join(', ');
  const comment = `The entry ${name}, compiled by AJV (validators-fallback): this emitter does not cover ${keywords}.`;
  module.addFunction({ name: check, params: [value, errors, path], body, comment });
  return check.toString();
}

/** The statements as validator-modules.ts's compiled body, for `compiledModule` to write in either module format. */
export function constructedBody(constructed: ConstructedValidators): CompiledBody {
  // Encoded once, for both module files to write as they are.
  const bytes = Buffer.from(constructed.statements.map((statement) => `${statement}\n`).join(''));
  return {
    bytes,
    runtime: constructed.runtime,
    fallback: constructed.fallbackImports,
    entries: constructed.entries.map((name, index) => {
      if (name === undefined) throw new Error(`entry ${index} has no check: a module is constructed with \`fallback\``);
      return name;
    }),
  };
}
