import type { Ajv2020 } from 'ajv/dist/2020.js';
import type { KeywordCxt } from 'ajv/dist/compile/validate/index.js';
import { _ } from 'ajv/dist/compile/codegen/index.js';
import ucs2length from 'ajv/dist/runtime/ucs2length.js';

/**
 * `maxLength` and `minLength` through AJV's keyword API (`removeKeyword` + `addKeyword`), with the same
 * name, parameters (`{limit}`) and errors as AJV's own, and a fast path: JSON Schema counts a string's
 * length in characters (2020-12 validation §6.3.1), which AJV does for every string by walking it for
 * surrogate pairs. A string has at most as many characters as UTF-16 units and at least half as many, so
 * the count is needed only when the unit length says "maybe": above N units for a maximum of N, below 2N
 * units for a minimum of N. The counter is the runtime template's `ucs2length`, named as such in the code.
 */
export function addLengthKeywords(ajv: Ajv2020): void {
  for (const keyword of ['maxLength', 'minLength'] as const) {
    ajv.removeKeyword(keyword);
    ajv.addKeyword({
      keyword,
      type: 'string',
      schemaType: 'number',
      error: {
        message: `must NOT have ${keyword === 'maxLength' ? 'more' : 'fewer'} than the limit of characters`,
        params: ({ schemaCode }) => _`{limit: ${schemaCode}}`,
      },
      code(context: KeywordCxt) {
        const { gen, data } = context;
        const limit = context.schema as number;
        const count = gen.scopeValue('func', { ref: ucs2length, code: _`ucs2length` });
        if (keyword === 'maxLength') context.fail(_`${data}.length > ${limit} && ${count}(${data}) > ${limit}`);
        else context.fail(_`${data}.length < ${limit} || (${data}.length < ${2 * limit} && ${count}(${data}) < ${limit})`);
      },
    });
  }
}
