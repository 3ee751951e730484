import { Block, type FunctionPiece } from './block.js';
import { identifier, js, literal, type Name } from './code.js';
import type { ModuleScope } from './module-scope.js';

/**
 * The module's own helpers for reporting, each written once when first used: AJV's error object is built
 * in one place, so a check that fails costs one call in the text, not an object literal.
 */

/**
 * `fail(errors, instancePath, schemaPath, keyword, params)`: appends the issue of the keyword of the schema
 * at `schemaPath` (whose own path is that and the keyword) and returns false.
 */
export function failHelper(module: ModuleScope): Name {
  return module.helper('fail', (name) => {
    const [errors, instancePath, schemaPath, keyword, params] = ['errors', 'instancePath', 'schemaPath', 'keyword', 'params'].map(
      identifier,
    ) as [Name, Name, Name, Name, Name];
    const body = new Block();
    body.line(js`${errors}.push({ ${instancePath}, schemaPath: ${schemaPath} + "/" + ${keyword}, ${keyword}, ${params} })`);
    body.line(js`return false`);
    return {
      name,
      params: [errors, instancePath, schemaPath, keyword, params],
      body,
      comment: "Appends the issue of a schema's keyword (AJV's error object) and returns false.",
    };
  });
}

/**
 * `failRequired(errors, instancePath, schemaPath, missingProperty)` and the like: `fail` for a keyword that
 * reports one parameter, the most frequent issues (type, required, format) written with a quarter fewer bytes.
 */
export function keywordHelper(module: ModuleScope, keyword: string, parameter: string): Name {
  const fail = failHelper(module);
  return module.helper(`fail ${keyword}`, (name): FunctionPiece => {
    const [errors, instancePath, schemaPath, value] = ['errors', 'instancePath', 'schemaPath', parameter].map(identifier) as [
      Name,
      Name,
      Name,
      Name,
    ];
    const body = new Block();
    body.line(js`return ${fail}(${errors}, ${instancePath}, ${schemaPath}, ${literal(keyword)}, { ${value} })`);
    return { name, params: [errors, instancePath, schemaPath, value], body, comment: `\`fail\` for \`${keyword}\`.` };
  });
}

/** `pointerToken(key)`: a key read at run time, escaped as a JSON pointer token (RFC 6901 §3). */
export function escapeHelper(module: ModuleScope): Name {
  return module.helper('pointerToken', (name): FunctionPiece => {
    const key = identifier('key');
    const body = new Block();
    body.line(js`return ${key}.replace(/~/g, "~0").replace(/\\//g, "~1")`);
    return { name, params: [key], body, comment: 'A key as a JSON pointer token (RFC 6901 §3).' };
  });
}
