import { identifier, isIdentifier, type Name } from './code.js';

/**
 * The names of one generated module. Top-level names (functions, constants, runtime imports) are unique
 * in the module; a function's locals are unique in that function and never equal a top-level name, so no
 * local can shadow what its function calls. A top-level name is never one a local already took either.
 */
export class ModuleNames {
  readonly #topLevel = new Set<string>();
  readonly #locals = new Set<string>();

  /** A top-level name from a hint (`validateCustomerPerson`, `pattern`), numbered when taken. */
  topLevel(hint: string): Name {
    const name = freeName(hint, (text) => this.#topLevel.has(text) || this.#locals.has(text));
    this.#topLevel.add(name);
    return identifier(name);
  }

  /** A name the module imports under its own spelling (a runtime export): it must be free. */
  imported(text: string): Name {
    if (this.#topLevel.has(text) || this.#locals.has(text)) throw new Error(`${text} is already bound in the module`);
    this.#topLevel.add(text);
    return identifier(text);
  }

  /** The locals of one function. */
  locals(): FunctionNames {
    return new FunctionNames(
      (text) => this.#topLevel.has(text),
      (text) => this.#locals.add(text),
    );
  }
}

export class FunctionNames {
  readonly #taken = new Set<string>();

  constructor(
    private readonly isTopLevel: (text: string) => boolean,
    private readonly record: (text: string) => void,
  ) {}

  /** A local from a hint (`item`, `key`), numbered when taken in this function. */
  local(hint: string): Name {
    const name = freeName(hint, (text) => this.#taken.has(text) || this.isTopLevel(text));
    this.#taken.add(name);
    this.record(name);
    return identifier(name);
  }
}

/**
 * The hint made an identifier (letters, digits, `_` and `$` kept; other characters start a new word in
 * camel case), then the first of `hint`, `hint1`, `hint2`… that is free.
 */
function freeName(hint: string, taken: (text: string) => boolean): string {
  const words = hint.split(/[^A-Za-z0-9_$]+/).filter((word) => word !== '');
  let base = words.map((word, index) => (index === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1))).join('');
  if (base === '' || /^[0-9]/.test(base)) base = `_${base}`;
  if (!isIdentifier(base)) base = `${base}_`;
  if (!taken(base)) return base;
  for (let number = 1; ; number++) if (!taken(`${base}${number}`)) return `${base}${number}`;
}
