import { appendPointer } from '../util/json-pointer.js';
import type { OriginIndex, Position } from './origins.js';

/**
 * The positions of every container and key of a JSON text that `JSON.parse` read as `value`, recorded in
 * `origins` as parse-json.ts's streaming visitor records them (1-based lines and columns in UTF-16 code
 * units; CR, LF and CRLF each end a line). `JSON.parse` builds the values natively, so only the structure
 * is scanned here: on GitHub's REST description (13 MB) this and `JSON.parse` take about half the time
 * of the visitor building the values itself. Each container is matched to its value by key or index, so
 * the order `JSON.parse` gives an object's keys (integer-like ones first) does not matter.
 *
 * Returns false, with nothing to rely on recorded, where the values cannot be told apart by their place:
 * an object that names a key twice (`JSON.parse` keeps the last value), or nesting deeper than the stack.
 * The caller then reads the text with the visitor.
 */
export function recordJsonPositions({
  text,
  value,
  file,
  origins,
}: {
  text: string;
  value: unknown;
  file: string;
  origins: OriginIndex;
}): boolean {
  const scanner = new PositionScanner(text, file, origins);
  try {
    scanner.value(value, '');
    return true;
  } catch (error) {
    if (error === notByPlace || error instanceof RangeError) return false;
    throw error;
  }
}

/** Thrown where a container's value cannot be found by its place (see recordJsonPositions). */
const notByPlace = Symbol('not by place');

const quote = 0x22;
const backslash = 0x5c;
const openBrace = 0x7b;
const openBracket = 0x5b;
const closeBrace = 0x7d;
const closeBracket = 0x5d;
const comma = 0x2c;

class PositionScanner {
  #at = 0;
  #line = 0;
  #lineStart = 0;

  constructor(
    readonly text: string,
    readonly file: string,
    readonly origins: OriginIndex,
  ) {}

  /** Reads the value at the scanner's place, which JSON.parse read as `value`, found at `pointer`. */
  value(value: unknown, pointer: string): void {
    this.#space();
    const code = this.text.charCodeAt(this.#at);
    if (code === openBrace) this.#object(value, pointer);
    else if (code === openBracket) this.#array(value, pointer);
    else if (code === quote) this.#string();
    else this.#literal();
  }

  #object(value: unknown, pointer: string): void {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw notByPlace;
    this.origins.record(value, { file: this.file, pointer, line: this.#line + 1, column: this.#at - this.#lineStart + 1 });
    this.#at++;
    const keys = new Map<string, Position>();
    let count = 0;
    for (this.#space(); this.text.charCodeAt(this.#at) !== closeBrace; this.#space()) {
      if (count > 0) this.#skip(comma);
      this.#space();
      const position = this.#position();
      const key = this.#string();
      keys.set(key, position);
      count++;
      this.#space();
      this.#at++; // the colon
      this.value((value as Record<string, unknown>)[key], appendPointer(pointer, key));
    }
    this.#at++;
    if (keys.size !== count) throw notByPlace;
    this.origins.recordKeys(value, keys);
  }

  #array(value: unknown, pointer: string): void {
    if (!Array.isArray(value)) throw notByPlace;
    this.origins.record(value, { file: this.file, pointer, line: this.#line + 1, column: this.#at - this.#lineStart + 1 });
    this.#at++;
    let index = 0;
    for (this.#space(); this.text.charCodeAt(this.#at) !== closeBracket; this.#space()) {
      if (index > 0) this.#skip(comma);
      this.value(value[index], appendPointer(pointer, index));
      index++;
    }
    this.#at++;
  }

  /** Reads a string token and returns its value. */
  #string(): string {
    const start = this.#at;
    let end = this.text.indexOf('"', start + 1);
    // A quote after an odd number of backslashes is escaped.
    for (;;) {
      let backslashes = 0;
      while (this.text.charCodeAt(end - 1 - backslashes) === backslash) backslashes++;
      if (backslashes % 2 === 0) break;
      end = this.text.indexOf('"', end + 1);
    }
    this.#at = end + 1;
    const raw = this.text.slice(start + 1, end);
    return raw.includes('\\') ? (JSON.parse(this.text.slice(start, end + 1)) as string) : raw;
  }

  /** Passes over a number, `true`, `false` or `null`. */
  #literal(): void {
    for (;;) {
      const code = this.text.charCodeAt(this.#at);
      if (code === comma || code === closeBrace || code === closeBracket || code <= 0x20 || Number.isNaN(code)) return;
      this.#at++;
    }
  }

  #skip(code: number): void {
    if (this.text.charCodeAt(this.#at) !== code) throw notByPlace;
    this.#at++;
  }

  /** Passes over JSON's whitespace, counting lines. */
  #space(): void {
    for (;;) {
      const code = this.text.charCodeAt(this.#at);
      if (code === 0x20 || code === 0x09) this.#at++;
      else if (code === 0x0a || code === 0x0d) {
        this.#at += code === 0x0d && this.text.charCodeAt(this.#at + 1) === 0x0a ? 2 : 1;
        this.#line++;
        this.#lineStart = this.#at;
      } else return;
    }
  }

  #position(): Position {
    return { line: this.#line + 1, column: this.#at - this.#lineStart + 1 };
  }
}
