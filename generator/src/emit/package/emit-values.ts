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

export function emitEsm(values: readonly RuntimeValue[], header: string): string {
  const body = values.map((value) => `export const ${value.name} = ${value.expression};`);
  return `${header}${body.length === 0 ? 'export {};' : body.join('\n')}\n`;
}

export function emitCommonJs(values: readonly RuntimeValue[], header: string): string {
  const body = values.map((value) => `exports.${value.name} = ${value.expression};`);
  return `${header}'use strict';\n${body.join('\n')}\n`;
}
