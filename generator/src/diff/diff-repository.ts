import path from 'node:path';
import { resolveConfig, type GenerateJob, type UserConfig } from '../config/config.js';
import { discoverJobs } from '../config/discover.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { OpenApiSchemas } from '../load/openapi-schema.js';
import { effectiveSeverities } from '../shared/change-catalog.js';
import { diffSpecs, type DiffResult } from './diff-specs.js';
import { existsAt, filesAt, gitReader, resolveCommit } from './spec-source.js';

export type SpecDiff = Extract<DiffResult, { ok: true }>;

export type RepositoryDiff =
  | {
      ok: true;
      since: string;
      /** Each spec that existed at the revision, compared with itself there, in the settings' order. */
      specs: { job: GenerateJob; diff: SpecDiff }[];
      /** Specs that did not exist at the revision. */
      added: GenerateJob[];
      /**
       * Specs that existed at the revision and are gone (with the default layout, `specs/<provider>/openapi.*`):
       * their package is gone too, which breaks whoever installed it.
       */
      removed: string[];
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
  const removed = await removedSpecs({ config, commit, root, now: discoverJobs(config) });
  return { ok: true, since, specs, added, removed, diagnostics, breaking: removed.length > 0 || specs.some(({ diff }) => diff.breaking) };
}

/** With the default layout, the `specs/<provider>/openapi.*` at the commit that are no longer there. */
async function removedSpecs({
  config,
  commit,
  root,
  now,
}: {
  config: ReturnType<typeof resolveConfig>;
  commit: string;
  root: string;
  now: GenerateJob[];
}): Promise<string[]> {
  if (config.jobs !== undefined) return [];
  const entry = new RegExp(`^${config.specsDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\/+$/, '')}/[^/]+/openapi\\.(ya?ml|json)$`);
  const current = new Set(now.map((job) => job.spec.split(path.sep).join('/')));
  const then = (await filesAt(commit, config.specsDir, root)).filter((file) => entry.test(file));
  return then.filter((file) => !current.has(file));
}
