import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { dataUrl } from '../../util/data-url.js';
import type { RuleOrigins } from './rule-origins.js';
import type { ValidatorRuntime } from './runtime-format.js';
import type { ValidatorCode } from './validator-code.js';
import { compiledModule } from './validator-modules.js';

/** AJV's helper `name` as this toolkit has it installed, by file URL (a module from memory resolves no package name). */
const ajvHelperUrl = (name: string) => pathToFileURL(createRequire(import.meta.url).resolve(`ajv/dist/runtime/${name}`)).href;

/**
 * The compiled checks as one ES module that runs from memory or from any folder: the package's compiled
 * module (validator-modules.ts's `compiledModule`) with its imports pointed at this toolkit's runtime
 * (templates/runtime/index.js) by file URL and at the fallback module as a `data:` URL (which imports AJV's
 * helpers installed beside this toolkit), and the rule origins beside the checks. It exports each entry's
 * check under the entry's name, and `$origins`; `specsmith validate` and `mock` wrap them with the
 * runtime's createValidator (validate/checks.ts), as a package's validators.js does.
 */
export function checksModule({
  code,
  entries,
  origins,
  runtime,
}: {
  code: ValidatorCode;
  entries: readonly { name: string }[];
  origins: RuleOrigins;
  runtime: Pick<ValidatorRuntime, 'file'>;
}): string {
  const runtimeUrl = pathToFileURL(runtime.file).href;
  const fallback =
    code.fallback === undefined ? '' : dataUrl(code.fallback({ format: 'esm', runtimeSpecifier: runtimeUrl, ajvHelper: ajvHelperUrl }));
  const parts = compiledModule({ header: '', body: code.body, entries, format: 'esm', specifiers: { runtime: runtimeUrl, fallback } });
  return `${Buffer.concat(parts).toString()}export const $origins = ${JSON.stringify(origins)};\n`;
}
