import semver from 'semver';
import type { Bump } from '../shared/change-catalog.js';

/**
 * The version after a release of the given kind. Below 1.0.0 semver lets anything change (§4), and npm's
 * caret ranges treat `0.y` as the major: there a breaking change moves the minor and anything else the
 * patch, so `^0.3.1` users are not handed a breaking change.
 */
export function nextVersion(current: string, bump: Bump | 'none'): string {
  const parsed = semver.parse(current);
  if (parsed === null) throw new Error(`${JSON.stringify(current)} is not a semver version`);
  if (bump === 'none') return parsed.version;
  const release = parsed.major === 0 ? (bump === 'major' ? 'minor' : 'patch') : bump;
  return parsed.inc(release).version;
}
