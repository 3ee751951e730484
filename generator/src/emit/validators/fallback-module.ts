import { Ajv2020 } from 'ajv/dist/2020.js';
import { _ } from 'ajv/dist/compile/codegen/index.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { fragmentToken } from '../../util/json-pointer.js';
import type { RuntimeFormat } from './runtime-format.js';
import { importStatement, siblingSpecifier, validatorModules, type ModuleFormat } from './validator-modules.js';

/** An entry compiled by AJV: the name the fallback module exports its function under, and the named schema it checks. */
export interface FallbackEntry {
  exported: string;
  def: string;
}

/** The id the named schemas are added to AJV under, as one document (`<id>#/$defs/<def>`). */
const documentId = 'specsmith:validators';

/** AJV's runtime helpers its standalone code may `require` (`ajv/dist/runtime/<name>`); re2 only with the `code.regExp` option, not set here. */
const ajvHelpers = ['equal', 'ucs2length', 'uri', 'validation_error'] as const;

/**
 * The module of the entries the emitter does not cover (construct/coverage.ts: `unevaluated*`, a `$ref`
 * by `$id`…), compiled by AJV through its public API: the named schemas added as one document,
 * `standaloneCode` over the entries' functions, and the code used as AJV writes it. Its header supplies
 * what that code expects in scope: the runtime's `formats` (AJV's `code.formats` option names it) and,
 * in an ES module, a `require` that answers with AJV's runtime helpers, imported statically so that a
 * bundler resolves them (no `node:module`), whichever way it reads a CommonJS default. A package with a
 * fallback depends on `ajv`.
 */
export function fallbackModule({
  defs,
  entries,
  formats,
  format,
  header = '',
  runtimeSpecifier = siblingSpecifier(validatorModules.runtime, format),
  ajvHelper = (name) => `ajv/dist/runtime/${name}.js`,
}: {
  defs: Readonly<Record<string, unknown>>;
  entries: readonly FallbackEntry[];
  formats: Readonly<Record<string, RuntimeFormat>>;
  format: ModuleFormat;
  header?: string;
  /** Where `formats` comes from: the package's runtime module, or an absolute URL for a module loaded from memory. */
  runtimeSpecifier?: string;
  /** Where an ES module imports AJV's helper `name` from: the package's `ajv`, or (from memory) a file URL. */
  ajvHelper?: (name: string) => string;
}): string {
  const ajv = fallbackAjv({ formats, esm: format === 'esm' });
  ajv.addSchema({ $id: documentId, $defs: defs });
  const refs = Object.fromEntries(entries.map(({ exported, def }) => [exported, `${documentId}#/$defs/${fragmentToken(def)}`]));
  const code = standaloneCode.default(ajv, refs);
  const lines =
    format === 'esm' ? esmHeader(runtimeSpecifier, ajvHelper) : ["'use strict';", importStatement(format, ['formats'], runtimeSpecifier)];
  return `${header}${lines.join('\n')}\n${code}\n`;
}

/**
 * An ES module's header: `formats`, and `require(id)` answering `{ default: helper }` for each of AJV's
 * helpers. Node's default import of a CommonJS module is its `exports` (marked `__esModule`, `default`
 * inside); a bundler following Babel's reading gives `exports.default` itself: both come out the same.
 */
function esmHeader(runtimeSpecifier: string, ajvHelper: (name: string) => string): string[] {
  const local = (name: string) => `ajv_${name}`;
  return [
    importStatement('esm', ['formats'], runtimeSpecifier),
    ...ajvHelpers.map((name) => `import ${local(name)} from ${JSON.stringify(ajvHelper(name))};`),
    'const ajvModule = (imported) => (imported !== null && typeof imported === "object" && imported.__esModule ? imported : { default: imported });',
    `const ajvRuntime = { ${ajvHelpers.map((name) => `${JSON.stringify(`ajv/dist/runtime/${name}`)}: ajvModule(${local(name)})`).join(', ')} };`,
    'const require = (id) => ajvRuntime[id];',
  ];
}

/**
 * AJV as the fallback runs it: JSON Schema 2020-12, every issue collected, no messages (api.js words them
 * from keyword and parameters), the runtime's formats. Not strict: a schema the emitter leaves to AJV is
 * compiled as the standard reads it, unknown keywords being annotations.
 */
function fallbackAjv({ formats, esm }: { formats: Readonly<Record<string, RuntimeFormat>>; esm: boolean }): Ajv2020 {
  const ajv = new Ajv2020({
    code: { source: true, esm, formats: _`formats` },
    allErrors: true,
    messages: false,
    strict: false,
    inlineRefs: false,
    logger: false,
  });
  for (const [name, definition] of Object.entries(formats)) ajv.addFormat(name, definition);
  return ajv;
}
