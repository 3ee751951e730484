import path from 'node:path';
import type { LoadedDocument } from '../load/load-document.js';
import { parseRef, type RefTarget } from '../load/resolver.js';
import { NameRegistry } from './names.js';
import { appendPointer, escapePointerToken, getAtPointer, parsePointer, pointerFragment } from '../util/json-pointer.js';
import type { ShippedRef } from './types.js';

/** A place of a source file inside the bundle: the node at `pointer` of `file` is written at `at`. */
interface Mount {
  file: string;
  pointer: string;
  at: string;
}

/** The name under which a package ships the bundle; `@spec` tags and validator messages point into it. */
export const shippedSpecFile = 'openapi.json';

export interface Bundle {
  document: unknown;
  /** The document's text, when the spec is one JSON file (shipped as the user wrote it). */
  text?: string;
  /** The entry file's name relative to the folder holding every file of the spec. */
  source: string;
  /** Where the node at `pointer` of a file (as shown in diagnostics) sits in the bundle. */
  locate(file: string, pointer: string): ShippedRef | undefined;
}

/**
 * The spec as one JSON document, so a package can ship it and every `@spec` pointer resolves inside it.
 * Schemas of other files that the model names are moved under `components/schemas` (their spec name, or
 * the type name when the root already uses it), as OpenAPI bundlers do; any other fragment of another
 * file is copied in place of its first reference, and later references point at that copy. References
 * keep their siblings (OpenAPI 3.1 §4.8.23 allows `summary`/`description` beside `$ref`). A YAML alias
 * that contains itself becomes a `$ref` to its first place, since JSON cannot repeat a node inside itself.
 */
export function bundleDocument({
  loaded,
  hoist,
}: {
  loaded: LoadedDocument;
  /** Named schemas of the model, by their target: those in other files move under `components/schemas`. */
  hoist: readonly { target: RefTarget; name: string; specName: string }[];
}): Bundle {
  const { root, resolver } = loaded;
  const labels = sourceLabels([...resolver.files.keys()]);
  const source = labels.get(root.absolutePath) ?? root.displayPath;
  // One JSON file is its own bundle, shipped as written: nothing to move, no alias to unfold, no copy of
  // a large spec, and its lines are the shipped file's lines.
  if (resolver.files.size === 1 && root.syntax === 'json' && root.text !== undefined)
    return {
      document: root.value,
      text: root.text,
      source,
      locate: (file, pointer) => (file === root.displayPath ? { pointer, source: shippedSpecFile } : undefined),
    };
  const bundler = new Bundler(loaded);
  bundler.mounts.push({ file: root.absolutePath, pointer: '', at: '' });
  const schemas = componentSchemas(root.value);
  const taken = NameRegistry.taking(Object.keys(schemas));
  const moved = hoist
    .filter(({ target }) => target.absolutePath !== root.absolutePath)
    .map(({ target, name, specName }) => {
      const key = taken.claim(taken.has(specName) ? name : specName);
      const at = `/components/schemas/${escapePointerToken(key)}`;
      bundler.mounts.push({ file: target.absolutePath, pointer: target.pointer, at });
      return { target, key, at };
    });
  const document = bundler.copy(root.value, root.absolutePath, '') as Record<string, unknown>;
  if (moved.length > 0) {
    const components = { ...(objectAt(document, 'components') ?? {}) };
    const schemasOut = { ...(objectAt(components, 'schemas') ?? {}) };
    for (const { target, key, at } of moved) {
      const file = resolver.files.get(target.absolutePath);
      schemasOut[key] = bundler.copy(getAtPointer(file?.value, parsePointer(target.pointer) ?? []), target.absolutePath, at);
    }
    components.schemas = schemasOut;
    document.components = components;
  }
  const absoluteOf = new Map([...resolver.files.values()].map((file) => [file.displayPath, file.absolutePath]));
  return {
    document,
    source,
    locate: (file, pointer) => {
      const absolutePath = absoluteOf.get(file);
      const at = absolutePath === undefined ? undefined : bundler.mountedAt(absolutePath, pointer);
      return at === undefined || absolutePath === undefined ? undefined : { pointer: at, source: labels.get(absolutePath) ?? file };
    },
  };
}

class Bundler {
  readonly mounts: Mount[] = [];
  private readonly ancestors = new Map<object, string>();

  constructor(private readonly loaded: LoadedDocument) {}

  /** A plain JSON copy of `node` (read from `file`), to be written at `at` in the bundle. */
  copy(node: unknown, file: string, at: string): unknown {
    if (node === null || typeof node !== 'object') return node;
    const seen = this.ancestors.get(node);
    if (seen !== undefined) return { $ref: pointerFragment(seen) };
    this.ancestors.set(node, at);
    try {
      if (Array.isArray(node)) return node.map((item, index) => this.copy(item, file, appendPointer(at, index)));
      const object = node as Record<string, unknown>;
      if (this.loaded.refHolders.has(object) && typeof object.$ref === 'string') return this.copyReference(object, file, at);
      const copy: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(object)) copy[key] = this.copy(value, file, appendPointer(at, key));
      return copy;
    } finally {
      this.ancestors.delete(node);
    }
  }

  /** Where a node of a source file is in the bundle: the longest mount that contains it. */
  mountedAt(file: string, pointer: string): string | undefined {
    let best: Mount | undefined;
    for (const mount of this.mounts) {
      if (mount.file !== file || !contains(mount.pointer, pointer)) continue;
      if (best === undefined || mount.pointer.length > best.pointer.length) best = mount;
    }
    return best === undefined ? undefined : best.at + pointer.slice(best.pointer.length);
  }

  /** A Reference Object (or schema `$ref`) with its siblings: a rewritten reference, or its target copied in. */
  private copyReference(holder: Record<string, unknown>, file: string, at: string): unknown {
    const resolved = this.reference(holder, file, at);
    const siblings = Object.entries(holder).filter(([key]) => key !== '$ref');
    const copy: Record<string, unknown> = {};
    if ('ref' in resolved) {
      for (const [key, value] of Object.entries(holder))
        copy[key] = key === '$ref' ? resolved.ref : this.copy(value, file, appendPointer(at, key));
      return copy;
    }
    const { value } = resolved;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    Object.assign(copy, value);
    for (const [key, sibling] of siblings) copy[key] = this.copy(sibling, file, appendPointer(at, key));
    return copy;
  }

  /**
   * A `$ref` read in `file`: the reference to write (unchanged in the entry file, else pointing at the
   * target's place in the bundle), or, for a fragment of another file not yet in the bundle, a copy of it.
   */
  private reference(holder: Record<string, unknown>, file: string, at: string): { ref: string } | { value: unknown } {
    const { root, resolver } = this.loaded;
    const ref = holder.$ref as string;
    const parsed = parseRef(ref, file);
    if (parsed !== undefined && file === root.absolutePath && parsed.absolutePath === root.absolutePath) return { ref };
    // An `$anchor` name resolves to the pointer of the schema that declares it.
    const target = resolver.resolveFrom(ref, holder)?.target;
    const source = target === undefined ? undefined : resolver.files.get(target.absolutePath);
    if (target === undefined || source === undefined) return { ref };
    const mounted = this.mountedAt(target.absolutePath, target.pointer);
    if (mounted !== undefined) return { ref: pointerFragment(mounted) };
    this.mounts.push({ file: target.absolutePath, pointer: target.pointer, at });
    return { value: this.copy(getAtPointer(source.value, parsePointer(target.pointer) ?? []), target.absolutePath, at) };
  }
}

function contains(outer: string, inner: string): boolean {
  return outer === '' || inner === outer || inner.startsWith(`${outer}/`);
}

function componentSchemas(document: unknown): Record<string, unknown> {
  return objectAt(objectAt(document, 'components'), 'schemas') ?? {};
}

function objectAt(parent: unknown, key: string): Record<string, unknown> | undefined {
  if (parent === null || typeof parent !== 'object' || Array.isArray(parent)) return undefined;
  const value = (parent as Record<string, unknown>)[key];
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** Each file's name relative to the folder that holds all of them (`enfuce/openapi.yaml`, `common/x.yaml`). */
function sourceLabels(files: readonly string[]): Map<string, string> {
  const folders = files.map((file) => path.dirname(file).split(path.sep));
  const common = folders.reduce((shared, parts) => shared.slice(0, sharedLength(shared, parts)));
  const base = common.join(path.sep) || path.sep;
  return new Map(files.map((file) => [file, path.relative(base, file).split(path.sep).join('/')]));
}

function sharedLength(a: readonly string[], b: readonly string[]): number {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length += 1;
  return length;
}
