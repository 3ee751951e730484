import semver from 'semver';

/**
 * npm needs semver; specs often say `1` or `2.0`. Those are padded (`1.0.0`); anything else that is
 * not semver becomes a pre-release of 0.0.0 so the package still installs.
 */
export function packageVersion(version: string): string {
  const trimmed = version.trim().replace(/^v/, '');
  if (/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.test(trimmed)) return trimmed;
  const parts = /^(\d+)(?:\.(\d+))?$/.exec(trimmed);
  if (parts !== null) return `${parts[1]}.${parts[2] ?? '0'}.0`;
  const label = trimmed.replace(/[^0-9A-Za-z.-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '');
  return label === '' ? '0.0.0' : `0.0.0-${label}`;
}

/** A version npm accepts as it is written (`1.2.3`, not `v1.2.3` or `1.2`). */
export const isVersion = (value: unknown): value is string => typeof value === 'string' && semver.valid(value) === value;
