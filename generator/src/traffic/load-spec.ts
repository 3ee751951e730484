import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { checksModule } from '../emit/validators/checks-module.js';
import { dataUrl } from '../util/data-url.js';
import type { JsonSchema } from '../emit/validators/lower-schema.js';
import { loadValidatorRuntime } from '../emit/validators/runtime-format.js';
import { compiledOrDiagnosed } from '../emit/validators/emit-validators.js';
import { ValidatorCompileError } from '../emit/validators/schema-check.js';
import { compileValidatorCode } from '../emit/validators/validator-code.js';
import { collectValidators } from '../emit/validators/validator-set.js';
import { parseDocument } from '../ir/parse-document.js';
import type { ApiModel } from '../ir/types.js';
import { loadDocument } from '../load/load-document.js';
import { importChecks, type Check } from '../validate/checks.js';

/** A spec ready for HTTP traffic: the model, each validator entry's check, and the lowered schemas (to sample values from). */
export interface TrafficSpec {
  model: ApiModel;
  checks: ReadonlyMap<string, Check>;
  defs: Readonly<Record<string, JsonSchema>>;
}

/**
 * Reads a spec and compiles every validator entry of it, as the generated packages do (all-errors mode,
 * messages naming the spec's files and lines), into one module imported from memory.
 */
export async function loadTrafficSpec({
  spec,
  root,
}: {
  spec: string;
  root: string;
}): Promise<{ spec?: TrafficSpec; diagnostics: Diagnostic[] }> {
  const loaded = await loadDocument({ entry: spec, root, lintOpenApiSchema: false });
  if (!loaded.ok) return { diagnostics: loaded.diagnostics };
  const model = parseDocument(loaded.loaded);
  const runtime = await loadValidatorRuntime();
  const set = collectValidators(model, runtime.formatTypes, { patternRisk: () => undefined, locations: 'source' });
  let checks = new Map<string, Check>();
  if (set.entries.length > 0) {
    let code;
    try {
      code = compiledOrDiagnosed(model, () => compileValidatorCode({ set, runtime }));
    } catch (error) {
      if (error instanceof ValidatorCompileError) return { diagnostics: [...loaded.diagnostics, ...error.diagnostics] };
      throw error;
    }
    checks = await importChecks(dataUrl(checksModule({ code, entries: set.entries, origins: set.origins(), runtime })));
  }
  return { spec: { model, checks, defs: set.defs }, diagnostics: loaded.diagnostics };
}
