import type { DiffPolicy, SeverityOverrides } from '../shared/change-catalog.js';
import { packageScopeAt } from './package-scope.js';

/** One spec to generate and where its package goes. */
export interface GenerateJob {
  /** Entry file of the spec, relative to `root`. */
  spec: string;
  /** Package folder, relative to `root`. */
  out: string;
  /** npm package name. */
  name: string;
}

export interface UserConfig {
  /**
   * Folder that relative paths (and paths shown in output) are taken from.
   * @default process.cwd()
   */
  root?: string;
  /**
   * Specs to generate. When absent, every `<specsDir>/<provider>/openapi.yaml` (or `.json`) goes to
   * `<outDir>/<provider>` as `<scope>/<provider>`.
   */
  jobs?: GenerateJob[];
  /** @default 'specs' */
  specsDir?: string;
  /** @default 'generated' */
  outDir?: string;
  /**
   * npm scope of the packages found under `specsDir` (`<scope>/<provider>`), and of a package given by
   * `--spec`/`--out` without `--name` (`<scope>/<name of the out folder>`).
   * @default the scope of `name` in the package.json at `root` (`@acme` for `"name": "@acme/web"`);
   * without one, none: the packages are named `<provider>`, unscoped
   */
  scope?: string;
  /**
   * `prettier` formats every generated source; `none` keeps the generator's own (indented, stable)
   * layout; `auto` formats files below `formatLimit` characters and keeps the rest as they are, so
   * formatting never dominates the time on a large spec (prettier takes 14 s on GitHub's 10 MB of
   * declarations, more than the rest of the run).
   * @default 'auto'
   */
  format?: FormatMode;
  /**
   * Size in characters above which `auto` leaves a file unformatted.
   * @default 1000000
   */
  formatLimit?: number;
  /**
   * Progress lines on stderr. `auto` shows them only when stderr is a terminal.
   * @default 'auto'
   */
  progress?: 'auto' | 'always' | 'never';
  /**
   * `all` emits a precompiled validator for every schema and operation part; `none` emits types only
   * (validators cost generation time on very large specs).
   * @default 'all'
   */
  validators?: ValidatorsMode;
  /**
   * How the CommonJS entries (`require`) reach the code. `copy` writes every module twice, as ES module
   * and as CommonJS. `require-esm` writes each CommonJS entry as one line that loads the ES module
   * (`require(esm)`, in Node since 20.19, the floor the package declares): the folder is about a third
   * smaller on a large spec, and an application that loads the package both ways gets one copy, not two.
   * Test runners with a module loader of their own may not load it that way (Jest only in recent releases,
   * on Node 24.9 or later).
   * @default 'copy'
   */
  commonjs?: CommonJsMode;
  /**
   * How a key of a 3.1 Schema Object one or two edits from a known keyword (`maxLenght`) is reported:
   * `error` refuses the spec, `warning` (for specs with a vocabulary of their own) lets it through.
   * @default 'error'
   */
  schemaKeywordTypos?: 'error' | 'warning';
  /**
   * What each generated package.json says about where the package comes from, for publishing:
   * `license` (an SPDX expression), `repository` (npm provenance needs it), extra `keywords`.
   * @default {}
   */
  packageMetadata?: PackageMetadata;
  /**
   * `specsmith diff` (and `version`): `severity` sets a check's severity (`error`, `warning`, `info`) or
   * turns it `off`, by check id, as oasdiff's levels file does; `policy` picks a reading where tools differ
   * (DiffPolicy: response bounds lowered, an error by default or a warning). A check turned off leaves the report and the
   * exit code, but its changes still count for the package's version.
   * @default {}
   */
  diff?: DiffConfig;
  /**
   * The command shown in generated headers as the way to regenerate.
   * @default 'npx specsmith generate'
   */
  command?: string;
}

export interface PackageMetadata {
  license?: string;
  repository?: string | { type: string; url: string; directory?: string };
  keywords?: string[];
}

export interface DiffConfig {
  severity?: SeverityOverrides;
  /** Readings of changes where tools differ (DiffPolicy): `{ "responseBounds": "warning" }`. @default {} */
  policy?: DiffPolicy;
}

export type FormatMode = 'prettier' | 'none' | 'auto';
export type ValidatorsMode = 'all' | 'none';
export type CommonJsMode = 'copy' | 'require-esm';

export interface ResolvedConfig {
  root: string;
  jobs: GenerateJob[] | undefined;
  specsDir: string;
  outDir: string;
  /** Undefined: the packages are unscoped. */
  scope: string | undefined;
  format: FormatMode;
  formatLimit: number;
  progress: 'auto' | 'always' | 'never';
  validators: ValidatorsMode;
  commonjs: CommonJsMode;
  schemaKeywordTypos: 'error' | 'warning';
  packageMetadata: PackageMetadata;
  diff: { severity: SeverityOverrides; policy: DiffPolicy };
  command: string;
}

export const defaultConfig = {
  specsDir: 'specs',
  outDir: 'generated',
  format: 'auto',
  formatLimit: 1_000_000,
  progress: 'auto',
  validators: 'all',
  commonjs: 'copy',
  schemaKeywordTypos: 'error',
  packageMetadata: {},
  diff: { severity: {}, policy: {} },
  command: 'npx specsmith generate',
} as const satisfies Omit<ResolvedConfig, 'root' | 'jobs' | 'scope'>;

/** The settings with every default filled in; the default scope is read from `<root>/package.json`. */
export function resolveConfig(user: UserConfig = {}): ResolvedConfig {
  const root = user.root ?? process.cwd();
  return {
    root,
    jobs: user.jobs,
    specsDir: user.specsDir ?? defaultConfig.specsDir,
    outDir: user.outDir ?? defaultConfig.outDir,
    scope: user.scope ?? packageScopeAt(root),
    format: user.format ?? defaultConfig.format,
    formatLimit: user.formatLimit ?? defaultConfig.formatLimit,
    progress: user.progress ?? defaultConfig.progress,
    validators: user.validators ?? defaultConfig.validators,
    commonjs: user.commonjs ?? defaultConfig.commonjs,
    schemaKeywordTypos: user.schemaKeywordTypos ?? defaultConfig.schemaKeywordTypos,
    packageMetadata: user.packageMetadata ?? defaultConfig.packageMetadata,
    diff: { severity: user.diff?.severity ?? defaultConfig.diff.severity, policy: user.diff?.policy ?? defaultConfig.diff.policy },
    command: user.command ?? defaultConfig.command,
  };
}
