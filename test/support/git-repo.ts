import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporaryDirectory } from './paths.js';

/** A throwaway git repository, committing as a fixed author (no global git config needed). */
export function gitRepository(label: string) {
  const root = temporaryDirectory(label);
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      ['-c', 'user.name=specsmith tests', '-c', 'user.email=tests@specsmith.invalid', '-c', 'commit.gpgsign=false', ...args],
      {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
  git('init', '--quiet', '--initial-branch=main');
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  const commit = (message: string, tag?: string) => {
    git('add', '--all');
    git('commit', '--quiet', '--message', message);
    if (tag !== undefined) git('tag', tag);
  };
  return { root, git, write, commit };
}
