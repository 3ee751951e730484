import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { GenerateJob, ResolvedConfig } from './config.js';
import { compareStrings, createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { displayPathOf } from '../load/source-set.js';
import { scopedName } from './package-scope.js';

/** Folders of `specsDir` that hold shared pieces, not a provider. */
const sharedFolders = new Set(['common']);

const entryNames = ['openapi.yaml', 'openapi.yml', 'openapi.json'];

/** The embedded default: one job per provider folder with an `openapi.yaml`, `.yml` or `.json`. */
export function discoverJobs(config: ResolvedConfig): GenerateJob[] {
  if (config.jobs !== undefined) return config.jobs;
  const specsDir = path.resolve(config.root, config.specsDir);
  if (!existsSync(specsDir)) return [];
  const providers = readdirSync(specsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !sharedFolders.has(entry.name))
    .map((entry) => entry.name)
    .sort(compareStrings);
  return providers.flatMap((provider) => {
    const entry = entryNames.find((name) => existsSync(path.join(specsDir, provider, name)));
    if (entry === undefined) return [];
    return [
      {
        spec: path.join(config.specsDir, provider, entry),
        out: path.join(config.outDir, provider),
        name: scopedName(config.scope, provider),
      },
    ];
  });
}

/**
 * Why `discoverJobs` found nothing, as a diagnostic: a run with nothing to do is a mistake (a CI job in the
 * wrong folder), not a success. It names the folder looked in, absolute, since the run's folder is the doubt.
 */
export function noSpecsDiagnostic(config: ResolvedConfig): Diagnostic {
  const root = path.resolve(config.root);
  if (config.jobs !== undefined) {
    const file = displayPathOf(root, process.cwd()) || '.';
    return createDiagnostic({ code: 'specs-not-found', message: 'no spec to work on: the jobs list is empty', file, pointer: '' });
  }
  const specsDir = path.resolve(root, config.specsDir);
  const why = existsSync(specsDir)
    ? `no folder of ${specsDir} holds an openapi.yaml, openapi.yml or openapi.json`
    : `the folder ${specsDir} does not exist`;
  const file = displayPathOf(specsDir, process.cwd());
  return createDiagnostic({ code: 'specs-not-found', message: `no spec to work on: ${why}`, file, pointer: '' });
}
