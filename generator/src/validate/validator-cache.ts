import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { templatePath } from '../emit/template-path.js';

/**
 * The compiled validators `specsmith validate` keeps between runs: one ES module a spec, target and
 * working directory, whose first line records the spec files it was compiled from with their hashes.
 * A hit costs reading and hashing those files; any change to them, or to specsmith itself, is a miss.
 */
export interface CacheManifest {
  files: { path: string; sha256: string }[];
  /** What loading the spec reported (warnings), shown again on every run that uses the entry. */
  diagnostics: Diagnostic[];
}

const manifestPrefix = '// specsmith validate cache: ';

/**
 * Where entries live: `SPECSMITH_CACHE_DIR`, else `node_modules/.cache/specsmith` of the nearest
 * folder up from `from` that has a `node_modules`, else a folder in the system's temporary directory.
 */
export function cacheDirectory(from: string, env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.SPECSMITH_CACHE_DIR;
  if (configured !== undefined && configured !== '') return path.resolve(configured);
  for (let folder = path.resolve(from); ; folder = path.dirname(folder)) {
    if (existsSync(path.join(folder, 'node_modules'))) return path.join(folder, 'node_modules/.cache/specsmith');
    if (path.dirname(folder) === folder) return path.join(os.tmpdir(), 'specsmith-cache');
  }
}

/** The entry's file: a hash of specsmith's own files, the spec's path, the target and the root paths are shown from. */
export function cacheFile({ directory, spec, target, root }: { directory: string; spec: string; target: unknown; root: string }): string {
  const key = sha256(
    JSON.stringify({ tool: toolFingerprint(), ajv: ajvVersion(), spec: path.resolve(root, spec), target, root: path.resolve(root) }),
  );
  return path.join(directory, `validate-${key.slice(0, 32)}.mjs`);
}

/** The manifest of an entry whose spec files are unchanged, or undefined (no entry, unreadable, stale). */
export function readCacheManifest(file: string): CacheManifest | undefined {
  let firstLine: string;
  try {
    const text = readFileSync(file, 'utf8');
    firstLine = text.slice(0, text.indexOf('\n'));
  } catch {
    return undefined;
  }
  if (!firstLine.startsWith(manifestPrefix)) return undefined;
  let manifest: CacheManifest;
  try {
    manifest = JSON.parse(firstLine.slice(manifestPrefix.length)) as CacheManifest;
  } catch {
    return undefined;
  }
  const fresh = manifest.files.every((entry) => {
    try {
      return sha256(readFileSync(entry.path)) === entry.sha256;
    } catch {
      return false;
    }
  });
  return fresh ? manifest : undefined;
}

/**
 * Writes an entry (to a temporary name, then renamed, so a concurrent run never reads half a file).
 * Returns its manifest, or undefined when the folder cannot be written: the cache is an optimisation,
 * never a failure.
 */
export function writeCacheEntry({
  file,
  files,
  diagnostics,
  code,
}: {
  file: string;
  files: string[];
  diagnostics: Diagnostic[];
  code: string;
}): CacheManifest | undefined {
  const manifest: CacheManifest = { files: files.map((item) => ({ path: item, sha256: sha256(readFileSync(item)) })), diagnostics };
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temporary, `${manifestPrefix}${JSON.stringify(manifest)}\n${code}`);
    renameSync(temporary, file);
    return manifest;
  } catch {
    return undefined;
  }
}

/** An entry's URL, distinct for each version of its spec files (a process imports a URL once). */
export function entryUrl(file: string, manifest: CacheManifest): string {
  return `${pathToFileURL(file).href}?${sha256(manifest.files.map((entry) => entry.sha256).join()).slice(0, 16)}`;
}

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

/**
 * specsmith's own code as the cache sees it: size and modification time of every file of the compiled
 * generator and of the validator templates, so that a rebuilt or upgraded specsmith never reuses an entry.
 */
/** The AJV installed beside specsmith: an entry with a fallback holds its code and imports its helpers. */
function ajvVersion(): string {
  try {
    return (createRequire(import.meta.url)('ajv/package.json') as { version: string }).version;
  } catch {
    return 'none';
  }
}

function toolFingerprint(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const roots = [path.resolve(here, '..'), templatePath('runtime')];
  const lines: string[] = [];
  const visit = (folder: string): void => {
    let names: string[];
    try {
      names = readdirSync(folder).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const item = path.join(folder, name);
      const stats = statSync(item);
      if (stats.isDirectory()) visit(item);
      else lines.push(`${item} ${stats.size} ${stats.mtimeMs}`);
    }
  };
  for (const folder of roots) visit(folder);
  return sha256(lines.join('\n'));
}
