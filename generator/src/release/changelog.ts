import type { Change } from '../diff/change-log.js';
import type { Bump } from '../shared/change-catalog.js';
import { describeChange, where } from '../diff/format-diff.js';

const sections: [Bump, string][] = [
  ['major', 'Breaking changes'],
  ['minor', 'Additions and other changes'],
  ['patch', 'Documentation'],
];

/** One release's entry: what was compared, then the changes grouped by the release each needs. */
export function changelogEntry({
  version,
  since,
  spec,
  apiVersions,
  changes,
}: {
  version: string;
  since: string;
  spec: string;
  apiVersions: { old: string; new: string };
  changes: Change[];
}): string {
  const api =
    apiVersions.old === apiVersions.new ? `API version ${apiVersions.new}` : `API version ${apiVersions.old} -> ${apiVersions.new}`;
  const lines = [`## ${version}`, '', `\`${spec}\` compared with \`${since}\` (${api}).`];
  for (const [bump, title] of sections) {
    // api-version-not-bumped is a remark about the spec's own version, not a change to the package.
    const listed = changes.filter((change) => change.bump === bump && change.id !== 'api-version-not-bumped');
    if (listed.length === 0) continue;
    lines.push('', `### ${title}`, '');
    // The spec's line as of this release: where to read the change in the spec's history.
    for (const change of listed) lines.push(`- ${describeChange(change)} (\`${change.id}\`, ${where(change.new ?? change.old)})`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The changelog with an entry added at the top, newest first. Running `specsmith version` again for the
 * same version replaces that entry instead of adding a second one.
 */
export function addEntry(changelog: string | undefined, entry: string): string {
  const title = '# Changelog\n';
  const body = changelog === undefined ? '' : changelog.startsWith(title) ? changelog.slice(title.length) : changelog;
  const heading = entry.slice(0, entry.indexOf('\n') + 1);
  const entries = body.replace(/^\n+/, '');
  const rest = entries.startsWith(heading) ? entries.slice(nextEntry(entries)) : entries;
  return `${title}\n${entry}${rest === '' ? '' : `\n${rest}`}`;
}

/** Where the entry after the first begins (the end when there is none). */
function nextEntry(entries: string): number {
  const next = entries.indexOf('\n## ', 1);
  return next === -1 ? entries.length : next + 1;
}
