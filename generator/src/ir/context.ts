import type { OpenApiMinor } from '../load/lint-version.js';
import type { Resolver } from '../load/resolver.js';
import type { RefTarget } from '../load/resolver.js';
import { unescapePointerToken } from '../util/json-pointer.js';
import { NameRegistry, preferredTypeName } from './names.js';
import type { ShippedRef, SourceRef } from './types.js';

interface PendingSchema {
  name: string;
  specName: string;
  raw: unknown;
}

/** State of one parse: names handed out so far and named schemas still to parse. */
export class ParseContext {
  readonly names = new NameRegistry();
  readonly pending: PendingSchema[] = [];
  readonly specNames = new Map<string, string>();
  private readonly byTarget = new Map<string, string>();
  /** Every named schema's target, in the order names were handed out. */
  readonly targets: { target: RefTarget; name: string; specName: string }[] = [];
  /** Every source reference handed out, so that their places in the shipped spec can be filled in at the end. */
  private readonly sourceRefs: SourceRef[] = [];
  /** Inline schemas being parsed, to cut cycles made by YAML aliases. */
  readonly active = new Set<object>();

  constructor(
    readonly resolver: Resolver,
    readonly minor: OpenApiMinor,
  ) {}

  /** The type name of the schema at `target`, registering it for parsing the first time it is seen. */
  nameForTarget(target: RefTarget, raw: unknown): string {
    const key = `${target.absolutePath}#${target.pointer}`;
    const known = this.byTarget.get(key);
    if (known !== undefined) return known;
    const specName = unescapePointerToken(target.pointer.split('/').pop() ?? '') || 'Schema';
    const name = this.names.claim(preferredTypeName(specName));
    this.byTarget.set(key, name);
    this.targets.push({ target, name, specName });
    this.specNames.set(name, specName);
    this.pending.push({ name, specName, raw });
    return name;
  }

  /** Where a named member (a property, a parameter) is written: its key, not its value. */
  keySourceOf(parent: unknown, key: string): SourceRef | undefined {
    if (parent === null || typeof parent !== 'object') return undefined;
    return this.sourceRef(this.resolver.origins.ofKey(parent, key));
  }

  sourceOf(node: unknown): SourceRef | undefined {
    if (node === null || typeof node !== 'object') return undefined;
    return this.sourceRef(this.resolver.originOf(node));
  }

  /** Fills in where each source reference handed out so far sits in the shipped spec. */
  locateShipped(locate: (file: string, pointer: string) => ShippedRef | undefined): void {
    for (const ref of this.sourceRefs) {
      const shipped = locate(ref.file, ref.pointer);
      if (shipped !== undefined) ref.shipped = shipped;
    }
  }

  private sourceRef(origin: SourceRef | undefined): SourceRef | undefined {
    if (origin === undefined) return undefined;
    const ref: SourceRef = { file: origin.file, line: origin.line, column: origin.column, pointer: origin.pointer };
    this.sourceRefs.push(ref);
    return ref;
  }
}
