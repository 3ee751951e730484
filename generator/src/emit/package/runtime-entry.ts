import { readFileSync } from 'node:fs';
import { runtimeDeclarations, runtimeFiles, type RuntimeNames } from '../runtime-names.js';
import { templatePath } from '../template-path.js';
import { statementParts } from '../types/print-statements.js';
import type { TypeStatement } from '../types/structures.js';
import { emitValidationErrorTypes } from '../validators/emit-validator-types.js';
import { clientFiles, typeFiles, validatorFiles } from './package-json.js';

/** The classes the runtime exports as values: the validators' error, then the client's (templates/client/errors.js). */
const runtimeClasses = {
  validators: ['ValidationError'],
  client: ['ClientError', 'UnexpectedStatusError', 'NetworkError', 'TimeoutError', 'ResponseValidationError'],
} as const;

/**
 * The `./runtime` entry: the runtime's own declarations (the validators' issue and error, the client's
 * fixed types) and its classes, under their names whatever the spec declares. The root re-exports it all
 * except the names the spec takes (RuntimeNames), which the root gives to the spec.
 */
export function emitRuntimeEntry({ header, copy }: { header: string; copy: boolean }): {
  declarations: string[];
  esm: string;
  commonJs: string;
} {
  const fixed = readFileSync(templatePath('client/types.d.ts'), 'utf8').trim();
  const statements: TypeStatement[] = [...emitValidationErrorTypes(), fixed];
  const from = (module: string, names: readonly string[]) => `export { ${names.join(', ')} } from './${module}';\n`;
  const esm = `${header}${from(validatorFiles.esm, runtimeClasses.validators)}${from(clientFiles.esm, runtimeClasses.client)}`;
  const required = (module: string, names: readonly string[]) =>
    names.map((name) => `exports.${name} = require('./${module}').${name};\n`).join('');
  const commonJs = copy
    ? `${header}'use strict';\n${required(validatorFiles.commonJs, runtimeClasses.validators)}${required(clientFiles.commonJs, runtimeClasses.client)}`
    : `${header}'use strict';\nmodule.exports = require('./${runtimeFiles.esm}');\n`;
  return { declarations: [header, ...statementParts(statements)], esm, commonJs };
}

/**
 * The root's lines for the runtime: everything re-exported, the names the spec's `/types` entry also
 * declares given back to the spec (an explicit export outranks `export *`), and the runtime's types the
 * declarations below name imported.
 */
export function runtimeReexports({ runtime, typeNames }: { runtime: RuntimeNames; typeNames: readonly string[] }): {
  reexports: TypeStatement[];
  imports: TypeStatement[];
} {
  const spec = new Set(typeNames);
  const toSpec = runtime.shadowed.filter((name) => spec.has(name));
  return {
    reexports: [
      `export * from '${runtimeDeclarations}';`,
      ...(toSpec.length === 0 ? [] : [`export type { ${toSpec.join(', ')} } from './${typeFiles.commonJs}';`]),
    ],
    imports: runtime.imports.length === 0 ? [] : [`import type { ${runtime.imports.join(', ')} } from '${runtimeDeclarations}';`],
  };
}
