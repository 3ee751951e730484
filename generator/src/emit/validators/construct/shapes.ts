import { subschemasOf } from './subschemas.js';
import { refTokens, schemaPathOf, valueAtTokens } from './pointers.js';

/**
 * How often each subschema's shape (its JSON, key order included) is compiled in a module: GitHub's
 * webhook schemas repeat large inline objects (a pull request, a repository, a user) dozens of times, and
 * each copy inlined was its own code. A shape compiled at two places or more becomes one function that
 * takes its schema path as a parameter, so its issues still name each place as AJV does. Equal JSON is
 * the same schema wherever it stands: the only `$ref`s resolved are pointers from the document's root.
 */
/**
 * From this JSON length on, a subschema checked in place that the module compiles at two places or more
 * is one function shared by them, called where it stands; a shorter one (`{ type: "string" }`) costs less
 * inline than its call. A branch (an `anyOf` member, `not`'s schema) is a function anyway: it is shared
 * whatever its length. Measured on GitHub's REST description with bench/validators/construct-size.mjs.
 */
const inlineFrom = 100;

export class Shapes {
  readonly #ids = new WeakMap<object, number>();
  readonly #byKey = new Map<string, number>();
  /** Per shape id, its JSON length (a measure of the code it makes) and the places it is compiled at. */
  readonly #sizes: number[] = [];
  readonly #uses: number[] = [];

  constructor(document: unknown, roots: readonly (readonly string[])[]) {
    const targets = new Set<string>();
    const queue = roots.filter((tokens) => claim(targets, tokens));
    for (let tokens = queue.shift(); tokens !== undefined; tokens = queue.shift()) {
      const visit = (schema: unknown, counted: boolean) => {
        if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return;
        const id = this.#id(schema);
        // The inside of a shared shape is compiled once, however many places use it.
        if (counted && this.#uses[id]!++ > 0 && this.#sizes[id]! >= inlineFrom) return;
        const ref = (schema as Record<string, unknown>).$ref;
        const target = typeof ref === 'string' ? refTokens(ref) : undefined;
        if (target !== undefined && valueAtTokens(document, target) !== undefined && claim(targets, target)) queue.push(target);
        for (const child of subschemasOf(schema as Record<string, unknown>)) visit(child.schema, true);
      };
      visit(valueAtTokens(document, tokens), false);
    }
  }

  /** Whether a subschema checked in place is better a function shared by the places of its shape. */
  sharedInline(schema: unknown): boolean {
    return this.uses(schema) > 1 && this.#sizes[this.#id(schema as object)]! >= inlineFrom;
  }

  /** Whether a branch is better a function shared by the places of its shape. */
  sharedBranch(schema: unknown): boolean {
    return this.uses(schema) > 1;
  }

  /** What names the shape of a schema: equal for equal JSON. */
  key(schema: unknown): string {
    return schema !== null && typeof schema === 'object' ? `shape ${this.#id(schema)}` : `shape ${JSON.stringify(schema)}`;
  }

  /** How many places compile the shape of a schema. */
  uses(schema: unknown): number {
    return schema !== null && typeof schema === 'object' ? (this.#uses[this.#id(schema)] ?? 0) : 0;
  }

  /** A structural id: equal JSON values (objects, arrays, primitives inside) get the same number. */
  #id(value: object): number {
    const known = this.#ids.get(value);
    if (known !== undefined) return known;
    // The length of the value's JSON, near enough: a measure of the code its checks make.
    let size = 2;
    const part = (item: unknown) => {
      if (item === null || typeof item !== 'object') {
        const text = JSON.stringify(item);
        size += text.length + 1;
        return text;
      }
      const id = this.#id(item);
      size += this.#sizes[id]! + 1;
      return `#${id}`;
    };
    const key = Array.isArray(value)
      ? `[${value.map(part).join(',')}`
      : `{${Object.entries(value)
          .map(([name, item]) => {
            const text = JSON.stringify(name);
            size += text.length + 1;
            return `${text}:${part(item)}`;
          })
          .join(',')}`;
    let id = this.#byKey.get(key);
    if (id === undefined) {
      id = this.#sizes.length;
      this.#byKey.set(key, id);
      this.#sizes.push(size);
      this.#uses.push(0);
    }
    this.#ids.set(value, id);
    return id;
  }
}

/** Adds the target's schema path to `seen`; true when it was not there. */
function claim(seen: Set<string>, tokens: readonly string[]): boolean {
  const path = schemaPathOf(tokens);
  if (seen.has(path)) return false;
  seen.add(path);
  return true;
}
