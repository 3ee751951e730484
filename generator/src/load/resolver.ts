import path from 'node:path';
import { appendPointer, getAtPointer, parsePointer } from '../util/json-pointer.js';
import type { NodeOrigin, OriginIndex } from './origins.js';
import type { SourceFile } from './source-set.js';

export interface RefTarget {
  /** Absolute path of the file holding the target. */
  absolutePath: string;
  /** JSON pointer of the target inside that file. */
  pointer: string;
  /** A plain-name fragment (`#name`): the schema whose `$anchor` is `name` (JSON Schema 2020-12 §8.2.2). */
  anchor?: string;
}

/** The plain-name fragments `$anchor` allows (JSON Schema 2020-12 §8.2.2). */
const anchorName = /^[A-Za-z_][-A-Za-z0-9._]*$/;

/** Splits a `$ref` into its file and pointer, relative to the file that holds it (RFC 3986 §5.2). */
export function parseRef(ref: string, fromFile: string): RefTarget | undefined {
  const hash = ref.indexOf('#');
  const filePart = hash === -1 ? ref : ref.slice(0, hash);
  const fragment = hash === -1 ? '' : ref.slice(hash + 1);
  if (/^[a-z][a-z0-9+.-]*:/i.test(filePart)) return undefined;
  let pointer: string;
  try {
    pointer = decodeURIComponent(fragment);
  } catch {
    return undefined;
  }
  const absolutePath = filePart === '' ? fromFile : path.resolve(path.dirname(fromFile), decodeURI(filePart));
  if (anchorName.test(pointer)) return { absolutePath, pointer: '', anchor: pointer };
  if (pointer !== '' && !pointer.startsWith('/')) return undefined;
  return { absolutePath, pointer };
}

/** Resolves `$ref`s between the files of one load, and names where any object came from. */
export class Resolver {
  private readonly anchors = new Map<SourceFile, Map<string, string>>();

  constructor(
    readonly files: ReadonlyMap<string, SourceFile>,
    readonly origins: OriginIndex,
    private readonly absolutePathOf: ReadonlyMap<string, string>,
  ) {}

  /** The file (absolute path) an object of the input belongs to. */
  fileOf(node: object): string | undefined {
    const origin = this.origins.of(node);
    return origin === undefined ? undefined : this.absolutePathOf.get(origin.file);
  }

  originOf(node: object): NodeOrigin | undefined {
    return this.origins.of(node);
  }

  /** The target of `holder.$ref`, or undefined when it points at nothing. One step only. */
  resolveOnce(holder: Record<string, unknown>): { value: unknown; target: RefTarget } | undefined {
    return typeof holder.$ref === 'string' ? this.resolveFrom(holder.$ref, holder) : undefined;
  }

  /** Resolves a reference string written in the file that holds `site`. */
  resolveFrom(ref: string, site: object): { value: unknown; target: RefTarget } | undefined {
    const from = this.fileOf(site);
    const parsed = from === undefined ? undefined : parseRef(ref, from);
    const file = parsed === undefined ? undefined : this.files.get(parsed.absolutePath);
    if (parsed === undefined || file === undefined) return undefined;
    const pointer = parsed.anchor === undefined ? parsed.pointer : this.anchorsOf(file).get(parsed.anchor);
    const tokens = pointer === undefined ? undefined : parsePointer(pointer);
    if (pointer === undefined || tokens === undefined) return undefined;
    const value = getAtPointer(file.value, tokens);
    return value === undefined ? undefined : { value, target: { absolutePath: parsed.absolutePath, pointer } };
  }

  /** Where each `$anchor` of a file is, found on first use (the first of a name wins). */
  private anchorsOf(file: SourceFile): Map<string, string> {
    let anchors = this.anchors.get(file);
    if (anchors !== undefined) return anchors;
    anchors = new Map();
    const found = anchors;
    const walk = (node: unknown, pointer: string): void => {
      if (node === null || typeof node !== 'object') return;
      if (Array.isArray(node)) return node.forEach((item, index) => walk(item, appendPointer(pointer, index)));
      const object = node as Record<string, unknown>;
      if (typeof object.$anchor === 'string' && !found.has(object.$anchor)) found.set(object.$anchor, pointer);
      for (const [key, value] of Object.entries(object)) if (!key.startsWith('x-')) walk(value, appendPointer(pointer, key));
    };
    walk(file.value, '');
    this.anchors.set(file, anchors);
    return anchors;
  }

  /** Follows a chain of `$ref`s to the first object that is not one; undefined on a dangling or circular chain. */
  deref(node: unknown): unknown {
    const seen = new Set<unknown>();
    let current = node;
    while (isRef(current)) {
      if (seen.has(current)) return undefined;
      seen.add(current);
      current = this.resolveOnce(current)?.value;
    }
    return current;
  }
}

export function isRef(node: unknown): node is Record<string, unknown> & { $ref: string } {
  return node !== null && typeof node === 'object' && !Array.isArray(node) && typeof (node as { $ref?: unknown }).$ref === 'string';
}
