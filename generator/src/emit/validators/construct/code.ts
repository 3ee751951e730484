/**
 * Pieces of JavaScript that are safe by construction, after AJV's `lib/compile/codegen/code.ts`: a `Code`
 * is made only by the `js` template (whose holes take other `Code`), by `literal` (a JSON value, escaped),
 * by `property` (a member access) or by `identifier` (a checked name). A spec value therefore reaches the
 * generated text only through `literal` or a checked name, and nothing here reads generated text back.
 */
let mint: (text: string) => Code;

export class Code {
  readonly #text: string;

  private constructor(text: string) {
    this.#text = text;
  }

  static {
    mint = (text) => new Code(text);
  }

  toString(): string {
    return this.#text;
  }
}

/** An identifier the generated code declares or reads; made only by `identifier`, which checks it. */
export type Name = Code & { readonly name: true };

/** JavaScript from fixed text and other pieces; a hole takes only `Code`, never a plain string. */
export function js(strings: TemplateStringsArray, ...parts: Code[]): Code {
  let text = strings[0] ?? '';
  parts.forEach((part, index) => {
    text += `${part.toString()}${strings[index + 1] ?? ''}`;
  });
  return mint(text);
}

/**
 * A call or `new` marked free of side effects (`/* @__PURE__ *\/`), for a module constant: a bundler drops
 * a constant no kept function reads only when the expression that makes it is known to do nothing else.
 */
export function pure(call: Code): Code {
  return js`/* @__PURE__ */ ${call}`;
}

/**
 * A JSON value as a JavaScript expression. JSON is JavaScript once U+2028 and U+2029 are escaped (ES2019
 * made them legal in strings, but some older parsers and tools still break on them).
 */
export function literal(value: unknown): Code {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`not a JSON number: ${value}`);
  const text = JSON.stringify(value);
  if (text === undefined) throw new Error(`not a JSON value: ${String(value)}`);
  return jsonExpression(text, value);
}

/**
 * JSON text as an expression of the same value. In an object literal a `"__proto__":` member sets the
 * prototype instead of making an own member, so a value that holds that key anywhere is read by
 * `JSON.parse`, which makes it an own member as the spec wrote it.
 */
function jsonExpression(text: string, value: unknown): Code {
  const escape = (json: string) => json.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return mint(holdsProtoKey(value) ? `/* @__PURE__ */ JSON.parse(${escape(JSON.stringify(text))})` : escape(text));
}

function holdsProtoKey(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (!Array.isArray(value) && Object.hasOwn(value, '__proto__')) return true;
  return Object.values(value).some(holdsProtoKey);
}

/** Lines longer than this are laid out one argument or one list item a line. */
const lineWidth = 100;

/**
 * One level of indentation in generated code: a tab, one byte where two spaces take two (on GitHub's REST
 * description a sixth of the module was indentation); an editor shows it at the width its reader likes.
 */
export const indentUnit = '\t';

/**
 * A JSON value as `literal` writes it, laid over lines when it is long: a long array or object one member
 * a line (JSON.stringify's own layout), so a 250-value enum reads as a column, not one 9,000-character line.
 */
export function longLiteral(value: unknown): Code {
  const flat = literal(value);
  if (flat.toString().length <= lineWidth) return flat;
  return jsonExpression(JSON.stringify(value, null, indentUnit), value);
}

/**
 * `callee(a, b, c)`; when that is longer than a line should be, the arguments fill lines as words fill a
 * paragraph, the later lines indented once (two lines where one argument a line would take seven).
 */
export function call(callee: Code, args: readonly Code[]): Code {
  const texts = args.map(String);
  const flat = `${callee.toString()}(${texts.join(', ')})`;
  if (flat.length <= lineWidth || texts.some((text) => text.includes('\n'))) return mint(flat);
  const lines = [`${callee.toString()}(`];
  texts.forEach((text, index) => {
    const piece = `${text}${index === texts.length - 1 ? ')' : ','}`;
    const last = lines[lines.length - 1]!;
    const joined = last.endsWith('(') ? `${last}${piece}` : `${last} ${piece}`;
    if (joined.length <= lineWidth || last.trim() === '' || last.endsWith('(')) lines[lines.length - 1] = joined;
    else lines.push(`${indentUnit}${piece}`);
  });
  return mint(lines.join('\n'));
}

const identifierPattern = /^[A-Za-z_$][\w$]*$/;
/** ECMA-262 §13.1 reserved words, the strict-mode ones, and names a module must not rebind. */
const reserved = new Set(
  (
    'await break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with yield ' +
    'let static implements interface package private protected public arguments eval undefined NaN Infinity'
  ).split(' '),
);

/** Whether `text` may name a binding of the generated module. */
export function isIdentifier(text: string): boolean {
  return identifierPattern.test(text) && !reserved.has(text);
}

/** A checked identifier; throws on any other text, so a name can never carry code. */
export function identifier(text: string): Name {
  if (!isIdentifier(text)) throw new Error(`not a safe identifier: ${JSON.stringify(text)}`);
  return mint(text) as Name;
}

/**
 * `object.name` when the name is a plain identifier, else `object["name"]`. A read of `__proto__` means
 * the same in both forms (an own `"__proto__"` member shadows the accessor); the bracket form is kept
 * for it so that the code never looks like the prototype-setting form of an object literal.
 */
export function property(object: Code, name: string): Code {
  if (identifierPattern.test(name) && name !== '__proto__') return mint(`${object.toString()}.${name}`);
  return js`${object}[${literal(name)}]`;
}

/** Pieces joined by one of a few fixed separators; a long `||` or `&&` chain one operand a line. */
export function joinCode(parts: readonly Code[], separator: ', ' | ' || ' | ' && ' | ' + '): Code {
  if (parts.length === 0) throw new Error('nothing to join');
  const flat = parts.map(String).join(separator);
  if (flat.length <= lineWidth || separator === ', ' || separator === ' + ') return mint(flat);
  return mint(`\n${indentUnit}${parts.map(String).join(`${separator.trimEnd()}\n${indentUnit}`)}\n`);
}
