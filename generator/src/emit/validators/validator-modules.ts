import { fragmentToken } from '../../util/json-pointer.js';
import type { JsonSchema } from './lower-schema.js';
import type { RuleOrigins } from './rule-origins.js';
import type { ValidatorEntry } from './validator-set.js';
import { validatorNames } from './emit-validator-types.js';
import { reachability } from './validator-schemas.js';

/** The modules of a package's validators, by file name without extension (`.js` and `.cjs` each). */
export const validatorModules = {
  facade: 'validators',
  /** The package's runtime (templates/runtime bundled; emit/package/runtime-entry.ts), which the others import. */
  runtime: 'runtime',
  compiled: 'validators-compiled',
  /** AJV's standalone code for the schemas the emitter does not cover (validator-code.ts); only when there are some. */
  fallback: 'validators-fallback',
} as const;

export type ModuleFormat = 'esm' | 'commonjs';
const extension = (format: ModuleFormat) => (format === 'esm' ? 'js' : 'cjs');

/** The specifier a package's module imports another of its modules by (`./validators-runtime.js`). */
export const siblingSpecifier = (module: string, format: ModuleFormat): string => `./${module}.${extension(format)}`;

/** What a module imports from another: the names, and the statement for the format. */
export function importStatement(format: ModuleFormat, names: string[], specifier: string): string {
  // Single quotes as prettier writes them; JSON's escaping for a specifier that would need any.
  const from = /['\\\n\r\u2028\u2029]/.test(specifier) ? JSON.stringify(specifier) : `'${specifier}'`;
  return format === 'esm' ? `import { ${names.join(', ')} } from ${from};` : `const { ${names.join(', ')} } = require(${from});`;
}

function exportStatement(format: ModuleFormat, bindings: [exported: string, local: string][]): string {
  if (format === 'esm')
    return `export { ${bindings.map(([exported, local]) => (exported === local ? local : `${local} as ${exported}`)).join(', ')} };`;
  // Assigned one by one, so that Node's CommonJS-to-ESM lexer sees every name.
  return bindings.map(([exported, local]) => `exports.${exported} = ${local};`).join('\n');
}

/**
 * The compiled checks as the body the two module files share, encoded once (a large spec's module is
 * megabytes: both files write the same buffer), with the runtime names the code uses, the functions it
 * imports from the fallback module, and the function of each entry.
 */
export interface CompiledBody {
  bytes: Uint8Array<ArrayBuffer>;
  runtime: string[];
  fallback: string[];
  entries: string[];
}

/**
 * The compilation as a module, in pieces to write one after the other: the
 * runtime names its code uses imported, its statements at the top level (each function and constant on
 * its own, so a bundler keeps what an import reaches), and each entry's function exported under the
 * entry's name.
 */
export function compiledModule({
  header,
  body,
  entries,
  format,
  specifiers = {
    runtime: siblingSpecifier(validatorModules.runtime, format),
    fallback: siblingSpecifier(validatorModules.fallback, format),
  },
}: {
  header: string;
  body: CompiledBody;
  entries: readonly Pick<ValidatorEntry, 'name'>[];
  format: ModuleFormat;
  /** Where the imports come from: the package's sibling modules, or absolute URLs for a module loaded from memory. */
  specifiers?: { runtime: string; fallback: string };
}): Uint8Array[] {
  const head = [
    ...(format === 'commonjs' ? ["'use strict';"] : []),
    ...(body.runtime.length > 0 ? [importStatement(format, body.runtime, specifiers.runtime)] : []),
    ...(body.fallback.length > 0 ? [importStatement(format, body.fallback, specifiers.fallback)] : []),
  ];
  const tail = exportStatement(
    format,
    entries.map((entry, index) => [entry.name, body.entries[index]!]),
  );
  return [Buffer.from(`${header}${head.map((line) => `${line}\n`).join('')}`), body.bytes, Buffer.from(`${tail}\n`)];
}

/**
 * `validators.js` in each format: each entry's three faces as top-level exports, each made by a call marked
 * pure from the entry's compiled functions and the origins of the rules it can report (those of the named
 * schemas it reaches, so an import carries no other schema's table). `ValidationError` is re-exported.
 * What both formats share (the tables, each entry's reach) is worked out once.
 */
export function facadeModules({
  entries,
  defs,
  origins,
  formats,
}: {
  entries: ValidatorEntry[];
  defs: Record<string, JsonSchema>;
  origins: RuleOrigins;
  formats: readonly ModuleFormat[];
}): Map<ModuleFormat, string> {
  const shared = [`const $files = ${JSON.stringify(origins.files)};`, `const $notes = ${JSON.stringify(origins.notes)};`];
  // One constant per distinct table: the views of one schema (request, response) often have the same
  // rules, and a large spec's shared responses are reached from hundreds of operations.
  const ruleTables = new Map<string, string>();
  const locals = new Map<string, string>();
  for (const [key, table] of Object.entries(origins.defs)) {
    const text = JSON.stringify(table);
    let local = locals.get(text);
    if (local === undefined) {
      local = `$rules${locals.size}`;
      locals.set(text, local);
      shared.push(`const ${local} = ${text};`);
    }
    ruleTables.set(key, local);
  }
  const reach = reachability(defs);
  const faces = entries.map((entry, index) => {
    // A shared function (shared-entries.ts) names the entry's own rules under the def it was compiled for.
    const own = ruleTables.get(fragmentToken(entry.def));
    const sharedTable = entry.compiledAs === undefined || own === undefined ? [] : [[fragmentToken(entry.compiledAs), own]];
    const reached = [
      ...sharedTable,
      ...reach(entry.def).flatMap((def) => {
        const key = fragmentToken(def);
        const local = ruleTables.get(key);
        return local === undefined ? [] : [[key, local]];
      }),
    ].map(([key, local]) => `${JSON.stringify(key)}: ${local}`);
    const originsName = `$origins${index}`;
    const subject = JSON.stringify(entry.name);
    return {
      origins: `const ${originsName} = { files: $files, notes: $notes, defs: { ${reached.join(', ')} } };`,
      names: validatorNames(entry),
      values: {
        is: `createIs($compiled.${entry.name})`,
        assert: `createAssert(${subject}, $compiled.${entry.name}, ${originsName})`,
        schema: `createStandardSchema($compiled.${entry.name}, ${originsName})`,
      },
    };
  });
  return new Map(formats.map((format) => [format, facadeText(format, shared, faces)]));
}

function facadeText(
  format: ModuleFormat,
  shared: string[],
  faces: { origins: string; names: ReturnType<typeof validatorNames>; values: ReturnType<typeof validatorNames> }[],
): string {
  // ES: a `const` each, marked pure, for bundlers to keep or drop. CommonJS (which bundlers keep whole):
  // assigned to `exports` as made, one name each for Node's CommonJS-to-ESM lexer, not written twice.
  const bind = (name: string, value: string) =>
    format === 'esm' ? `export const ${name} = /* @__PURE__ */ ${value};` : `exports.${name} = ${value};`;
  const lines = [
    ...(format === 'commonjs' ? ["'use strict';"] : []),
    importStatement(
      format,
      ['ValidationError', 'createIs', 'createAssert', 'createStandardSchema'],
      siblingSpecifier(validatorModules.runtime, format),
    ),
    format === 'esm'
      ? `import * as $compiled from './${validatorModules.compiled}.js';`
      : `const $compiled = require('./${validatorModules.compiled}.cjs');`,
    ...shared,
  ];
  for (const { origins, names, values } of faces)
    lines.push(origins, bind(names.is, values.is), bind(names.assert, values.assert), bind(names.schema, values.schema));
  lines.push(format === 'esm' ? 'export { ValidationError };' : 'exports.ValidationError = ValidationError;');
  return `${lines.join('\n')}\n`;
}
