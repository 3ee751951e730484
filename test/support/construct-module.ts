import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  constructDocument,
  constructedBody,
  constructValidators,
  type ConstructedValidators,
} from '../../generator/src/emit/validators/construct/construct-validators.js';
import type { JsonSchema } from '../../generator/src/emit/validators/lower-schema.js';
import { loadValidatorRuntime } from '../../generator/src/emit/validators/runtime-format.js';
import { compiledModule, validatorModules } from '../../generator/src/emit/validators/validator-modules.js';
import type { ValidatorEntry } from '../../generator/src/emit/validators/validator-set.js';
import { temporaryDirectory } from './paths.js';

/** A compiled check with the contract api.js calls: the verdict, and the issues of the last collecting call. */
export type CompiledCheck = ((value: unknown, path?: string, stop?: boolean) => boolean) & { errors?: Issue[] | null };
export interface Issue {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
}

const runtime = await loadValidatorRuntime();
/** The runtime's exports and their JSON types, as the generator registers them. */
export const runtimeExports = runtime.exports;
/** A package's runtime module, here the runtime's own entry (templates/runtime/index.js) re-exported. */
export const runtimeModuleFile = `export * from ${JSON.stringify(pathToFileURL(runtime.file).href)};\n`;
export const runtimeFormats = async (): Promise<ReadonlyMap<string, 'string' | 'number'>> => runtime.formatTypes;

/**
 * Emits the validators of `defs` by construction, writes them as a package writes them (the runtime module
 * beside the compiled one, through validator-modules.ts's `compiledModule`) into a temporary folder and
 * imports that: the generated code runs as a module file, never through `eval` of its text.
 */
export async function loadConstructed({
  defs,
  entries,
  label = 'construct',
}: {
  defs: Record<string, JsonSchema>;
  entries?: ValidatorEntry[];
  label?: string;
}): Promise<{ checks: Record<string, CompiledCheck>; constructed: ConstructedValidators; source: string }> {
  const list = entries ?? Object.keys(defs).map((def) => ({ name: def, def }));
  const constructed = constructValidators({ defs, entries: list, formats: await runtimeFormats(), runtimeExports });
  const covered = list.filter((_, index) => constructed.entries[index] !== undefined);
  return { ...(await writeAndImport({ constructed, covered, label })), constructed };
}

/** The same for a whole JSON Schema document (a case of the JSON Schema Test Suite): one check, `Root`. */
export async function loadConstructedDocument({ document, label }: { document: unknown; label: string }) {
  const formats = await runtimeFormats();
  const constructed = constructDocument({ document, roots: [{ name: 'Root', tokens: [] }], formats, runtimeExports });
  if (constructed.entries[0] === undefined) return { check: undefined, gaps: constructed.uncovered[0]?.gaps ?? [] };
  const { checks, source } = await writeAndImport({ constructed, covered: [{ name: 'Root', def: 'Root' }], label });
  return { check: checks.Root!, gaps: [], source };
}

async function writeAndImport({
  constructed,
  covered,
  label,
}: {
  constructed: { statements: string[]; entries: (string | undefined)[]; runtime: string[]; fallbackImports: string[] };
  covered: ValidatorEntry[];
  label: string;
}): Promise<{ checks: Record<string, CompiledCheck>; source: string }> {
  const body = constructedBody({ ...constructed, uncovered: [], entries: constructed.entries.filter((name) => name !== undefined) });
  const folder = temporaryDirectory(label);
  writeFileSync(path.join(folder, `${validatorModules.runtime}.js`), runtimeModuleFile);
  const pieces = compiledModule({ header: '// Generated for a test.\n', body, entries: covered, format: 'esm' });
  const file = path.join(folder, `${validatorModules.compiled}.js`);
  writeFileSync(file, Buffer.concat(pieces));
  writeFileSync(path.join(folder, 'package.json'), '{"type":"module"}');
  const module = (await import(pathToFileURL(file).href)) as Record<string, EmittedCheck>;
  const checks = Object.fromEntries(Object.entries(module).map(([name, check]) => [name, inTwoModes(check)]));
  return { checks, source: readFileSync(file, 'utf8') };
}

/** An emitted check as api.js calls it: no `errors` array stops at the first problem, an array collects every issue. */
type EmittedCheck = (value: unknown, errors: Issue[] | undefined, path: string) => boolean;

/**
 * The tests' view of a check: `check(value, path, true)` is the verdict as `is*` asks for it; `check(value)`
 * collects, leaving the issues in `check.errors` (null when the value passes), as `assert*` asks for them.
 */
function inTwoModes(check: EmittedCheck): CompiledCheck {
  const twoModes: CompiledCheck = (value, path = '', stop = false) => {
    if (stop) return check(value, undefined, path);
    const errors: Issue[] = [];
    const valid = check(value, errors, path);
    twoModes.errors = valid ? null : errors;
    return valid;
  };
  return twoModes;
}
