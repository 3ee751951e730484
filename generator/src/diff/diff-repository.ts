import path from 'node:path';
import { resolveConfig, type GenerateJob, type UserConfig } from '../config/config.js';
import { discoverJobs } from '../config/discover.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { OpenApiSchemas } from '../load/openapi-schema.js';
import { effectiveSeverities } from '../shared/change-catalog.js';
import { diffSpecs, type DiffResult } from './diff-specs.js';
import { existsAt, gitReader, resolveCommit } from './spec-source.js';

export type SpecDiff = Extract<DiffResult, { ok: true }>;

export type RepositoryDiff =
  | {
      ok: true;
      since: string;
      /** Each spec that existed at the revision, compared with itself there, in the settings' order. */
      specs: { job: GenerateJob; diff: SpecDiff }[];
      /** Specs that did not exist at the revision. */
      added: GenerateJob[];
      diagnostics: Diagnostic[];
      /** Some spec has a change of severity `error`. */
      breaking: boolean;
    }
  | { ok: false; diagnostics: Diagnostic[]; problem?: string };

/**
 * Every spec the settings name (`jobs`, else each `specs/<provider>/openapi.*`) compared with itself at
 * the git revision `since`: one result for a repository, as `specsmith diff --since` and `version` use it.
 * A spec with errors in either version stops the run (nothing half-compared is reported).
 */
export async function diffRepository({ since, config: userConfig = {} }: { since: string; config?: UserConfig }): Promise<RepositoryDiff> {
  const config = resolveConfig(userConfig);
  const root = path.resolve(config.root);
  let readOld;
  let commit: string;
  try {
    // Every spec is read at the same commit, even if `since` is a branch that moves meanwhile.
    commit = await resolveCommit(since, root);
    readOld = await gitReader(commit, root);
  } catch (error) {
    return { ok: false, diagnostics: [], problem: `cannot read revision ${since}: ${(error as Error).message}` };
  }
  const specs: { job: GenerateJob; diff: SpecDiff }[] = [];
  const added: GenerateJob[] = [];
  const diagnostics: Diagnostic[] = [];
  const schemas = new OpenApiSchemas();
  const severity = effectiveSeverities(config.diff);
  for (const job of discoverJobs(config)) {
    if (!(await existsAt(readOld, path.resolve(root, job.spec)))) {
      added.push(job);
      continue;
    }
    const diff = await diffSpecs({ old: `${commit}:${job.spec}`, new: job.spec, root, severity, schemas });
    diagnostics.push(...diff.diagnostics);
    if (!diff.ok) return { ok: false, diagnostics, ...(diff.problem === undefined ? {} : { problem: diff.problem }) };
    // Shown as the revision was given (`v1.0.0:specs/x.yaml`), read at the commit it named.
    specs.push({ job, diff: { ...diff, old: { ...diff.old, source: `${since}:${job.spec}` } } });
  }
  return { ok: true, since, specs, added, diagnostics, breaking: specs.some(({ diff }) => diff.breaking) };
}
