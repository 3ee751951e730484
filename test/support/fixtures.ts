import { readdirSync } from 'node:fs';
import path from 'node:path';
import { compareStrings } from '../../generator/src/diagnostics/diagnostic.js';

/** Scenario names: the spec files directly inside a folder (subfolders hold shared pieces). */
export function listSpecs(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ya?ml|json)$/.test(entry.name))
    .map((entry) => entry.name)
    .sort(compareStrings);
}

export const scenarioName = (file: string) => path.basename(file).replace(/\.(ya?ml|json)$/, '');
