import { format as prettierFormat } from 'prettier';

/** Fixed options, never the user's prettier config: output must not depend on where it is generated. */
const options = { printWidth: 100, singleQuote: true, trailingComma: 'all', endOfLine: 'lf' } as const;

export async function formatSource(text: string, parser: 'typescript' | 'babel', mode: 'prettier' | 'none'): Promise<string> {
  if (mode === 'none') return text;
  return prettierFormat(text, { ...options, parser });
}
