import type { StabilityLevel } from '../ir/types.js';
import { stabilityLevels } from '../ir/types.js';

/**
 * oasdiff's lifecycle extensions, read as oasdiff reads them so that specs written for it work unchanged:
 * `deprecated: true` announces a removal, `x-sunset` (an RFC 3339 date) the day from which it may happen,
 * `x-stability-level` how stable an operation is (`draft` and `alpha` may change in breaking ways).
 */

/** A removal as lifecycle sees it: never announced, announced but early, or announced and due. */
export type Removal = 'without-deprecation' | 'before-sunset' | 'after-deprecation';

export function removalOf({ deprecated, sunset }: { deprecated: boolean; sunset?: string | undefined }, now = Date.now()): Removal {
  if (!deprecated) return 'without-deprecation';
  const date = sunset === undefined ? Number.NaN : Date.parse(sunset);
  return Number.isNaN(date) || date <= now ? 'after-deprecation' : 'before-sunset';
}

/** True when both dates read and the new one is earlier. */
export function sunsetMovedEarlier(old: string | undefined, next: string | undefined): boolean {
  if (old === undefined || next === undefined) return false;
  const [before, after] = [Date.parse(old), Date.parse(next)];
  return !Number.isNaN(before) && !Number.isNaN(after) && after < before;
}

/** Breaking changes to `draft` and `alpha` operations are allowed (oasdiff's default threshold, beta). */
export const breakingAllowed = (level: StabilityLevel | undefined) => level === 'draft' || level === 'alpha';

/** -1 when the level went down, 1 when up, 0 when the same; no level is `stable`. */
export function stabilityMove(old: StabilityLevel | undefined, next: StabilityLevel | undefined): number {
  return Math.sign(stabilityLevels.indexOf(next ?? 'stable') - stabilityLevels.indexOf(old ?? 'stable'));
}
