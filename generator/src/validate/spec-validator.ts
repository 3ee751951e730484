import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { importChecks } from './checks.js';
import { dataUrl } from '../util/data-url.js';
import { cacheDirectory, cacheFile, entryUrl, readCacheManifest, writeCacheEntry } from './validator-cache.js';

import type { ValidateTarget, ValidationIssue } from './validate-target.js';

export type { ValidateTarget, ValidationIssue };

export interface SpecValidator {
  /** The type name the validator checks (`CustomerPerson`, `CreateMcCardRequestBody`). */
  name: string;
  /** Every problem of the value, or undefined when it is valid. Never throws. */
  check: (value: unknown) => ValidationIssue[] | undefined;
}

export type LoadedValidator =
  | { ok: true; validator: SpecValidator; diagnostics: Diagnostic[]; cache: 'hit' | 'miss' | 'off' }
  | { ok: false; diagnostics: Diagnostic[]; problem?: string };

/**
 * A validator for one target of a spec, compiled with the same lowering, compilation (validator-code.ts),
 * formats and messages as the generated packages (the CLI compiles; generated packages never do). The
 * compiled module is kept in a cache (validator-cache.ts) unless `cache` is false, so that a second run over
 * an unchanged spec neither reads the YAML nor compiles.
 */
export async function loadSpecValidator({
  spec,
  target,
  root = process.cwd(),
  cache = cacheDirectory(root),
}: {
  spec: string;
  target: ValidateTarget;
  root?: string;
  /** The cache folder, or false to compile every time. */
  cache?: string | false;
}): Promise<LoadedValidator> {
  const file = cache === false ? undefined : cacheFile({ directory: cache, spec, target, root });
  const manifest = file === undefined ? undefined : readCacheManifest(file);
  if (file !== undefined && manifest !== undefined) {
    return { ok: true, validator: await importValidator(entryUrl(file, manifest)), diagnostics: manifest.diagnostics, cache: 'hit' };
  }
  // Only a miss pays for the YAML parser, the IR and AJV.
  const { compileSpecTarget } = await import('./compile-spec-validator.js');
  const result = await compileSpecTarget({ spec, target, root: path.resolve(root) });
  if (!result.ok) return result;
  const { code, files } = result.compiled;
  const written = file === undefined ? undefined : writeCacheEntry({ file, files, diagnostics: result.diagnostics, code });
  const url = file !== undefined && written !== undefined ? entryUrl(file, written) : dataUrl(code);
  return { ok: true, validator: await importValidator(url), diagnostics: result.diagnostics, cache: file === undefined ? 'off' : 'miss' };
}

/** The validator of a module checks-module.ts wrote for one target: its one export, wrapped by api.js (checks.ts). */
async function importValidator(url: string): Promise<SpecValidator> {
  const [[name, check]] = [...(await importChecks(url))] as [[string, SpecValidator['check']]];
  return { name, check };
}
