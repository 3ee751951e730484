import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { ApiModel } from '../../ir/types.js';
import { templatePath } from '../package/template-path.js';
import { compileBoth } from './compile-parallel.js';
import type { RuntimeFormat } from './compile-validators.js';
import { validatorNames } from './emit-validator-types.js';
import type { ValidatorNote } from './lower-schema.js';
import { collectValidators, type ValidatorEntry } from './validator-set.js';

export interface EmittedValidators {
  entries: ValidatorEntry[];
  /** Statements that define every validator (runtime helpers, API, compiled checks), without exports. */
  body: string;
  /** What the module exports: a name and the expression it is bound to. */
  exports: { name: string; expression: string }[];
  notes: ValidatorNote[];
}

/**
 * The validators of a package as module code: the runtime templates inlined (so the package has no
 * runtime dependency and no `require`), then the checks precompiled twice, stopping at the first
 * problem (`is*`) and collecting every problem (`assert*`, Standard Schema).
 */
export async function emitValidators(model: ApiModel): Promise<EmittedValidators | undefined> {
  const runtimeFile = templatePath('validators/runtime.js');
  const runtime = (await import(pathToFileURL(runtimeFile).href)) as { formats: Record<string, RuntimeFormat> };
  const formatTypes = new Map(Object.entries(runtime.formats).map(([name, definition]) => [name, definition.type]));
  const set = collectValidators(model, formatTypes);
  if (set.entries.length === 0) return undefined;
  const templates = await Promise.all([readFile(runtimeFile, 'utf8'), readFile(templatePath('validators/api.js'), 'utf8')]);
  const [first, all] = await compileBoth({ set, formats: runtime.formats, runtimeFile });
  const validators = set.entries.map(
    (entry, index) => `    createValidator(${JSON.stringify(entry.name)}, firstError[${index}], allErrors[${index}], ruleOrigins),`,
  );
  // One closure holds the runtime and the compiled checks, so none of their names meets an export's.
  const body = [
    'const { ValidationError, validators } = (() => {',
    ...templates.map((text) => text.replace(/^export /gm, '')),
    `const ruleOrigins = ${JSON.stringify(set.origins)};`,
    `const firstError = ${first};`,
    `const allErrors = ${all};`,
    `return {\n  ValidationError,\n  validators: [\n${validators.join('\n')}\n  ],\n};`,
    '})();',
  ].join('\n');
  const exports = [{ name: 'ValidationError', expression: 'ValidationError' }];
  set.entries.forEach((entry, index) => {
    const names = validatorNames(entry);
    exports.push(
      { name: names.is, expression: `validators[${index}].is` },
      { name: names.assert, expression: `validators[${index}].assert` },
      { name: names.schema, expression: `validators[${index}].schema` },
    );
  });
  return { entries: set.entries, body, exports, notes: set.notes };
}
