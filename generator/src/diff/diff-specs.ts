import path from 'node:path';
import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { parseDocument } from '../ir/parse-document.js';
import type { ApiModel } from '../ir/types.js';
import { loadDocument } from '../load/load-document.js';
import { displayPathOf } from '../load/source-set.js';
import type { OpenApiSchemas } from '../load/openapi-schema.js';
import type { SeverityOverrides } from '../shared/change-catalog.js';
import { diffModels, type ModelDiff } from './diff-models.js';
import { locatorOf, type Locate } from './keyword-places.js';
import { describeSource, gitReader, parseSpecSource, type SpecSource } from './spec-source.js';

export interface DiffOptions {
  /** The old version: a file, or `REV:path` read with git. */
  old: string;
  /** The new version: a file, or `REV:path`. */
  new: string;
  /** Paths (and `REV:path`s) are read from here, and files are shown relative to it. @default process.cwd() */
  root?: string;
  /** Severity per check id, or `off` (`diff.severity` in specsmith.config.json). @default {} */
  severity?: SeverityOverrides;
  /** The compiled OpenAPI schemas, shared by the diffs of one run (compiling them costs about 0.2 s). */
  schemas?: OpenApiSchemas;
}

export interface SpecVersion {
  /** As given: `specs/x.yaml` or `origin/main:specs/x.yaml`. */
  source: string;
  title: string;
  version: string;
}

export type DiffResult =
  | ({ ok: true; old: SpecVersion; new: SpecVersion; diagnostics: Diagnostic[] } & ModelDiff)
  | { ok: false; diagnostics: Diagnostic[]; problem?: string };

/**
 * Compares two versions of a spec. Each is loaded and checked as `generate` would (a version with errors
 * is bad input: nothing is compared, and every problem is returned).
 */
export async function diffSpecs(options: DiffOptions): Promise<DiffResult> {
  const root = path.resolve(options.root ?? process.cwd());
  const schemas = options.schemas ?? new (await import('../load/openapi-schema.js')).OpenApiSchemas();
  const sources = [parseSpecSource(options.old, root), parseSpecSource(options.new, root)] as const;
  const loaded = await Promise.all(sources.map((source) => loadVersion(source, root, schemas)));
  const diagnostics = sortDiagnostics(loaded.flatMap((version) => version.diagnostics));
  const [old, next] = loaded;
  if (old?.model === undefined || next?.model === undefined) {
    const problem = loaded
      .map((version) => version.problem)
      .filter((text) => text !== undefined)
      .join('\n');
    return { ok: false, diagnostics, ...(problem === '' ? {} : { problem }) };
  }
  const files = {
    old: displayPathOf(path.resolve(root, sources[0].path), root),
    new: displayPathOf(path.resolve(root, sources[1].path), root),
  };
  const locate = { old: old.locate, new: next.locate };
  const diff = diffModels({ old: old.model, new: next.model, severity: options.severity ?? {}, files, locate });
  return { ok: true, old: versionOf(sources[0], old.model), new: versionOf(sources[1], next.model), diagnostics, ...diff };
}

const versionOf = (source: SpecSource, model: ApiModel): SpecVersion => ({
  source: describeSource(source),
  title: model.info.title,
  version: model.info.version,
});

async function loadVersion(
  source: SpecSource,
  root: string,
  schemas: OpenApiSchemas,
): Promise<{ model?: ApiModel; locate?: Locate; diagnostics: Diagnostic[]; problem?: string }> {
  let readText;
  if (source.kind === 'git') {
    try {
      readText = await gitReader(source.revision, root);
    } catch (error) {
      return { diagnostics: [], problem: `cannot read ${describeSource(source)}: ${(error as Error).message}` };
    }
  }
  const result = await loadDocument({
    entry: source.path,
    root,
    schemas,
    newerAs31: true,
    ...(readText === undefined ? {} : { readText }),
  });
  const diagnostics =
    source.kind === 'git'
      ? result.diagnostics.map((diagnostic) => ({ ...diagnostic, file: `${source.revision}:${diagnostic.file}` }))
      : result.diagnostics;
  if (!result.ok) return { diagnostics };
  return { model: parseDocument(result.loaded), locate: locatorOf(result.loaded), diagnostics };
}
