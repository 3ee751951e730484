import { checkCatalog, type Bump, type CheckId, type Severity, type SeverityOverrides } from '../shared/change-catalog.js';
import type { SourceRef } from '../ir/types.js';

/** Where a change is, in one version of the spec: the file as shown, its JSON pointer, and its line when known (0 otherwise). */
export interface Place {
  file: string;
  pointer: string;
  line: number;
  column: number;
}

export interface Change {
  id: CheckId;
  /** The check's severity after the configuration's overrides. */
  severity: Severity;
  /** What the generated package's version needs for this change (checkCatalog). */
  bump: Bump;
  message: string;
  /** `POST /customers (createCustomer)`, for changes inside an operation. */
  operation?: string;
  /** The node in the old version; absent for something added. */
  old?: Place;
  /** The node in the new version; absent for something removed. */
  new?: Place;
}

export function placeOf(origin: SourceRef | undefined, fallback: Place): Place {
  if (origin === undefined) return fallback;
  return { file: origin.file, pointer: origin.pointer, line: origin.line, column: origin.column };
}

/**
 * Collects changes once each: a component schema reached from many operations is compared from each of
 * them, and reports its changes once, at its own place. Changes whose check is turned `off` are kept apart:
 * they leave the report and the exit code, but still count for the package's version (its code changed).
 */
export type ChangeInput = { id: CheckId; message: string; operation?: string; old?: Place; new?: Place };

/** Where comparisons put what they find. */
export interface ChangeSink {
  add(change: ChangeInput): void;
}

export class ChangeLog implements ChangeSink {
  readonly changes: Change[] = [];
  readonly hidden: Change[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly overrides: SeverityOverrides = {}) {}

  add({ id, message, operation, old, new: next }: ChangeInput, outside = false): void {
    const key = [id, old?.file, old?.pointer, next?.file, next?.pointer, message].join('\u0000');
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const definition = checkCatalog[id];
    const override = this.overrides[id];
    const change: Change = {
      id,
      severity: outside ? 'info' : override === undefined || override === 'off' ? definition.severity : override,
      bump: definition.bump,
      message: outside ? `${message} (in a schema no operation uses)` : message,
      ...(operation === undefined ? {} : { operation }),
      ...(old === undefined ? {} : { old }),
      ...(next === undefined ? {} : { new: next }),
    };
    (override === 'off' ? this.hidden : this.changes).push(change);
  }

  /**
   * A sink for changes in component schemas that no operation uses: they break no call, so they are
   * `info` whatever the check says, while their bump still counts (the package exports them).
   */
  outsideOperations(): ChangeSink {
    return { add: (change) => this.add(change, true) };
  }
}
