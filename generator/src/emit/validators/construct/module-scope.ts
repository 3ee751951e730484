import { printFunction, type FunctionPiece } from './block.js';
import { js, literal, pure, type Code, type Name } from './code.js';
import { ModuleNames } from './names.js';
import type { Shapes } from './shapes.js';

/** A schema that becomes a function of its own: a named schema, a `$ref` target, or a branch of an applicator. */
export interface FunctionRequest {
  /** The schema at that place, as written. */
  schema: unknown;
  /**
   * Its schema path as AJV reports it (`#/$defs/Pet/anyOf/0`), which its issues extend; undefined for a
   * function shared by the places of a shape, which is given the path of each in a parameter.
   */
  schemaPath: string | undefined;
  /** What makes two requests the same function: the schema path, or the shape (shapes.ts). */
  key: string;
  /** What the function checks, for a person reading the module. */
  comment: string;
  /** The hint its name is made from (`validatePet`, `validatePetAnyOf0`). */
  hint: string;
}

/**
 * What one generated module holds besides the checks themselves: its names, the runtime exports it
 * imports (each recorded when a check first uses it, so the import list is known by construction and never
 * searched for in the text), its constants (patterns, enum lists, sets), its own small helpers, and one
 * function per named schema, `$ref` target and branch, made once per schema path (once per shape for a
 * shape the module repeats, shapes.ts) and compiled in turn.
 */
export class ModuleScope {
  readonly names = new ModuleNames();
  readonly #runtime = new Map<string, Name>();
  readonly #runtimeKnown: ReadonlySet<string>;
  readonly #constants = new Map<string, { name: Name; value: Code }>();
  readonly #helpers = new Map<string, { name: Name; piece: (name: Name) => FunctionPiece }>();
  readonly #usedRuntime = new Set<string>();
  readonly #functions = new Map<string, { name: Name; request: FunctionRequest }>();
  readonly #queue: { name: Name; request: FunctionRequest }[] = [];
  readonly #printed: string[] = [];

  /** The formats the runtime checks, with the JSON type each applies to. */
  readonly formats: ReadonlyMap<string, 'string' | 'number'>;

  /** The document `$ref`s point into (`{ $defs }` for a package's named schemas). */
  readonly document: unknown;

  /** The shapes the module's schemas repeat. */
  readonly shapes: Shapes;

  /** Schema paths known to be covered with all they reach (coverage.ts's `covered`). */
  readonly covered = new Set<string>();

  constructor({
    runtimeExports,
    formats,
    document,
    shapes,
  }: {
    runtimeExports: readonly string[];
    formats: ReadonlyMap<string, 'string' | 'number'>;
    document: unknown;
    shapes: Shapes;
  }) {
    this.formats = formats;
    this.document = document;
    this.shapes = shapes;
    this.#runtimeKnown = new Set(runtimeExports);
    // The runtime's names are bound first, so that no function or constant of the module can take one.
    for (const text of runtimeExports) this.#runtime.set(text, this.names.imported(text));
  }

  /** A runtime export (templates/runtime/checks.js), recorded as used. */
  runtime(text: string): Name {
    const name = this.#runtime.get(text);
    if (name === undefined || !this.#runtimeKnown.has(text)) throw new Error(`the validator runtime exports no ${text}`);
    this.#usedRuntime.add(text);
    return name;
  }

  /** The runtime exports the module uses, in the order the runtime lists them. */
  get usedRuntime(): string[] {
    return [...this.#runtimeKnown].filter((text) => this.#usedRuntime.has(text));
  }

  /** A module constant, one per distinct value: a pattern written twice is compiled once. */
  constant(hint: string, value: Code): Name {
    const key = value.toString();
    let found = this.#constants.get(key);
    if (found === undefined) {
      found = { name: this.names.topLevel(hint), value };
      this.#constants.set(key, found);
    }
    return found.name;
  }

  /** A small helper of the module's own (fail, own-property check), written once when first used. */
  helper(hint: string, piece: (name: Name) => FunctionPiece): Name {
    let found = this.#helpers.get(hint);
    if (found === undefined) {
      found = { name: this.names.topLevel(hint), piece };
      this.#helpers.set(hint, found);
    }
    return found.name;
  }

  /** The function of a request (by its key: a schema path or a shape): named now, compiled when the queue reaches it. */
  functionFor(request: FunctionRequest): Name {
    let found = this.#functions.get(request.key);
    if (found === undefined) {
      found = { name: this.names.topLevel(request.hint), request };
      this.#functions.set(request.key, found);
      this.#queue.push(found);
    }
    return found.name;
  }

  /** Compiles queued functions until none is left (a function may ask for more: a `$ref`, a branch). */
  drain(compile: (name: Name, request: FunctionRequest) => FunctionPiece): void {
    for (let next = this.#queue.shift(); next !== undefined; next = this.#queue.shift())
      this.#printed.push(printFunction(compile(next.name, next.request)));
  }

  /** A function written by the caller (the check of an entry left to AJV), kept in the order it is added. */
  addFunction(piece: FunctionPiece): void {
    this.#printed.push(printFunction(piece));
  }

  /** The module's statements: constants, then helpers, then functions; imports and exports are the caller's. */
  statements(): string[] {
    const constants = [...this.#constants.values()].map(({ name, value }) => `const ${name.toString()} = ${value.toString()};`);
    const helpers = [...this.#helpers.values()].map(({ name, piece }) => printFunction(piece(name)));
    return [...constants, ...helpers, ...this.#printed];
  }
}

/** `new RegExp(source, "u")`: a pattern enters the code as a JSON string, never as a regular expression literal. */
export function regExpCode(source: string): Code {
  return pure(js`new RegExp(${literal(source)}, "u")`);
}

/** The request of a function made for one place, the schema path it knows whole. */
export const placedFunction = ({ schema, schemaPath, hint }: { schema: unknown; schemaPath: string; hint: string }): FunctionRequest => ({
  schema,
  schemaPath,
  key: schemaPath,
  comment: schemaPath,
  hint,
});
