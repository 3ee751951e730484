import { visit } from 'jsonc-parser';
import { createDiagnostic } from '../diagnostics/diagnostic.js';
import { appendPointer } from '../util/json-pointer.js';
import { recordJsonPositions } from './json-positions.js';
import { describeSyntaxError, type JsonSyntaxError, type OpenContainer } from './json-syntax.js';
import type { OriginIndex } from './origins.js';
import type { ParsedText } from './parse-yaml.js';

type Container = Record<string, unknown> | unknown[];

/**
 * Strict JSON to plain values with positions: `JSON.parse` and a scan of the structure for the positions
 * (json-positions.ts). Text that `JSON.parse` refuses, or whose values it cannot place, is read by a
 * streaming visitor (visitJsonText), which words the syntax errors.
 */
export function parseJsonText({ text, file, origins }: { text: string; file: string; origins: OriginIndex }): ParsedText {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return visitJsonText({ text, file, origins });
  }
  return recordJsonPositions({ text, value, file, origins }) ? { value, diagnostics: [] } : visitJsonText({ text, file, origins });
}

/**
 * Strict JSON to plain values with positions, by a streaming visitor rather than the `yaml` package: on a
 * 13 MB description YAML's document API costs 16× `JSON.parse`, this a small multiple. Text that is not
 * JSON gives one diagnostic, its first error in words (json-syntax.ts).
 */
export function visitJsonText({ text, file, origins }: { text: string; file: string; origins: OriginIndex }): ParsedText {
  const stack: { node: Container; pointer: string; open: OpenContainer }[] = [];
  let firstError: JsonSyntaxError | undefined;
  let pendingKey: string | undefined;
  let root: unknown;
  // Where a value goes: the root, the end of the open array, or the pending key of the open object.
  const place = (value: unknown): void => {
    const parent = stack[stack.length - 1];
    if (parent === undefined) root = value;
    else if (Array.isArray(parent.node)) parent.node.push(value);
    // `__proto__` as a plain assignment would set the prototype: only it needs a property definition.
    else if (pendingKey === '__proto__')
      Object.defineProperty(parent.node, pendingKey, { value, enumerable: true, writable: true, configurable: true });
    else parent.node[pendingKey ?? ''] = value;
  };
  // Only containers get a pointer: a scalar's place is its parent's, plus its key.
  const open = (node: Container, line: number, character: number): void => {
    const parent = stack[stack.length - 1];
    place(node);
    const pointer =
      parent === undefined ? '' : appendPointer(parent.pointer, Array.isArray(parent.node) ? parent.node.length - 1 : (pendingKey ?? ''));
    const position = { line: line + 1, column: character + 1 };
    origins.record(node, { file, pointer, ...position });
    stack.push({ node, pointer, open: { kind: Array.isArray(node) ? 'array' : 'object', pointer, ...position } });
  };
  // At the end of a text cut short the parser ends each open container with no bracket (length 0) before
  // it reports the missing one: those stay open for the error's words, innermost last.
  const unclosed: OpenContainer[] = [];
  const close = (length: number): void => {
    const entry = stack.pop();
    if (entry !== undefined && length === 0) unclosed.unshift(entry.open);
  };
  visit(
    text,
    {
      onObjectBegin: (_offset, _length, line, character) => open({}, line, character),
      onArrayBegin: (_offset, _length, line, character) => open([], line, character),
      onObjectEnd: (_offset, length) => close(length),
      onArrayEnd: (_offset, length) => close(length),
      onObjectProperty: (property, _offset, _length, line, character) => {
        pendingKey = property;
        const parent = stack[stack.length - 1];
        if (parent !== undefined) origins.recordKey(parent.node, property, { line: line + 1, column: character + 1 });
      },
      onLiteralValue: (value) => void place(value),
      onError: (code, offset, length, line, character) => {
        const position = { line: line + 1, column: character + 1 };
        firstError ??= { text, code, offset, length, position, open: [...stack.map((entry) => entry.open), ...unclosed] };
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  if (firstError === undefined) return { value: root, diagnostics: [] };
  const { message, position, pointer } = describeSyntaxError(firstError);
  return { value: undefined, diagnostics: [createDiagnostic({ code: 'json-syntax', message, file, pointer, ...position })] };
}
