import type { ApiModel } from '../../ir/types.js';
import { enumValuesName, enumValuesOf } from '../enum-values.js';
import { tsLiteral } from '../ts-text.js';

export interface RuntimeValue {
  name: string;
  /** An expression built from JSON literals only. */
  expression: string;
}

/** Values the package exports at run time: the value list of each enum schema. */
export function runtimeValues(model: ApiModel): RuntimeValue[] {
  return model.schemas.flatMap((named) => {
    const values = enumValuesOf(named);
    return values === undefined
      ? []
      : [{ name: enumValuesName(named), expression: `Object.freeze([${values.map(tsLiteral).join(', ')}])` }];
  });
}

/**
 * The exports of the ES module. `more` are bound to names the module defines before (the validators);
 * an export whose expression is its own name is re-exported as it is.
 */
export function emitEsm(
  values: readonly RuntimeValue[],
  header: string,
  more: readonly RuntimeValue[] = [],
  reexportFrom: readonly string[] = [],
): string {
  const all = [...values, ...more];
  const bound = all.filter((value) => value.name === value.expression).map((value) => value.name);
  const lines = all.filter((value) => value.name !== value.expression).map((value) => `export const ${value.name} = ${value.expression};`);
  if (bound.length > 0) lines.push(`export { ${bound.join(', ')} };`);
  lines.push(...reexportFrom.map((module) => `export * from './${module}';`));
  return `${header}${(lines.length === 0 ? ['export {};'] : lines).join('\n')}\n`;
}

/** CommonJS exports, each assigned by name so that Node's CommonJS-to-ESM lexer sees every one. */
export function emitCommonJs(values: readonly RuntimeValue[], header: string): string {
  const lines = values.map((value) => `exports.${value.name} = ${value.expression};`);
  return `${header}'use strict';\n${lines.join('\n')}\n`;
}

/**
 * A CommonJS entry that is the ES module itself, loaded with `require(esm)` (Node 20.19 and later): what
 * `require` returns is the ES module's namespace, so both kinds of import share one copy of the code.
 */
export function emitRequireEsm(header: string, module: string): string {
  return `${header}'use strict';\nmodule.exports = require('./${module}');\n`;
}
