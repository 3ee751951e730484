import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { OriginIndex } from './origins.js';

export type OpenApiMinor = '3.0' | '3.1';

/** Reads the `openapi` field: which schema and which dialect the rest of the load uses. */
export function lintVersion({
  document,
  file,
  origins,
  newerAs31 = false,
}: {
  document: unknown;
  file: string;
  origins: OriginIndex;
  /** Read a 3.2 document as 3.1, with a warning, rather than refuse it (the diff's choice). */
  newerAs31?: boolean;
}): {
  minor?: OpenApiMinor;
  /** The document is a newer 3.x read as 3.1: the 3.1 schema would refuse what it adds. */
  newer?: boolean;
  diagnostics: Diagnostic[];
} {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    return {
      diagnostics: [
        createDiagnostic({ code: 'not-an-object', message: 'the document is not an object', file, pointer: '', line: 1, column: 1 }),
      ],
    };
  }
  const record = document as Record<string, unknown>;
  const at = (key: string) => {
    const origin = origins.ofChild(record, key) ?? origins.of(record);
    return { file, pointer: `/${key}`, line: origin?.line, column: origin?.column };
  };
  if ('swagger' in record) {
    return {
      diagnostics: [
        createDiagnostic({ code: 'swagger-2', message: `swagger ${JSON.stringify(record.swagger)} is not OpenAPI 3.x`, ...at('swagger') }),
      ],
    };
  }
  const version = record.openapi;
  const match = typeof version === 'string' ? /^3\.(0|1)\.\d+(-.+)?$/.exec(version) : null;
  if (match === null && newerAs31 && typeof version === 'string' && /^3\.2\.\d+(-.+)?$/.test(version))
    return {
      minor: '3.1',
      newer: true,
      diagnostics: [
        createDiagnostic({
          code: 'version-read-as-3.1',
          severity: 'warning',
          message: `openapi ${JSON.stringify(version)} is read as 3.1: what 3.2 adds is not compared`,
          ...at('openapi'),
        }),
      ],
    };
  if (match === null) {
    const message =
      version === undefined ? 'the document has no `openapi` field' : `openapi ${JSON.stringify(version)} is not a 3.0.x or 3.1.x version`;
    return {
      diagnostics: [
        createDiagnostic({
          code: 'unsupported-version',
          message,
          ...(version === undefined ? { file, pointer: '', line: 1, column: 1 } : at('openapi')),
        }),
      ],
    };
  }
  return { minor: match[1] === '0' ? '3.0' : '3.1', diagnostics: [] };
}
