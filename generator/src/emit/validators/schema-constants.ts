import { stringify } from 'ajv/dist/compile/codegen/index.js';
import { replaceOutsideStrings } from './code-text.js';

/**
 * AJV keeps a schema as a module constant (`const schema12 = {...}`) when its code reads a value of it
 * that is not written inline: the union of types or the enum an error reports
 * (`{type: schema12.properties.id.type}`, `{allowedValues: schema12.properties.kind.enum}`). The constant
 * holds the whole schema for those few values: on GitHub's REST description 2 MB per module format, of
 * which 0.4 MB is read. Two steps, which the shape guard counts apart:
 * - `inlined`: a value an error reports is written where it is reported when that is no longer than the
 *   read (`["string","null"]` for `schema127.properties.forkee.properties.description.type`). An error
 *   then gets an array of its own, as every error gets its own parameters; a read on the way of a valid
 *   value (an enum's loop) is left to the constant.
 * - `pruned`: the constants nothing reads any more are dropped and the others cut down to the values
 *   read, at the same places, so that each read finds what it found.
 *
 * A read is `schemaN` and the property accesses that follow it (`.name`, `[0]`, `["a name"]`). What the
 * code does with the value read is not looked at: the whole value there is kept. Mentions are found in the
 * text as written, strings included, so a mention inside a string only keeps more. A mention without a
 * path keeps the whole constant, a path that leaves the JSON (`.length`, `[key]`) the whole value where it
 * leaves; a constant that is not JSON is left as written.
 *
 * Statement by statement, as StatementRewriter gets them: `take` notes a constant's value and writes
 * reported values into a function (AJV declares a constant before the functions that read it), noting what
 * each statement reads; `finish` drops and cuts the constants of the whole module.
 */
export class SchemaConstants {
  readonly #values = new Map<string, unknown>();
  readonly #reads = new Map<string, Segment[][]>();
  #inlined = 0;

  /** How many reported values `take` wrote where they are reported. */
  get inlined(): number {
    return this.#inlined;
  }

  take(statement: string): string {
    const declaration = constantDeclaration.exec(statement);
    if (declaration !== null) {
      try {
        this.#values.set(declaration[1] ?? '', JSON.parse(declaration[2] ?? ''));
      } catch {
        // Not JSON: kept as written, and its reads left alone.
      }
    }
    const rewritten = declaration !== null || !statement.includes('reportError(') ? statement : this.#inline(statement);
    this.note(rewritten);
    return rewritten;
  }

  /** Notes what a statement reads of the constants (take does for the statements it is given). */
  note(statement: string): void {
    const own = constantDeclaration.test(statement) ? statement.slice(6, statement.indexOf(' ', 6)) : undefined;
    for (const match of statement.matchAll(mention)) {
      const name = `schema${match[1]}`;
      if (match.index === 6 && name === own) continue;
      let paths = this.#reads.get(name);
      if (paths === undefined) this.#reads.set(name, (paths = []));
      paths.push(segmentsOf(match[2] ?? ''));
    }
  }

  /** The module's statements with each constant dropped when unread, else cut to what is read. */
  finish(statements: readonly string[]): { statements: string[]; dropped: number; pruned: number } {
    let dropped = 0;
    let pruned = 0;
    const kept: string[] = [];
    for (const statement of statements) {
      const name = constantDeclaration.exec(statement)?.[1];
      if (name === undefined) {
        kept.push(statement);
        continue;
      }
      const paths = this.#reads.get(name);
      if (paths === undefined) {
        dropped++;
        continue;
      }
      const text = this.#values.has(name) ? jsonCode(keptAt(this.#values.get(name), paths)) : undefined;
      const trimmed = text === undefined ? statement : `const ${name} = ${text};`;
      const shorter = trimmed.length < statement.length;
      if (shorter) pruned++;
      kept.push(shorter ? trimmed : statement);
    }
    return { statements: kept, dropped, pruned };
  }

  #inline(statement: string): string {
    return replaceOutsideStrings(statement, reportedRead, (match, key, read) => {
      const text = jsonCode(valueAt(this.#values, read ?? ''));
      if (text === undefined || text.length > (read ?? '').length || text.includes('"__proto__"')) return match;
      this.#inlined++;
      return `, {${key}: ${text}});errors++;`;
    });
  }
}

type Segment = string | number;

const constantDeclaration = /^const (schema\d+) = (.*);$/s;

export const isSchemaConstant = (statement: string): boolean => /^const schema\d+ = /.test(statement);
/** One property access as AJV writes it: `.name`, `[0]` or `["a name"]` (each a group of its own). */
const access = String.raw`\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\\n]|\\.)*")\]`;
const accessor = new RegExp(access, 'g');
const accesses = access.replace(/\((?!\?)/g, '(?:');
const mention = new RegExp(String.raw`\bschema(\d+)\b((?:${accesses})*)`, 'g');
/** The parameters of a problem (compactErrors' `reportError` call) that are one read of a constant. */
const reportedRead = new RegExp(String.raw`, \{(\w+): (schema\d+(?:${accesses})+)\}\);errors\+\+;`, 'g');

/** The value a read (`schema12.properties.id.type`) finds, or undefined where it leaves the JSON. */
function valueAt(values: ReadonlyMap<string, unknown>, read: string): unknown {
  const name = /^schema\d+/.exec(read)?.[0] ?? '';
  let value = values.get(name);
  for (const segment of segmentsOf(read.slice(name.length))) {
    if (!holds(value, segment)) return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

/** Whether `segment` names a part of a JSON value: an item of an array, an own property of an object. */
const holds = (value: unknown, segment: Segment): boolean =>
  value !== null &&
  typeof value === 'object' &&
  (Array.isArray(value) ? typeof segment === 'number' && segment < value.length : Object.hasOwn(value, String(segment)));

/** A JSON value as AJV writes values into code (its `stringify`: the line terminators JSON leaves raw escaped). */
const jsonCode = (value: unknown): string | undefined => (value === undefined ? undefined : stringify(value).toString());

function segmentsOf(path: string): Segment[] {
  return [...path.matchAll(accessor)].map(
    ([, name, index, quoted]) => name ?? (index !== undefined ? Number(index) : (JSON.parse(quoted ?? '""') as string)),
  );
}

/** `value` with only what `paths` reach; the whole of it where a path ends or leaves its JSON. */
function keptAt(value: unknown, paths: Segment[][]): unknown {
  if (paths.some((path) => path.length === 0) || value === null || typeof value !== 'object') return value;
  const groups = new Map<string, Segment[][]>();
  for (const [first, ...rest] of paths) {
    if (!holds(value, first!)) return value;
    const key = String(first);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [rest]);
    else group.push(rest);
  }
  const source = value as Record<string, unknown>;
  if (Array.isArray(value)) {
    const last = Math.max(...[...groups.keys()].map(Number));
    return Array.from({ length: last + 1 }, (_, index) => {
      const inner = groups.get(String(index));
      return inner === undefined ? null : keptAt(source[index], inner);
    });
  }
  const kept: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    const inner = groups.get(key);
    // A key named `__proto__` stays a property of its own, as JSON.parse made it.
    if (inner !== undefined) Object.defineProperty(kept, key, { value: keptAt(source[key], inner), enumerable: true, writable: true });
  }
  return kept;
}
