import { readFileSync } from 'node:fs';
import { runtimeDeclarations, runtimeFiles, type RuntimeNames } from '../runtime-names.js';
import { runtimeBundlePath } from '../template-path.js';
import type { TypeStatement } from '../types/structures.js';
import { typeFiles } from './package-json.js';

/** The bundle's three files, read once per process: every package ships the same bytes. */
let bundle: { esm: string; commonJs: string; declarations: string } | undefined;

function runtimeBundle(): { esm: string; commonJs: string; declarations: string } {
  bundle ??= {
    esm: readFileSync(runtimeBundlePath('runtime.js'), 'utf8'),
    commonJs: readFileSync(runtimeBundlePath('runtime.cjs'), 'utf8'),
    declarations: readFileSync(runtimeBundlePath('runtime.d.ts'), 'utf8'),
  };
  return bundle;
}

/**
 * The `./runtime` entry, which the package's validator and client modules import: the runtime
 * (templates/runtime) as esbuild bundled it into one module per format, and its public declarations as
 * dts-bundle-generator made them, each behind the package's header. With `commonjs: 'require-esm'` the
 * CommonJS file requires the ES module.
 */
export function emitRuntimeEntry({ header, copy }: { header: string; copy: boolean }): {
  declarations: string;
  esm: string;
  commonJs: string;
} {
  const { esm, commonJs, declarations } = runtimeBundle();
  return {
    declarations: `${header}${declarations}`,
    esm: `${header}${esm}`,
    commonJs: copy ? `${header}${commonJs}` : `${header}'use strict';\nmodule.exports = require('./${runtimeFiles.esm}');\n`,
  };
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
