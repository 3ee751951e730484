import { format as prettierFormat } from 'prettier';
import type { FormatMode } from '../../config/config.js';

/** Fixed options, never the user's prettier config: output must not depend on where it is generated. */
const options = { printWidth: 100, singleQuote: true, trailingComma: 'all', endOfLine: 'lf' } as const;

export interface FormatPolicy {
  mode: FormatMode;
  limit: number;
}

export async function formatSource(text: string, parser: 'typescript' | 'babel', policy: FormatPolicy): Promise<string> {
  if (!formats(text.length, policy)) return text;
  return prettierFormat(text, { ...options, parser });
}

const formats = (length: number, policy: FormatPolicy) => policy.mode === 'prettier' || (policy.mode === 'auto' && length <= policy.limit);

/**
 * A file given as the pieces of its text (print-statements.ts's statementParts): one formatted text
 * when the policy formats a file of that size, otherwise the pieces encoded as UTF-8 about a megabyte at
 * a time, so that a file of tens of megabytes is never one string (twice its size in memory when a
 * character is outside Latin-1) on its way to the disk.
 */
export async function formatParts(
  parts: readonly string[],
  parser: 'typescript' | 'babel',
  policy: FormatPolicy,
): Promise<string | Uint8Array[]> {
  const length = parts.reduce((total, part) => total + part.length, 0);
  if (formats(length, policy)) return formatSource(parts.join(''), parser, policy);
  const chunks: Uint8Array[] = [];
  let batch: string[] = [];
  let size = 0;
  for (const part of parts) {
    batch.push(part);
    size += part.length;
    if (size < 1_000_000) continue;
    chunks.push(Buffer.from(batch.join('')));
    batch = [];
    size = 0;
  }
  if (batch.length > 0) chunks.push(Buffer.from(batch.join('')));
  return chunks;
}
