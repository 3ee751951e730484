/**
 * One result for a CI system, whatever produced it (a `diff` change, a fixture file): the shape the
 * JUnit, SARIF and GitHub writers share.
 */
export interface Finding {
  /** Groups findings: a JUnit test suite. */
  suite: string;
  /** A JUnit test case's name. */
  name: string;
  /** What the finding is about without its rule (an operation and a payload path): annotation titles, SARIF's logical location. */
  subject?: string;
  /** The same for the same finding in any commit (SARIF `partialFingerprints`), never made from lines. */
  fingerprint?: string;
  ruleId: string;
  /** SARIF's levels; GitHub's `error`, `warning` and `notice`. */
  level: 'error' | 'warning' | 'note';
  /** A JUnit failure (a passed case is listed too, so CI shows what was checked). */
  failed: boolean;
  message: string;
  /** The file it is about, relative to the working directory, with `/` separators. */
  file?: string;
  /** 1-based; absent or 0 when unknown. */
  line?: number;
  column?: number;
}

export interface Rule {
  id: string;
  description: string;
  level: Finding['level'];
}
