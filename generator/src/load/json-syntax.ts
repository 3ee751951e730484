import { printParseErrorCode, type ParseErrorCode } from 'jsonc-parser';
import type { Position } from './origins.js';

/** An object or array whose closing bracket had not come when the error was met. */
export interface OpenContainer {
  kind: 'object' | 'array';
  /** Where it opens (1-based). */
  line: number;
  column: number;
  pointer: string;
}

/** The first syntax error of a JSON text, as the parser reports it, with the containers still open there. */
export interface JsonSyntaxError {
  text: string;
  code: ParseErrorCode;
  offset: number;
  length: number;
  /** The error's own place (1-based), from the parser. */
  position: Position;
  /** Outermost first. */
  open: readonly OpenContainer[];
}

/**
 * One syntax error in words, at the place to fix it. A parser reports a text cut short as a cascade
 * (`PropertyNameExpected`, `ValueExpected`, then one `CloseBraceExpected` per open object): that is one
 * problem, the end of the text, reported where the text stops and naming the object left open. Only the
 * first error is worded: the ones after it follow from the parser's guess at how to go on.
 */
export function describeSyntaxError(error: JsonSyntaxError): { message: string; position: Position; pointer: string } {
  const innermost = error.open[error.open.length - 1];
  const pointer = innermost?.pointer ?? '';
  const name = printParseErrorCode(error.code);
  if (name !== 'UnexpectedEndOfString' && error.text.slice(error.offset).trim() === '') {
    const end = error.text.trimEnd().length;
    return { message: endMessage(error.open), position: positionAt(error.text, end), pointer };
  }
  return { message: wordError(name, error, innermost), position: error.position, pointer };
}

function endMessage(open: readonly OpenContainer[]): string {
  const innermost = open[open.length - 1];
  if (innermost === undefined) return 'the file holds no JSON value';
  const all = open.length > 1 ? ` (${open.length} brackets still open)` : '';
  return `the JSON ends before the ${innermost.kind} opened at ${where(innermost)} is closed${all}: the text looks cut short`;
}

type ErrorName = ReturnType<typeof printParseErrorCode>;

function wordError(name: ErrorName, error: JsonSyntaxError, innermost: OpenContainer | undefined): string {
  const token = error.text.slice(error.offset, error.offset + Math.max(error.length, 1));
  const after = error.text.slice(0, error.offset).trimEnd().slice(-1);
  const trailingComma = after === ',' && (token.startsWith('}') || token.startsWith(']'));
  switch (name) {
    case 'InvalidSymbol':
      return token.startsWith("'")
        ? `${token} is quoted with ': JSON strings and property names take double quotes`
        : `unexpected ${token}: a JSON value is a string in double quotes, a number, true, false, null, an object or an array`;
    case 'InvalidNumberFormat':
    case 'UnexpectedEndOfNumber':
      return `${token} is not a JSON number`;
    case 'PropertyNameExpected':
      return trailingComma ? `a comma before ${token[0]}: JSON allows no trailing comma` : 'expected a property name in double quotes';
    case 'ValueExpected':
      return trailingComma ? `a comma before ${token[0]}: JSON allows no trailing comma` : 'expected a value';
    case 'ColonExpected':
      return 'expected a colon after the property name';
    case 'CommaExpected':
      return `expected a comma before this ${innermost?.kind === 'array' ? 'item' : 'property'}`;
    case 'CloseBraceExpected':
    case 'CloseBracketExpected':
      return innermost === undefined ? 'expected a comma or a closing bracket' : closeMessage(innermost);
    case 'EndOfFileExpected':
      return 'text after the end of the JSON value: a JSON file holds one value';
    case 'InvalidCommentToken':
    case 'UnexpectedEndOfComment':
      return 'a comment: JSON has none';
    case 'UnexpectedEndOfString':
      return 'the string that starts here is not closed on its line (a line break inside a string is written \\n)';
    case 'InvalidUnicode':
      return 'a \\u escape needs four hexadecimal digits';
    case 'InvalidEscapeCharacter':
      return 'the string holds an escape JSON does not know: the escapes are \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX';
    case 'InvalidCharacter':
      return 'a control character inside a string must be escaped (\\n, \\t, \\u0000…)';
    default:
      return `not JSON (${name})`;
  }
}

function closeMessage(open: OpenContainer): string {
  const bracket = open.kind === 'object' ? '}' : ']';
  return `expected a comma or ${bracket} in the ${open.kind} opened at ${where(open)}`;
}

const where = (open: OpenContainer) => `line ${open.line}, column ${open.column}`;

/** The 1-based place of an offset, counting CR, LF and CRLF as one line end each (as the parser does). */
function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let at = 0; at < offset; at++) {
    const code = text.charCodeAt(at);
    if (code === 0x0d && text.charCodeAt(at + 1) === 0x0a) continue;
    if (code === 0x0a || code === 0x0d) [line, lineStart] = [line + 1, at + 1];
  }
  return { line, column: offset - lineStart + 1 };
}
