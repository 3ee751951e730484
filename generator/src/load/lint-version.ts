import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { OriginIndex } from './origins.js';

export type OpenApiMinor = '3.0' | '3.1';

/** Reads the `openapi` field: which schema and which dialect the rest of the load uses. */
export function lintVersion({ document, file, origins }: { document: unknown; file: string; origins: OriginIndex }): {
  minor?: OpenApiMinor;
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
