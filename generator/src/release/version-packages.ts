import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { resolveConfig, type GenerateJob, type UserConfig } from '../config/config.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Change } from '../diff/change-log.js';
import type { Bump } from '../shared/change-catalog.js';
import { diffRepository } from '../diff/diff-repository.js';
import { isVersion, packageVersion } from '../util/versions.js';
import { nextVersion } from './next-version.js';
import { gitReader } from '../diff/spec-source.js';
import { discoverJobs } from '../config/discover.js';
import { changelogFile, readRelease } from './read-release.js';
import { addEntry, changelogEntry } from './changelog.js';

export interface VersionedPackage {
  job: GenerateJob;
  /** The package's version at the revision (else on disk now). */
  from: string;
  to: string;
  bump: Bump | 'none';
  /** Every change, those of checks turned off included (they changed the package too). */
  changes: Change[];
  /** The spec did not exist at the revision: the package is new, and keeps its version. */
  new: boolean;
}

export type VersionResult =
  { ok: true; packages: VersionedPackage[]; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[]; problem?: string };

/**
 * Gives every package the version its changes since `since` (a git revision) need: each spec is compared
 * with itself at that revision, the package's version there is bumped by the verdict, and the result is
 * written into the package's package.json with a CHANGELOG.md entry. Generating again keeps both.
 * Running it twice for the same revision gives the same version and one entry.
 */
export async function versionPackages({ since, config: userConfig = {} }: { since: string; config?: UserConfig }): Promise<VersionResult> {
  const config = resolveConfig(userConfig);
  const root = path.resolve(config.root);
  const compared = await diffRepository({ since, config: userConfig });
  if (!compared.ok) return compared;
  const readOld = await gitReader(since, root);
  const packages: VersionedPackage[] = [];
  for (const job of compared.added) {
    const current = await readRelease(path.resolve(root, job.out));
    if (current.version === undefined) return noPackage(compared.diagnostics, job);
    packages.push({ job, from: current.version, to: current.version, bump: 'none', changes: [], new: true });
  }
  for (const { job, diff } of compared.specs) {
    const folder = path.resolve(root, job.out);
    const current = await readRelease(folder);
    if (current.version === undefined) return noPackage(compared.diagnostics, job);
    const from = await versionAt(readOld, folder, current.version);
    const to = nextVersion(from, diff.bump);
    const changes = [...diff.changes, ...diff.hidden];
    packages.push({ job, from, to, bump: diff.bump, changes, new: false });
    if (diff.bump === 'none') continue;
    await setVersion(folder, to);
    const entry = changelogEntry({
      version: to,
      since,
      spec: job.spec,
      apiVersions: { old: diff.old.version, new: diff.new.version },
      changes,
    });
    await writeFile(path.join(folder, changelogFile), addEntry(current.changelog, entry));
  }
  const order = new Map(discoverJobs(config).map((job, index) => [job.spec, index]));
  packages.sort((a, b) => order.get(a.job.spec)! - order.get(b.job.spec)!);
  return { ok: true, packages, diagnostics: compared.diagnostics };
}

const noPackage = (diagnostics: Diagnostic[], job: GenerateJob): VersionResult => ({
  ok: false,
  diagnostics,
  problem: `${job.out} has no package.json with a version: run specsmith generate first`,
});

/** The package's version at the revision; a package not generated then starts from its version now. */
async function versionAt(read: (file: string) => Promise<string>, folder: string, fallback: string): Promise<string> {
  try {
    const version = (JSON.parse(await read(path.join(folder, 'package.json'))) as { version?: unknown }).version;
    return isVersion(version) ? version : typeof version === 'string' ? packageVersion(version) : fallback;
  } catch {
    return fallback;
  }
}

/** Sets `version` in package.json, keeping every other field and the layout generate writes. */
async function setVersion(folder: string, version: string): Promise<void> {
  const file = path.join(folder, 'package.json');
  const manifest = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  manifest.version = version;
  await writeFile(file, `${JSON.stringify(manifest, null, 2)}\n`);
}
