/**
 * The name the validator runtime (templates/runtime/checks.js) exports a format under: `format` and
 * the format's name in PascalCase (`date-time` → `formatDateTime`). Compiled code names the export itself,
 * not `formats[name]`, so that a bundler keeps only the formats a validator uses.
 */
export function formatBinding(format: string): string {
  return `format${format
    .split(/[-_]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('')}`;
}
