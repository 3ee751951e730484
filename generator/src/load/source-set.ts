import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { OriginIndex } from './origins.js';
import { parseJsonText } from './parse-json.js';
import { parseYamlText } from './parse-yaml.js';

export interface SourceFile {
  /** Absolute path: the identity of the file. */
  absolutePath: string;
  /** Path shown in diagnostics and JSDoc: relative to the run's root, with `/` separators. */
  displayPath: string;
  value: unknown;
  /** JSON text cannot repeat a node (YAML aliases can, even inside itself). */
  syntax: 'json' | 'yaml';
  /** The text of a JSON file, which a package can ship as it is when the spec is that one file. */
  text?: string;
}

/** Relative to `root` when inside it, with forward slashes so output is the same on every OS. */
export function displayPathOf(absolutePath: string, root: string): string {
  const relative = path.relative(root, absolutePath);
  const shown = relative.startsWith('..') || path.isAbsolute(relative) ? absolutePath : relative;
  return shown.split(path.sep).join('/');
}

/** Reads and parses one file, choosing the parser by its first significant character. */
/** Reads a file's text by its absolute path: the file system, or another version of the tree (`specsmith diff REV:path`). */
export type ReadText = (absolutePath: string) => Promise<string>;

const readFromDisk: ReadText = (absolutePath) => readFile(absolutePath, 'utf8');

export async function readSourceFile({
  absolutePath,
  root,
  origins,
  readText = readFromDisk,
}: {
  absolutePath: string;
  root: string;
  origins: OriginIndex;
  readText?: ReadText | undefined;
}): Promise<{ file?: SourceFile; diagnostics: Diagnostic[] }> {
  const displayPath = displayPathOf(absolutePath, root);
  let text: string;
  try {
    text = await readText(absolutePath);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    return {
      diagnostics: [
        createDiagnostic({ code: 'file-unreadable', message: `cannot read ${displayPath} (${reason})`, file: displayPath, pointer: '' }),
      ],
    };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const looksLikeJson = /^\s*[{[]/.test(text) && !/\.ya?ml$/i.test(absolutePath);
  const parse = looksLikeJson ? parseJsonText : parseYamlText;
  const parsed = parse({ text, file: displayPath, origins });
  if (parsed.diagnostics.length > 0) return { diagnostics: parsed.diagnostics };
  const file: SourceFile = looksLikeJson
    ? { absolutePath, displayPath, value: parsed.value, syntax: 'json', text }
    : { absolutePath, displayPath, value: parsed.value, syntax: 'yaml' };
  return { file, diagnostics: [] };
}
