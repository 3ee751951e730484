// The README's two tables of `specsmith diff` checks, built from the check catalog.

/** Schema checks (one row for both directions) and the others, as markdown table rows. */
export function checkTables(checkCatalog) {
  const schema = [];
  const other = [];
  for (const [id, definition] of Object.entries(checkCatalog)) {
    if (id.startsWith('response-') && `request-${id.slice('response-'.length)}` in checkCatalog) continue;
    const suffix = id.startsWith('request-') ? id.slice('request-'.length) : undefined;
    const response = suffix === undefined ? undefined : checkCatalog[`response-${suffix}`];
    if (response !== undefined) {
      const summary = definition.summary.replace(/^request: /, '');
      schema.push(`| \`${suffix}\`: ${summary} | ${definition.severity}, ${definition.bump} | ${response.severity}, ${response.bump} |`);
    } else other.push(`| \`${id}\`: ${definition.summary} | ${definition.severity} | ${definition.bump} |`);
  }
  return { schema: schema.join('\n'), other: other.join('\n') };
}
