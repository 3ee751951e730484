import { Alias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { appendPointer } from '../util/json-pointer.js';
import type { OriginIndex, Position } from './origins.js';

export interface ParsedText {
  value: unknown;
  diagnostics: Diagnostic[];
}

/** YAML 1.2 (a superset of JSON) to plain values, recording the position of every node. */
export function parseYamlText({ text, file, origins }: { text: string; file: string; origins: OriginIndex }): ParsedText {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const problems = [...document.errors];
  if (problems.length > 0) {
    const diagnostics = problems.map((problem) => {
      const position = lineCounter.linePos(firstSignificant(text, problem.pos[0]));
      return createDiagnostic({
        code: 'yaml-syntax',
        message: problem.message.split('\n')[0] ?? problem.message,
        file,
        pointer: '',
        line: position.line,
        column: position.col,
      });
    });
    return { value: undefined, diagnostics };
  }
  const position = (node: Node | null | undefined): Position => {
    const at = lineCounter.linePos(node?.range?.[0] ?? 0);
    return { line: at.line, column: at.col };
  };
  const converted = new Map<Node, unknown>();
  const convert = (node: Node | null | undefined, pointer: string): unknown => {
    if (node === null || node === undefined) return null;
    if (node instanceof Alias) return convert(node.resolve(document) as Node | undefined, pointer);
    if (converted.has(node)) return converted.get(node);
    if (isScalar(node)) return node.value;
    if (isSeq(node)) {
      const array: unknown[] = [];
      converted.set(node, array);
      origins.record(array, { file, pointer, ...position(node) });
      node.items.forEach((item, index) => array.push(convert(item as Node, appendPointer(pointer, index))));
      return array;
    }
    if (isMap(node)) {
      const object: Record<string, unknown> = {};
      converted.set(node, object);
      origins.record(object, { file, pointer, ...position(node) });
      for (const pair of node.items) {
        const keyNode = pair.key as Node | null;
        const key = String(isScalar(keyNode) ? keyNode.value : keyNode);
        origins.recordKey(object, key, position(keyNode));
        const value = convert(pair.value as Node | null, appendPointer(pointer, key));
        Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
      }
      return object;
    }
    return null;
  };
  return { value: convert(document.contents, ''), diagnostics: [] };
}

/**
 * The parser places an indentation error (`All mapping items must start at the same column`) at the
 * indentation, column 1: the line's first character other than a space or tab is where its item starts,
 * and where an editor should put the cursor.
 */
function firstSignificant(text: string, offset: number): number {
  let at = offset;
  while (text[at] === ' ' || text[at] === '\t') at++;
  return at < text.length && text[at] !== '\n' && text[at] !== '\r' ? at : offset;
}
