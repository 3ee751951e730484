import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { templatePath } from '../template-path.js';

/** A format as the runtime template defines it (and the checks call it). */
export type RuntimeFormat =
  { type: 'string'; validate: (value: string) => boolean } | { type: 'number'; validate: (value: number) => boolean };

/** The validators' runtime (templates/validators): its files, formats and exports, as every compilation needs them. */
export interface ValidatorRuntime {
  /** templates/validators/runtime.js: the helpers and formats the compiled checks import. */
  file: string;
  /** templates/validators/api.js: `is*`, `assert*`, Standard Schema and ValidationError around a compiled check. */
  apiFile: string;
  /** The texts of the two, in that order (a package's validators-runtime module is made of them). */
  templates: [runtime: string, api: string];
  formats: Readonly<Record<string, RuntimeFormat>>;
  /** Each format's JSON type, as the lowering and the emitter read it. */
  formatTypes: ReadonlyMap<string, 'string' | 'number'>;
}

/** Reads the runtime templates and imports runtime.js for its formats. */
export async function loadValidatorRuntime(): Promise<ValidatorRuntime> {
  const file = templatePath('validators/runtime.js');
  const apiFile = templatePath('validators/api.js');
  const [runtime, templates] = await Promise.all([
    import(pathToFileURL(file).href) as Promise<{ formats: Record<string, RuntimeFormat> }>,
    Promise.all([readFile(file, 'utf8'), readFile(apiFile, 'utf8')]),
  ]);
  const formatTypes = new Map(Object.entries(runtime.formats).map(([name, definition]) => [name, definition.type]));
  return { file, apiFile, templates, formats: runtime.formats, formatTypes };
}
