export { generate, type GenerateOptions, type GenerateResult, type PackageResult } from './generate.js';
export { check, type CheckedFile, type CheckedPackage, type CheckResult } from './drift/check-packages.js';
export { defaultConfig, resolveConfig, type GenerateJob, type ResolvedConfig, type UserConfig } from './config/config.js';
export { loadDocument, type LoadedDocument, type LoadOptions, type LoadResult } from './load/load-document.js';
export { parseDocument } from './ir/parse-document.js';
export type * from './ir/types.js';
export { diagnosticCatalog, type DiagnosticCode } from './diagnostics/catalog.js';
export { formatDiagnostic, type Diagnostic } from './diagnostics/diagnostic.js';
export { docsCheck, type DocsCheckOptions, type DocsCheckResult, type PageResult } from './docs-check/run-docs-check.js';
export { formatDocsCheckReport } from './docs-check/report.js';
export { diffSpecs, type DiffOptions, type DiffResult, type SpecVersion } from './diff/diff-specs.js';
export { diffModels, type ModelDiff } from './diff/diff-models.js';
export {
  checkCatalog,
  checkIds,
  type Bump,
  type CheckDefinition,
  type CheckId,
  type Severity as ChangeSeverity,
  type SeverityOverrides,
} from './shared/change-catalog.js';
export type { Change, Place } from './diff/change-log.js';
export { formatDiffMarkdown, formatDiffText, diffFindings } from './diff/format-diff.js';
export { nextVersion } from './release/next-version.js';
export { versionPackages, type VersionedPackage, type VersionResult } from './release/version-packages.js';
export { checkFixtures, type FixtureResult, type FixturesResult, type FixtureIssue } from './validate/fixtures.js';
export { fixtureFindings } from './validate/format-fixtures.js';
export { formatJUnit } from './report/junit.js';
export { formatGitHub } from './report/github.js';
export { formatSarif } from './report/sarif.js';
export type { Finding, Rule } from './report/finding.js';
