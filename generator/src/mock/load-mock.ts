import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { templatePath } from '../emit/template-path.js';
import { compileValidators, type RuntimeFormat } from '../emit/validators/compile-validators.js';
import type { JsonSchema } from '../emit/validators/lower-schema.js';
import { collectValidators } from '../emit/validators/validator-set.js';
import { parseDocument } from '../ir/parse-document.js';
import type { ApiModel } from '../ir/types.js';
import { loadDocument } from '../load/load-document.js';
import type { ValidationIssue } from '../validate/spec-validator.js';
import { moduleCode } from '../validate/compile-spec-validator.js';

export type Check = (value: unknown) => ValidationIssue[] | undefined;

/** What the mock server serves from: the model, each validator entry's check, and the lowered schemas to sample. */
export interface MockSpec {
  model: ApiModel;
  checks: ReadonlyMap<string, Check>;
  defs: Readonly<Record<string, JsonSchema>>;
}

/**
 * Reads a spec and compiles every validator entry of it, as the generated packages do (all-errors mode,
 * messages naming the spec's files and lines), into one module imported from memory.
 */
export async function loadMockSpec({
  spec,
  root,
}: {
  spec: string;
  root: string;
}): Promise<{ mock?: MockSpec; diagnostics: Diagnostic[] }> {
  const loaded = await loadDocument({ entry: spec, root, lintOpenApiSchema: false });
  if (!loaded.ok) return { diagnostics: loaded.diagnostics };
  const model = parseDocument(loaded.loaded);
  const runtimeFile = templatePath('validators/runtime.js');
  const runtime = (await import(pathToFileURL(runtimeFile).href)) as { formats: Record<string, RuntimeFormat> };
  const formatTypes = new Map(Object.entries(runtime.formats).map(([name, definition]) => [name, definition.type]));
  const set = collectValidators(model, formatTypes, { patternRisk: () => undefined, locations: 'source' });
  const checks = new Map<string, Check>();
  if (set.entries.length > 0) {
    const compiled = compileValidators({ set, formats: runtime.formats, checkSchemas: false });
    const templates = await Promise.all([readFile(runtimeFile, 'utf8'), readFile(templatePath('validators/api.js'), 'utf8')]);
    const code = moduleCode({ names: set.entries.map((entry) => entry.name), templates, origins: set.origins(), compiled });
    const module = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as {
      checks: Record<string, Check>;
    };
    for (const [name, check] of Object.entries(module.checks)) checks.set(name, check);
  }
  return { mock: { model, checks, defs: set.defs }, diagnostics: loaded.diagnostics };
}
