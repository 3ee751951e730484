import { appendPointer } from '../util/json-pointer.js';

export interface Position {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

/** Where an object or array of the input came from. */
export interface NodeOrigin extends Position {
  file: string;
  pointer: string;
}

/**
 * Source positions for every container node of every loaded file, keyed by object identity so that
 * the parsed values stay plain JSON (and can be handed to AJV or a user as they are). One per load.
 */
export class OriginIndex {
  private readonly nodes = new WeakMap<object, NodeOrigin>();
  private readonly keys = new WeakMap<object, Map<string, Position>>();

  record(node: object, origin: NodeOrigin): void {
    this.nodes.set(node, origin);
  }

  /** Every key's position in `node` at once (a map this index keeps). */
  recordKeys(node: object, keys: Map<string, Position>): void {
    this.keys.set(node, keys);
  }

  recordKey(node: object, key: string, position: Position): void {
    let keys = this.keys.get(node);
    if (keys === undefined) {
      keys = new Map();
      this.keys.set(node, keys);
    }
    keys.set(key, position);
  }

  /** Where `key` is written inside `parent` (the key itself, not its value). */
  ofKey(parent: object, key: string): NodeOrigin | undefined {
    const base = this.nodes.get(parent);
    const position = this.keys.get(parent)?.get(key);
    if (base === undefined || position === undefined) return undefined;
    return { file: base.file, pointer: appendPointer(base.pointer, key), line: position.line, column: position.column };
  }

  /** Gives `copy` the positions of `original`: a copy made for checking still points at the source. */
  alias(copy: object, original: object): void {
    const origin = this.nodes.get(original);
    const keys = this.keys.get(original);
    if (origin !== undefined) this.nodes.set(copy, origin);
    if (keys !== undefined) this.keys.set(copy, keys);
  }

  of(node: object): NodeOrigin | undefined {
    return this.nodes.get(node);
  }

  /** Origin of `parent[key]`: the child's own when it is a container, else the key's position. */
  ofChild(parent: object, key: string | number): NodeOrigin | undefined {
    const child = (parent as Record<string, unknown>)[key];
    if (child !== null && typeof child === 'object') {
      const own = this.nodes.get(child);
      if (own !== undefined) return own;
    }
    const base = this.nodes.get(parent);
    if (base === undefined) return undefined;
    const position = this.keys.get(parent)?.get(String(key)) ?? base;
    return { file: base.file, pointer: appendPointer(base.pointer, key), line: position.line, column: position.column };
  }
}

/** Position of the node at `tokens` below `root`, falling back to the nearest ancestor that exists. */
export function locate(origins: OriginIndex, root: unknown, tokens: readonly string[]): NodeOrigin | undefined {
  let node: unknown = root;
  let best = node !== null && typeof node === 'object' ? origins.of(node) : undefined;
  for (const token of tokens) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, token)) break;
    const child = (node as Record<string, unknown>)[token];
    const own = child !== null && typeof child === 'object' ? origins.of(child) : undefined;
    // A key is where a person looks for the field it names (array items have no key), unless the value
    // was written in another file: a fragment inlined for checking is reported where it is written.
    const inlined = own !== undefined && own.file !== origins.of(node)?.file;
    best = inlined ? own : ((Array.isArray(node) ? undefined : origins.ofKey(node, token)) ?? origins.ofChild(node, token) ?? best);
    node = child;
  }
  return best;
}
