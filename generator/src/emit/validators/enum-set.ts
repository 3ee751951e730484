import type { Ajv2020 } from 'ajv/dist/2020.js';
import type { KeywordCxt } from 'ajv/dist/compile/validate/index.js';
import { _, stringify, type CodeGen, type Name } from 'ajv/dist/compile/codegen/index.js';

/**
 * The keyword a long string `enum` is compiled as: one `Set#has` instead of AJV's chain of `===` (or,
 * from 200 values on, a loop calling deep equality), so that a 250-value country list costs what a
 * 5-value one does. Only the compiled code uses it; the lowered schema keeps the standard `enum`.
 */
export const enumSetKeyword = 'enumSet';

/** From this many values on, a set lookup beats a chain of comparisons. */
const setThreshold = 9;

export function addEnumSetKeyword(ajv: Ajv2020): void {
  ajv.addKeyword({
    keyword: enumSetKeyword,
    schemaType: 'array',
    error: {
      message: 'must be equal to one of the allowed values',
      params: ({ gen, schema }) => _`{allowedValues: ${allowedValues(gen, schema as string[])}}`,
    },
    code(context: KeywordCxt) {
      const values = context.schema as string[];
      const list = allowedValues(context.gen, values);
      const set = context.gen.scopeValue('obj', { key: `set:${JSON.stringify(values)}`, ref: new Set(values), code: _`new Set(${list})` });
      context.fail(_`!${set}.has(${context.data})`);
    },
  });
}

/**
 * One frozen array of the values at module scope, which the set is built from and every error of the
 * enum names as its `allowedValues` (a 250-value list written once, not at each place it can fail).
 */
function allowedValues(gen: CodeGen, values: string[]): Name {
  return gen.scopeValue('obj', { key: `list:${JSON.stringify(values)}`, ref: values, code: _`Object.freeze(${stringify(values)})` });
}

/** A schema object with a long all-string `enum` turned into the set keyword (see mapSchemas). */
export function withEnumSet(node: Record<string, unknown>): Record<string, unknown> {
  if (!isLongStringList(node.enum)) return node;
  const { enum: values, ...rest } = node;
  return { ...rest, [enumSetKeyword]: values };
}

function isLongStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.length >= setThreshold && value.every((item) => typeof item === 'string');
}
