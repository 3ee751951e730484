import { indentUnit, js, type Code, type Name } from './code.js';

/**
 * Statements as a tree: a line is one statement, a nested block is the body of an `if`, `else` or loop.
 * The printer indents by depth and puts one statement on a line, so generated code reads like written
 * code and a change to one schema changes only the lines of its own checks.
 */
type Statement = { kind: 'line'; code: Code } | { kind: 'nested'; head: Code; body: Block; tail?: { head: Code; body: Block } };

export class Block {
  readonly statements: Statement[] = [];

  /** One statement, without its semicolon. */
  line(code: Code): void {
    this.statements.push({ kind: 'line', code });
  }

  /** `if (condition) { … }`, with an `else` when `otherwise` is given. */
  if(condition: Code, then: (body: Block) => void, otherwise?: (body: Block) => void): void {
    const body = new Block();
    then(body);
    const tail = otherwise === undefined ? undefined : { head: js`else`, body: filled(otherwise) };
    this.statements.push({ kind: 'nested', head: js`if (${condition})`, body, ...(tail ? { tail } : {}) });
  }

  /** `for (let index = from; index < array.length; index++) { … }` */
  forRange(index: Name, from: Code, array: Code, body: (inner: Block) => void): void {
    this.statements.push({
      kind: 'nested',
      head: js`for (let ${index} = ${from}; ${index} < ${array}.length; ${index}++)`,
      body: filled(body),
    });
  }

  /** `for (const key in object) { … }`: the object's enumerable keys, as AJV walks them. */
  forIn(key: Name, object: Code, body: (inner: Block) => void): void {
    this.statements.push({ kind: 'nested', head: js`for (const ${key} in ${object})`, body: filled(body) });
  }

  /** `for (head) { … }` for a loop of another shape (a countdown). */
  for(head: Code, body: (inner: Block) => void): void {
    this.statements.push({ kind: 'nested', head: js`for (${head})`, body: filled(body) });
  }

  /** A labelled or plain block of its own (`{ … }`), for a loop that must be left by `break label`. */
  labelled(label: Name, head: Code, body: (inner: Block) => void): void {
    this.statements.push({ kind: 'nested', head: js`${label}: ${head}`, body: filled(body) });
  }

  get isEmpty(): boolean {
    return this.statements.length === 0;
  }
}

function filled(write: (body: Block) => void): Block {
  const body = new Block();
  write(body);
  return body;
}

/** A top-level function of the module: `function name(params) { body }`, with a comment above it. */
export interface FunctionPiece {
  name: Name;
  params: Name[];
  body: Block;
  /** What the function checks, for a person reading the module (a schema path, never code). */
  comment: string;
}

/** A block of a few short statements sits on its head's line up to this width (indentation not counted). */
const oneLineWidth = 120;

/** `if (condition) { a; b; }` when the body is short statements that fit on one line, else undefined. */
function oneLine(statement: Extract<Statement, { kind: 'nested' }>): string | undefined {
  if (statement.tail !== undefined || statement.body.statements.some((inner) => inner.kind !== 'line')) return undefined;
  const body = statement.body.statements.map((inner) => `${(inner as { code: Code }).code.toString()};`);
  const text = `${statement.head.toString()} { ${body.join(' ')} }`;
  return text.length <= oneLineWidth && !text.includes('\n') ? text : undefined;
}

export function printBlock(block: Block, depth: number): string[] {
  const indent = indentUnit.repeat(depth);
  const lines: string[] = [];
  for (const statement of block.statements) {
    const short = statement.kind === 'nested' ? oneLine(statement) : undefined;
    if (short !== undefined) {
      lines.push(`${indent}${short}`);
      continue;
    }
    if (statement.kind === 'line') {
      // A statement laid over several lines (a long call, a long list) keeps its own relative indentation.
      lines.push(...`${statement.code.toString()};`.split('\n').map((line) => `${indent}${line}`));
      continue;
    }
    lines.push(...`${statement.head.toString()} {`.split('\n').map((line) => `${indent}${line}`), ...printBlock(statement.body, depth + 1));
    if (statement.tail === undefined) lines.push(`${indent}}`);
    else lines.push(`${indent}} ${statement.tail.head.toString()} {`, ...printBlock(statement.tail.body, depth + 1), `${indent}}`);
  }
  return lines;
}

/** A function as text; the comment is printed in a line comment, one line per line of it. */
export function printFunction(piece: FunctionPiece): string {
  const comment = piece.comment
    .split('\n')
    .map((line) => `// ${commentText(line)}`)
    .join('\n');
  const head = `function ${piece.name.toString()}(${piece.params.map(String).join(', ')}) {`;
  return [comment, head, ...printBlock(piece.body, 1), '}'].join('\n');
}

/** A comment line that cannot end the comment: line breaks of any kind become spaces. */
function commentText(line: string): string {
  return line.replace(/[\r\n\u2028\u2029]/g, ' ');
}
