import { diagnosticCatalog, type DiagnosticCode } from './catalog.js';

export type Severity = 'error' | 'warning';

/** A problem found in the input, as data: every field a tool or a person needs to act on it. */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  /** File path as given to the loader (relative to the working directory when it can be). */
  file: string;
  /** 1-based line and column of the node, 0 when unknown (an unreadable file). */
  line: number;
  column: number;
  /** RFC 6901 JSON pointer of the node inside `file`. */
  pointer: string;
  help: string;
}

export interface DiagnosticInput {
  code: DiagnosticCode;
  message: string;
  file: string;
  pointer: string;
  line?: number;
  column?: number;
  severity?: Severity;
  help?: string;
}

export function createDiagnostic(input: DiagnosticInput): Diagnostic {
  return {
    code: input.code,
    severity: input.severity ?? 'error',
    message: input.message,
    file: input.file,
    line: input.line ?? 0,
    column: input.column ?? 0,
    pointer: input.pointer,
    help: input.help ?? diagnosticCatalog[input.code].help,
  };
}

/** `file:line:column error code: message (at pointer)\n  hint: …`, the shape editors and CI annotate. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const where = diagnostic.line > 0 ? `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}` : diagnostic.file;
  const pointer = diagnostic.pointer === '' ? '#' : `#${diagnostic.pointer}`;
  return `${where} ${diagnostic.severity} ${diagnostic.code}: ${diagnostic.message} (at ${pointer})\n  hint: ${diagnostic.help}`;
}

/** Stable order for reports: by file, then position, then code. Code-unit comparison, never locale. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      compareStrings(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      compareStrings(a.code, b.code) ||
      compareStrings(a.pointer, b.pointer),
  );
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
