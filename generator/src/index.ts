export { generate, type GenerateResult, type PackageResult } from './generate.js';
export { defaultConfig, resolveConfig, type GenerateJob, type ResolvedConfig, type UserConfig } from './config.js';
export { loadDocument, type LoadedDocument, type LoadOptions, type LoadResult } from './load/load-document.js';
export { parseDocument } from './ir/parse-document.js';
export type * from './ir/types.js';
export { diagnosticCatalog, type DiagnosticCode } from './diagnostics/catalog.js';
export { formatDiagnostic, type Diagnostic } from './diagnostics/diagnostic.js';
export { docsCheck, type DocsCheckOptions, type DocsCheckResult, type PageResult } from './docs-check/run-docs-check.js';
export { formatDocsCheckReport } from './docs-check/report.js';
