import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { structuredPatch } from 'diff';
import type { GenerateJob, UserConfig } from '../config/config.js';
import { compareStrings, type Diagnostic } from '../diagnostics/diagnostic.js';
import { generate } from '../generate.js';

/** One file that does not match what the spec produces now. */
export interface CheckedFile {
  /** Relative to the package folder, with `/` separators. */
  path: string;
  /** `stale`: differs; `missing`: generated but not on disk; `extra`: on disk but no longer generated. */
  status: 'stale' | 'missing' | 'extra';
  /** For a stale file: the first hunk of a unified diff (on disk, then as generated now). */
  diff?: string;
}

export interface CheckedPackage {
  job: GenerateJob;
  /** The spec generated (false: it has errors, and nothing could be compared). */
  generated: boolean;
  files: CheckedFile[];
}

export interface CheckResult {
  /** Every package generated and matches what is on disk; false when no spec was found (`specs-not-found`). */
  ok: boolean;
  packages: CheckedPackage[];
  diagnostics: Diagnostic[];
}

/** How much of a stale file's diff to show: the first hunk, cut after this many lines. */
const diffLines = 16;

/**
 * Whether the packages on disk are what their specs produce now: every job is generated into a scratch
 * folder (with the same headers, so only real changes count) and compared file by file with its `out`
 * folder. The scratch folder is removed whatever happens.
 */
export async function check(userConfig: UserConfig = {}): Promise<CheckResult> {
  const scratch = await mkdtemp(path.join(tmpdir(), 'specsmith-check-'));
  try {
    const folders = new Map<GenerateJob, string>();
    const result = await generate(
      { progress: 'never', ...userConfig },
      {
        outputFor: (job) => {
          const folder = path.join(scratch, String(folders.size));
          folders.set(job, folder);
          return folder;
        },
      },
    );
    const root = path.resolve(userConfig.root ?? process.cwd());
    const packages: CheckedPackage[] = [];
    for (const pack of result.packages) {
      const fresh = folders.get(pack.job);
      const files = pack.ok && fresh !== undefined ? await compareFolders(path.resolve(root, pack.job.out), fresh) : [];
      packages.push({ job: pack.job, generated: pack.ok, files });
    }
    return { ok: result.ok && packages.every((pack) => pack.files.length === 0), packages, diagnostics: result.diagnostics };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function compareFolders(onDisk: string, fresh: string): Promise<CheckedFile[]> {
  const [have, want] = await Promise.all([listFiles(onDisk), listFiles(fresh)]);
  const names = [...new Set([...have, ...want])].sort(compareStrings);
  const files: CheckedFile[] = [];
  for (const name of names) {
    if (!have.includes(name)) files.push({ path: name, status: 'missing' });
    else if (!want.includes(name)) files.push({ path: name, status: 'extra' });
    else {
      const [before, after] = await Promise.all([readFile(path.join(onDisk, name), 'utf8'), readFile(path.join(fresh, name), 'utf8')]);
      if (before !== after) files.push({ path: name, status: 'stale', diff: firstHunk(name, before, after) });
    }
  }
  return files;
}

/** Every file below a folder (none when it does not exist), relative, with `/` separators. */
async function listFiles(folder: string): Promise<string[]> {
  try {
    const entries = await readdir(folder, { recursive: true, withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** The first hunk of a unified diff, cut to a few lines: enough to see what changed, not a wall of text. */
function firstHunk(name: string, before: string, after: string): string {
  const patch = structuredPatch(`${name} (on disk)`, `${name} (generated now)`, before, after, '', '', { context: 2 });
  const hunk = patch.hunks[0];
  if (hunk === undefined) return '';
  const lines = hunk.lines.slice(0, diffLines);
  const more = hunk.lines.length - lines.length;
  const header = `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`;
  return [`--- ${patch.oldFileName}`, `+++ ${patch.newFileName}`, header, ...lines, ...(more > 0 ? [`… ${more} more line(s)`] : [])].join(
    '\n',
  );
}
