/**
 * The JSON Schema dialects whose keywords specsmith checks Schema Objects of 3.1 documents by: OpenAPI
 * 3.1's default dialect (§4.8.24, in its published versions) and plain JSON Schema 2020-12. A
 * `jsonSchemaDialect` or `$schema` naming another one turns those checks off where it applies.
 */
export const knownDialects: ReadonlySet<string> = new Set([
  'https://spec.openapis.org/oas/3.1/dialect/base',
  'https://spec.openapis.org/oas/3.1/dialect/2024-10-25',
  'https://json-schema.org/draft/2020-12/schema',
]);

/** Whether a document's `jsonSchemaDialect` (absent: the default) is one of those. */
export const usesKnownDialect = (document: unknown): boolean => {
  const dialect = (document as { jsonSchemaDialect?: unknown } | null)?.jsonSchemaDialect;
  return typeof dialect !== 'string' || knownDialects.has(dialect);
};
