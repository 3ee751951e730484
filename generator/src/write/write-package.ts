import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { FileContent } from '../shared/file-content.js';

/** Takes a package's files one at a time as they are emitted, so that none needs to stay in memory once written. */
export interface PackageWriter {
  /** Writes one file (a path relative to the package folder, `/`-separated) into the new folder. */
  write(relative: string, content: FileContent): Promise<void>;
  /** The new folder takes the old one's place, as one step; if that fails, the old folder stays. */
  commit(): Promise<void>;
  /** The new folder goes; the old one stays as it was. */
  discard(): Promise<void>;
}

/**
 * Starts replacing a package folder: files go to a sibling temporary folder as they come, which takes the
 * old folder's place only on commit, after every write succeeded. A failed run (discard) leaves the
 * previous output as it was.
 */
export async function openPackage(outDir: string): Promise<PackageWriter> {
  const parent = path.dirname(outDir);
  const base = path.basename(outDir);
  const staging = path.join(parent, `.${base}.specsmith-new-${process.pid}`);
  const retired = path.join(parent, `.${base}.specsmith-old-${process.pid}`);
  await mkdir(parent, { recursive: true });
  await removeAbandoned(parent, base);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging);
  return {
    async write(relative, content) {
      const target = path.join(staging, relative);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, content);
    },
    async commit() {
      let hadPrevious = true;
      try {
        await rename(outDir, retired);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        hadPrevious = false;
      }
      try {
        await rename(staging, outDir);
      } catch (error) {
        // The old folder goes back, so that a failed commit leaves the package as it was.
        if (hadPrevious)
          await rename(retired, outDir).catch((restore: unknown) => {
            throw new AggregateError([error, restore], `the package could not be replaced, and its previous files are in ${retired}`);
          });
        throw error;
      }
      if (hadPrevious) await rm(retired, { recursive: true, force: true });
    },
    async discard() {
      await rm(staging, { recursive: true, force: true });
    },
  };
}

/**
 * The new folders of runs that stopped before they could commit or discard (Ctrl-C, a crash): the process
 * that made one is no longer running on this machine (a folder shared with other machines is not a place
 * two runs should write at once). Folders of runs still going are left to them. A `-old-` folder is never
 * removed: it may hold the only copy of the previous package.
 */
async function removeAbandoned(parent: string, base: string): Promise<void> {
  const prefix = `.${base}.specsmith-new-`;
  for (const name of await readdir(parent)) {
    const pid = name.startsWith(prefix) ? Number(name.slice(prefix.length)) : Number.NaN;
    if (Number.isInteger(pid) && pid !== process.pid && !isRunning(pid))
      await rm(path.join(parent, name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
