import { checkCatalog, type Bump, type CheckId, type Direction, type Severity, type SeverityOverrides } from '../shared/change-catalog.js';
import type { SourceRef } from '../ir/types.js';
import { fingerprintOf } from './fingerprint.js';
import type { KeywordLocator } from './keyword-places.js';

/** Where a change is, in one version of the spec: the file as shown, its JSON pointer, and its line when known (0 otherwise). */
export interface Place {
  file: string;
  pointer: string;
  line: number;
  column: number;
}

/** Where in an API a change is, in words: the operation, the direction and the place in the payload. */
export interface Scope {
  /** `POST /customers (createCustomer)`, for changes inside an operation (the first, in spec order, that reaches a shared schema). */
  operation?: string;
  direction?: Direction;
  /** The place in the payload: `body.address.city`, `query.auditUser`, `response 200 body.accounts[].id`. */
  location?: string;
  /** For a change inside a component schema: the schema's name and the path inside it (`Address.city`). */
  schema?: string;
}

export interface Change extends Scope {
  id: CheckId;
  /** The check's severity after the configuration's overrides. */
  severity: Severity;
  /** What the generated package's version needs for this change (checkCatalog). */
  bump: Bump;
  message: string;
  /** The keyword that changed, as a pointer below the node (`enum`, `maxLength`, `content/text~1plain`). */
  keyword?: string;
  /** The value before and after, where the change has one (absent on the side that has none). */
  values?: { old?: unknown; new?: unknown };
  /** The same for the same change in any commit: from the check, scope and values, never from lines. */
  fingerprint: string;
  /** The changed keyword (else its node) in the old version; absent for something added. */
  old?: Place;
  /** The changed keyword (else its node) in the new version; absent for something removed. */
  new?: Place;
}

export function placeOf(origin: SourceRef | undefined, fallback: Place): Place {
  if (origin === undefined) return fallback;
  return { file: origin.file, pointer: origin.pointer, line: origin.line, column: origin.column };
}

export type ChangeInput = Scope & {
  id: CheckId;
  message: string;
  keyword?: string;
  values?: { old?: unknown; new?: unknown };
  old?: Place;
  new?: Place;
};

/** Where comparisons put what they find. */
export interface ChangeSink {
  add(change: ChangeInput): void;
}

/**
 * Collects changes once each: a component schema reached from many operations is compared from each of
 * them, and reports its changes once, at its own place. Changes whose check is turned `off` are kept apart:
 * they leave the report and the exit code, but still count for the package's version (its code changed).
 */
export class ChangeLog implements ChangeSink {
  readonly changes: Change[] = [];
  readonly hidden: Change[] = [];
  private readonly seen = new Set<string>();

  constructor(
    private readonly overrides: SeverityOverrides = {},
    private readonly locate: KeywordLocator = { old: undefined, new: undefined },
  ) {}

  /** `relaxedBy` names why the change breaks no client (it is then `info`, whatever its check says). */
  add({ id, message, old, new: next, keyword, values, ...scope }: ChangeInput, relaxedBy?: string): void {
    const key = [id, old?.file, old?.pointer, next?.file, next?.pointer, message, relaxedBy].join('\u0000');
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const definition = checkCatalog[id];
    const override = this.overrides[id];
    const change: Change = {
      id,
      severity: relaxedBy !== undefined ? 'info' : override === undefined || override === 'off' ? definition.severity : override,
      bump: definition.bump,
      message: relaxedBy === undefined ? message : `${message} (${relaxedBy})`,
      ...definedOf(scope),
      ...(keyword === undefined ? {} : { keyword }),
      ...(values === undefined ? {} : { values }),
      fingerprint: fingerprintOf({ id, ...scope, ...(values === undefined ? {} : { values }) }),
      ...(old === undefined ? {} : { old: this.keywordPlace('old', old, keyword) }),
      ...(next === undefined ? {} : { new: this.keywordPlace('new', next, keyword) }),
    };
    (override === 'off' ? this.hidden : this.changes).push(change);
  }

  /**
   * A sink for changes in component schemas that no operation uses: they break no call, so they are
   * `info` whatever the check says, while their bump still counts (the package exports them).
   */
  outsideOperations(): ChangeSink {
    return this.relaxed('in a schema no operation uses');
  }

  /** A sink whose changes break no client for the reason given (an operation at `x-stability-level: alpha`). */
  relaxed(reason: string): ChangeSink {
    return { add: (change) => this.add(change, reason) };
  }

  /** The keyword's own line when the version writes it; the node's place otherwise. A place with no line gets its node's. */
  private keywordPlace(side: 'old' | 'new', place: Place, keyword: string | undefined): Place {
    if (keyword === undefined && place.line > 0) return place;
    const target = keyword === undefined ? place.pointer : `${place.pointer}/${keyword}`;
    const found = this.locate[side]?.(place.file, target);
    if (found === undefined) return place;
    if (found.pointer === target) return { file: place.file, pointer: target, line: found.line, column: found.column };
    return place.line > 0 ? place : { ...place, line: found.line, column: found.column };
  }
}

const definedOf = (scope: Scope): Scope => Object.fromEntries(Object.entries(scope).filter(([, value]) => value !== undefined)) as Scope;
