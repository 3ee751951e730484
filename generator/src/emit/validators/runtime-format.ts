import { pathToFileURL } from 'node:url';
import { templatePath } from '../template-path.js';

/** A format as the runtime defines it (and the checks call it). */
export type RuntimeFormat =
  { type: 'string'; validate: (value: string) => boolean } | { type: 'number'; validate: (value: number) => boolean };

/** The runtime (templates/runtime) as every compilation needs it: its module, its exports and its formats. */
export interface ValidatorRuntime {
  /**
   * templates/runtime/index.js, the runtime as one module (what a package's runtime.js bundles): checks
   * compiled for `specsmith validate` and `mock` import their helpers from it by file URL.
   */
  file: string;
  /** The names it exports, which compiled checks keep free (a package's compiled module imports them). */
  exports: readonly string[];
  formats: Readonly<Record<string, RuntimeFormat>>;
  /** Each format's JSON type, as the lowering and the emitter read it. */
  formatTypes: ReadonlyMap<string, 'string' | 'number'>;
}

/** Imports the runtime's entry for its exports and formats. */
export async function loadValidatorRuntime(): Promise<ValidatorRuntime> {
  const file = templatePath('runtime/index.js');
  const runtime = (await import(pathToFileURL(file).href)) as { formats: Record<string, RuntimeFormat> };
  const formatTypes = new Map(Object.entries(runtime.formats).map(([name, definition]) => [name, definition.type]));
  return { file, exports: Object.keys(runtime).sort(), formats: runtime.formats, formatTypes };
}
