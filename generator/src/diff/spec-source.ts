import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { ReadText } from '../load/source-set.js';

const run = promisify(execFile);

/**
 * Where one version of a spec is: a file in the working tree, or `REV:path` (a path relative to the
 * working directory, as `git show REV:./path` reads it), read with git itself, so every file the spec
 * references is read at the same revision.
 */
export type SpecSource = { kind: 'file'; path: string } | { kind: 'git'; revision: string; path: string };

/** A file that exists wins over a `REV:path` reading (`C:\specs` on Windows, a file named with a colon). */
export function parseSpecSource(argument: string, root: string): SpecSource {
  const colon = argument.indexOf(':');
  if (existsSync(path.resolve(root, argument)) || colon <= 0 || /^[A-Za-z]:[\\/]/.test(argument)) return { kind: 'file', path: argument };
  return { kind: 'git', revision: argument.slice(0, colon), path: argument.slice(colon + 1) };
}

export const describeSource = (source: SpecSource) => (source.kind === 'file' ? source.path : `${source.revision}:${source.path}`);

/**
 * Reads files of the tree at a revision. The revision is resolved to a commit once, so that every file
 * comes from the same one even if a branch moves meanwhile. Files outside the repository cannot be read.
 */
export async function gitReader(revision: string, root: string): Promise<ReadText> {
  const commit = await resolveCommit(revision, root);
  const top = (await git(['rev-parse', '--show-toplevel'], root)).trim();
  return async (absolutePath) => {
    const relative = path.relative(top, absolutePath).split(path.sep).join('/');
    if (relative.startsWith('..') || path.isAbsolute(relative))
      throw Object.assign(new Error('outside the repository'), { code: 'outside the repository' });
    return git(['cat-file', 'blob', `${commit}:${relative}`], top);
  };
}

/** The commit a revision names now (a branch may move while a run reads it). */
export async function resolveCommit(revision: string, root: string): Promise<string> {
  return (await git(['rev-parse', '--verify', '--end-of-options', `${revision}^{commit}`], root)).trim();
}

/** Paths (relative to the working directory, `/` separated) of the files under a folder at a commit. */
export async function filesAt(commit: string, folder: string, root: string): Promise<string[]> {
  const listed = await git(['ls-tree', '-r', '--name-only', '--full-name', commit, '--', folder], root);
  const top = (await git(['rev-parse', '--show-toplevel'], root)).trim();
  return listed
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => path.relative(root, path.join(top, line)).split(path.sep).join('/'));
}

/** True when the reader finds the file. */
export async function existsAt(read: ReadText, file: string): Promise<boolean> {
  try {
    await read(file);
    return true;
  } catch {
    return false;
  }
}

async function git(args: string[], cwd: string): Promise<string> {
  try {
    const { stdout } = await run('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
    return stdout;
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    const reason = failure.code === 'ENOENT' ? 'git is not installed' : (failure.stderr ?? failure.message).trim().replace(/^fatal: /, '');
    throw Object.assign(new Error(reason), { code: `git: ${reason}` });
  }
}
