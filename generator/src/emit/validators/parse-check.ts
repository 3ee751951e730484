import { compileFunction } from 'node:vm';

/**
 * The rewrites change AJV's code as text; a rewrite that went wrong must stop generation here, not ship a
 * package that cannot load. Parsing (not running) the code costs about a tenth of compiling it. Every
 * statement is a top-level declaration that parses on its own, so they are parsed a megabyte at a time as
 * they are settled (StatementRewriter gives each function once it is rewritten, the constants at the end),
 * with a check of their own that no name is declared twice: one script of a large spec's tens of megabytes
 * made V8 copy it whole (twice its size if any character is outside Latin-1) at the peak of the
 * compilation's memory. Each batch is parsed as a function body (`compileFunction`): V8 keeps a `Script`'s
 * source in its compilation cache for the life of the thread, which held a second copy of the whole output
 * until the compilation ended.
 */
export class ParseCheck {
  // Parsed apart, the batches no longer catch a name declared twice: that is checked on its own.
  readonly #declared = new Set<string>();
  #batch: string[] = [];
  #size = 0;

  add(statement: string): void {
    const name = /^(?:const|let|var|function|class) ([\w$]+)/.exec(statement)?.[1];
    if (name !== undefined && this.#declared.has(name)) throw new Error(`specsmith bug: the compiled validators declare ${name} twice`);
    if (name !== undefined) this.#declared.add(name);
    this.#batch.push(statement);
    this.#size += statement.length;
    if (this.#size >= 1_000_000) this.#parse();
  }

  /** Parses what is left of the last batch. */
  finish(): void {
    this.#parse();
  }

  #parse(): void {
    const code = this.#batch.join('\n');
    this.#batch = [];
    this.#size = 0;
    try {
      compileFunction(code);
    } catch (error) {
      throw new Error(`specsmith bug: the compiled validators do not parse (${(error as Error).message})`, { cause: error });
    }
  }
}
