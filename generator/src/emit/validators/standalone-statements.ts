import type { Ajv2020 } from 'ajv/dist/2020.js';
import { formatBinding } from './format-binding.js';

/** The parts of AJV's compiled function this module reads (AJV keeps them when `code.source` is on). */
interface CompiledFunction {
  schemaEnv?: { schema?: unknown };
  source?: {
    validateName: { str: string };
    validateCode: string;
    scopeValues: Record<string, Iterable<ScopeName> | undefined>;
    evaluated?: { toString(): string };
  };
}

/** A module-scope name a function uses: a constant (`code`), another function or a recursion wrapper (`ref`). */
interface ScopeName {
  str: string;
  value?: { ref?: unknown; key?: unknown; code?: { toString(): string } };
}

/** Statements of the standalone code, and the named schema (its key in `defOfSchema`) of each function among them, by function name. */
export type TakeStatements = (statements: string[], defOf: [string, string][]) => void;

/**
 * The standalone code of a set of AJV-compiled validators, as statements handed to `take` entry by entry:
 * every function reachable from the entries once, and every module-scope constant it reads once, before
 * the first function that reads it. AJV's own `standaloneCode` builds one code object by concatenating
 * all of this (its cost grows with the square of the output, and the call stack overflows past some ten
 * thousand functions); here each function is visited once, breadth-first, from AJV's records of what each
 * one uses. Returns the function name of each entry, in the order given.
 */
export function standaloneStatements({
  ajv,
  entryIds,
  defOfSchema,
  take,
}: {
  ajv: Ajv2020;
  entryIds: string[];
  defOfSchema: Map<unknown, string>;
  take: TakeStatements;
}): string[] {
  const statements: string[] = [];
  const defOf: [string, string][] = [];
  const declared = new Set<string>();
  const queue: CompiledFunction[] = [];
  const enqueue = (compiled: CompiledFunction): string => {
    const name = compiled.source?.validateName.str;
    if (name === undefined) throw new Error('AJV compiled a validator without its source (code.source is off)');
    if (!declared.has(name)) {
      declared.add(name);
      queue.push(compiled);
    }
    return name;
  };
  let next = 0;
  // Entry by entry: AJV compiles an entry and what it refers to, and those functions are taken out at
  // once, so that AJV's copy of their code can go before the next entry compiles (see takeCode).
  return entryIds.map((id) => {
    const compiled = ajv.getSchema(id) as CompiledFunction | undefined;
    if (compiled === undefined) throw new Error(`no validator schema ${id}`);
    const name = enqueue(compiled);
    for (; next < queue.length; next++) emit(queue[next] as CompiledFunction);
    if (statements.length > 0) take(statements.splice(0), defOf.splice(0));
    return name;
  });

  function emit(compiled: CompiledFunction): void {
    const source = compiled.source!;
    defOf.push([source.validateName.str, defOfSchema.get(compiled.schemaEnv?.schema) ?? '']);
    for (const [prefix, names] of Object.entries(source.scopeValues)) {
      for (const name of names ?? []) {
        if (declared.has(name.str)) continue;
        const ref = name.value?.ref;
        if (prefix === 'validate' && typeof ref === 'function') {
          enqueue(ref as CompiledFunction);
        } else if ((prefix === 'wrapper' || prefix === 'root') && typeof ref === 'object' && ref !== null) {
          // A recursive reference: an object whose `validate` is set once the function is compiled.
          const target = (ref as { validate?: CompiledFunction }).validate;
          if (target === undefined) throw new Error(`AJV left the recursive reference ${name.str} without a function`);
          declared.add(name.str);
          statements.push(`const ${name.str} = {validate: ${enqueue(target)}};`);
        } else if (prefix === 'formats' && typeof name.value?.key === 'string') {
          declared.add(name.str);
          statements.push(`const ${name.str} = ${formatBinding(name.value.key)};`);
        } else if (name.value?.code !== undefined) {
          declared.add(name.str);
          statements.push(`const ${name.str} = ${pure(name.value.code.toString())};`);
        } else {
          throw new Error(`AJV standalone code needs ${name.str}, which has no code`);
        }
      }
    }
    statements.push(takeCode(source));
    if (source.evaluated !== undefined) statements.push(`${source.validateName.str}.evaluated = ${source.evaluated.toString()};`);
  }
}

/**
 * A constant built by a call (`new RegExp(…)`, `Object.freeze(…)`) is marked free of side effects, so that
 * a bundler drops it with the last validator that reads it.
 */
const pure = (code: string) => (/^(?:new |Object\.freeze\()/.test(code) ? `/* @__PURE__ */ ${code}` : code);

/**
 * A function's code, taken from AJV's record. AJV builds it by concatenation, which V8 keeps as a tree of
 * the pieces; on a large spec those trees are most of the memory a compilation holds. Converting the
 * string to a number makes V8 flatten it in place (the pieces become garbage), and AJV's record lets go
 * of it: nothing reads a function's source after its standalone code is out.
 */
function takeCode(source: { validateCode: string }): string {
  const code = source.validateCode;
  Number(code);
  source.validateCode = '';
  return code;
}
