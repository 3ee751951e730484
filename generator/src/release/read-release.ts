import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isVersion } from '../util/versions.js';

/** What `specsmith version` recorded in a package folder, which generating again keeps. */
export interface Release {
  /** The package.json `version` on disk. */
  version?: string;
  /** The CHANGELOG.md on disk, as it is. */
  changelog?: string;
}

export const changelogFile = 'CHANGELOG.md';

/**
 * The release facts of a package folder: its version (when package.json holds a valid semver one) and its
 * changelog. A folder that does not exist yet has none, and the version then follows the spec's info.version.
 */
export async function readRelease(folder: string): Promise<Release> {
  const [manifest, changelog] = await Promise.all([
    readOptional(path.join(folder, 'package.json')),
    readOptional(path.join(folder, changelogFile)),
  ]);
  const release: Release = {};
  if (changelog !== undefined) release.changelog = changelog;
  try {
    const version = manifest === undefined ? undefined : (JSON.parse(manifest) as { version?: unknown }).version;
    if (isVersion(version)) release.version = version;
  } catch {
    // A package.json that is not JSON is replaced by the generated one, with the spec's version.
  }
  return release;
}

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
