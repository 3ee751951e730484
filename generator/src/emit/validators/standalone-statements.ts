import type { Ajv2020 } from 'ajv/dist/2020.js';

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
  value?: { ref?: unknown; code?: { toString(): string } };
}

export interface StandaloneCode {
  /** Top-level statements, one declaration each: constants before the first function that reads them. */
  statements: string[];
  /** The function name of each entry, in the order given. */
  entries: string[];
  /** The named schema (its key in `defOfSchema`) each function checks, by function name. */
  defOf: Map<string, string>;
}

/**
 * The standalone code of a set of AJV-compiled validators, as a list of statements: every function
 * reachable from the entries once, and every module-scope constant it reads once. AJV's own
 * `standaloneCode` builds one code object by concatenating all of this (its cost grows with the square
 * of the output, and the call stack overflows past some ten thousand functions); here each function is
 * visited once, breadth-first, from AJV's records of what each one uses.
 */
export function standaloneStatements(ajv: Ajv2020, entryIds: string[], defOfSchema: Map<unknown, string>): StandaloneCode {
  const statements: string[] = [];
  const declared = new Set<string>();
  const defOf = new Map<string, string>();
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
  const entries = entryIds.map((id) => {
    const compiled = ajv.getSchema(id) as CompiledFunction | undefined;
    if (compiled === undefined) throw new Error(`no validator schema ${id}`);
    return enqueue(compiled);
  });
  for (let next = 0; next < queue.length; next++) {
    const compiled = queue[next] as CompiledFunction;
    const source = compiled.source!;
    defOf.set(source.validateName.str, defOfSchema.get(compiled.schemaEnv?.schema) ?? '');
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
        } else if (name.value?.code !== undefined) {
          declared.add(name.str);
          statements.push(`const ${name.str} = ${name.value.code.toString()};`);
        } else {
          throw new Error(`AJV standalone code needs ${name.str}, which has no code`);
        }
      }
    }
    statements.push(source.validateCode);
    if (source.evaluated !== undefined) statements.push(`${source.validateName.str}.evaluated = ${source.evaluated.toString()};`);
  }
  return { statements, entries, defOf };
}
