import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { recipeEnv } from './consumer-repo.js';

/** The npm packages the JavaScript files below `folder` import or require, by name. */
export function importedPackages(folder: string): string[] {
  const names = new Set<string>();
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.c?js$/.test(entry.name)) continue;
    const text = readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
    for (const { fileName } of ts.preProcessFile(text, true, true).importedFiles) {
      if (/^[./]|^node:/.test(fileName) || builtinModules.includes(fileName)) continue;
      names.add(
        fileName
          .split('/')
          .slice(0, fileName.startsWith('@') ? 2 : 1)
          .join('/'),
      );
    }
  }
  return [...names].sort();
}

/**
 * A long-running shell command (a server) started in `cwd`, in a process group of its own so that stopping
 * it stops what npx started under it; resolves with the first http URL it prints.
 */
export async function startServerCommand(command: string, cwd: string): Promise<{ url: string; stop(): void }> {
  const child = spawn('sh', ['-c', command], { cwd, env: recipeEnv(), detached: true });
  const stop = () => {
    if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
  };
  let printed = '';
  child.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  for (let waited = 0; waited < 60_000; waited += 50) {
    const url = /\bat (http:\/\/\S+)/.exec(printed)?.[1];
    if (url !== undefined) return { url, stop };
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  stop();
  throw new Error(`${command} printed no URL:\n${printed}`);
}
