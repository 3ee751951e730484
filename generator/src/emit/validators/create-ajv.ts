import { Ajv2020 } from 'ajv/dist/2020.js';
import { _ } from 'ajv/dist/compile/codegen/index.js';
import type { RuntimeFormat } from './compile-validators.js';
import { addEnumSetKeyword } from './enum-set.js';
import { addLengthKeywords } from './length-keywords.js';

/** AJV's logger during compilation: an unknown keyword is an error of ours; other notes on valid schemas are dropped. */
const strictSchemaLogger = {
  log: () => {},
  warn: (...parts: unknown[]) => {
    const message = parts.map(String).join(' ');
    if (/unknown keyword/.test(message)) throw new Error(message);
  },
  error: (...parts: unknown[]) => {
    throw new Error(parts.map(String).join(' '));
  },
};

/**
 * The one AJV configuration validators are compiled with: JSON Schema 2020-12, strict, the runtime
 * template's formats, the source kept for standaloneCode (which then refers to `formats`).
 */
export function createAjv({
  formats,
  checkSchemas,
  unevaluated,
  standaloneIds,
}: {
  formats: Readonly<Record<string, RuntimeFormat>>;
  checkSchemas: boolean;
  unevaluated: boolean;
  /** The id prefix of the schemas compiled only for their standalone code (see standaloneOnly). */
  standaloneIds: string;
}): Ajv2020 {
  const ajv = new Ajv2020({
    code: { source: true, esm: true, formats: _`formats`, optimize: false, process: standaloneOnly(standaloneIds) },
    // Compiling the meta-schema costs more than compiling one validator; `specsmith generate` checks the
    // lowered schemas of every spec it reads, so a command that compiles one for a quick check may skip it.
    validateSchema: checkSchemas,
    strict: true,
    // AJV's other schema notes are about valid JSON Schema that asserts nothing or can never pass (`if`
    // alone, `minContains` above `maxContains`): it still compiles them as the standard says. Only an
    // unknown keyword, a mistake of the lowering, stops generation (strictSchemaLogger).
    strictSchema: 'log',
    logger: strictSchemaLogger,
    // A property named in `properties` may match a `patternProperties` pattern too (§10.3.2.2): both apply.
    allowMatchingProperties: true,
    // OpenAPI schemas often put a constraint beside a `$ref` or a union of types; both are fine to check.
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    // Each named schema becomes one function that others call: inlining them makes the code grow with
    // every use, past what a large spec can compile.
    inlineRefs: false,
    allowUnionTypes: true,
    // Every problem is collected; `is*` stops at the first through the runtime (stop-at-first.ts).
    allErrors: true,
    // The package words its own messages from keyword and parameters (templates/validators/api.js).
    messages: false,
  });
  // Ajv2020 tracks which properties and items each subschema evaluated, for `unevaluated*`: it then runs
  // every branch of an `anyOf` even after one passed, building (and dropping) the errors of the others,
  // and publishes records after each call. That costs every validator of a package, so the tracking is
  // on only for a spec that writes `unevaluatedProperties` or `unevaluatedItems`.
  ajv.opts.unevaluated = unevaluated;
  for (const [name, definition] of Object.entries(formats)) ajv.addFormat(name, definition);
  addEnumSetKeyword(ajv);
  addLengthKeywords(ajv);
  return ajv;
}

/**
 * AJV turns each function it generates into a live one with `new Function`, so that `ajv.validate` can
 * run it. specsmith never runs those: it reads their code (`source.validateCode`, taken before `process`)
 * and writes it out as a module. On a large spec that evaluation was a fifth of a compilation's time and
 * held the parsed functions in memory, so through AJV's `code.process` option the code AJV evaluates for
 * our schemas is a function that refuses to run. Schemas of other ids (the JSON Schema meta-schemas that
 * `validateSchema` runs) keep their code.
 */
function standaloneOnly(idPrefix: string) {
  const refuse = 'return function standaloneOnly() { throw new Error("specsmith compiles this schema for its standalone code only"); };';
  return (code: string, env?: { baseId?: string }): string => (env?.baseId?.startsWith(idPrefix) === true ? refuse : code);
}

/** Whether any schema writes `unevaluatedProperties`/`unevaluatedItems` (a walk over plain JSON). */
export function usesUnevaluated(schemas: readonly unknown[]): boolean {
  const seen = new Set<object>();
  const visit = (node: unknown): boolean => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return false;
    seen.add(node);
    if (!Array.isArray(node) && ('unevaluatedProperties' in node || 'unevaluatedItems' in node)) return true;
    return Object.values(node).some(visit);
  };
  return schemas.some(visit);
}
