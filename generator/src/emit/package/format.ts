import { format as prettierFormat } from 'prettier';
import type { FormatMode } from '../../config.js';

/** Fixed options, never the user's prettier config: output must not depend on where it is generated. */
const options = { printWidth: 100, singleQuote: true, trailingComma: 'all', endOfLine: 'lf' } as const;

export interface FormatPolicy {
  mode: FormatMode;
  limit: number;
}

export async function formatSource(text: string, parser: 'typescript' | 'babel', policy: FormatPolicy): Promise<string> {
  if (policy.mode === 'none' || (policy.mode === 'auto' && text.length > policy.limit)) return text;
  return prettierFormat(text, { ...options, parser });
}
