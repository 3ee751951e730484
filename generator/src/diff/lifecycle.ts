import { stabilityLevels, type StabilityLevel } from '../ir/types.js';

/**
 * oasdiff's lifecycle extensions, read as oasdiff reads them so that specs written for it work unchanged:
 * `deprecated: true` announces a removal, `x-sunset` (an RFC 3339 date) the day from which it may happen,
 * `x-stability-level` how stable a resource is (`draft` and `alpha` may change in breaking ways).
 */
export interface Lifecycle {
  deprecated: boolean;
  sunset?: string | undefined;
  /** As written; a value other than the four levels is a mistake. */
  stability?: string | undefined;
}

/** A removal as lifecycle sees it: never announced, announced but early, or announced and due. */
export type Removal = 'without-deprecation' | 'before-sunset' | 'after-deprecation';

const dateOf = (text: string | undefined) => (text === undefined ? Number.NaN : Date.parse(text));

export function removalOf({ deprecated, sunset }: Lifecycle, now = Date.now()): Removal {
  if (!deprecated) return 'without-deprecation';
  const date = dateOf(sunset);
  return Number.isNaN(date) || date <= now ? 'after-deprecation' : 'before-sunset';
}

/** Breaking changes to `draft` and `alpha` resources are allowed (oasdiff's default threshold, beta). */
export const breakingAllowed = (level: string | undefined) => level === 'draft' || level === 'alpha';

const isLevel = (value: string | undefined): value is StabilityLevel => stabilityLevels.includes(value as StabilityLevel);

/** A lifecycle change, named by the suffix of its check id (`operation-…`, `request-parameter-…`, schema checks). */
export interface LifecycleChange {
  check: 'sunset-removed' | 'sunset-moved-earlier' | 'sunset-invalid' | 'stability-decreased' | 'stability-increased' | 'stability-invalid';
  keyword: 'x-sunset' | 'x-stability-level';
  values: { old?: unknown; new?: unknown };
}

/**
 * What changed in a resource's lifecycle between two versions. A date or level that does not read is
 * reported where its value changed (so an old mistake does not fail every later diff); a level is said to
 * move only from one the old version states (adding `x-stability-level: beta` to an operation that had
 * none announces its level, it does not lower it).
 */
export function lifecycleChanges(old: Lifecycle, next: Lifecycle): LifecycleChange[] {
  const changes: LifecycleChange[] = [];
  const sunset = (check: LifecycleChange['check']) =>
    changes.push({
      check,
      keyword: 'x-sunset',
      values: { ...(old.sunset === undefined ? {} : { old: old.sunset }), ...(next.sunset === undefined ? {} : { new: next.sunset }) },
    });
  if (old.sunset !== next.sunset) {
    const [before, after] = [dateOf(old.sunset), dateOf(next.sunset)];
    if ((old.sunset !== undefined && Number.isNaN(before)) || (next.sunset !== undefined && Number.isNaN(after))) sunset('sunset-invalid');
    else if (old.deprecated && next.deprecated && next.sunset === undefined) sunset('sunset-removed');
    else if (next.deprecated && after < before) sunset('sunset-moved-earlier');
  }
  if (old.stability !== next.stability) {
    const values = { old: old.stability ?? 'stable', new: next.stability ?? 'stable' };
    if ((old.stability !== undefined && !isLevel(old.stability)) || (next.stability !== undefined && !isLevel(next.stability)))
      changes.push({ check: 'stability-invalid', keyword: 'x-stability-level', values });
    else if (old.stability !== undefined) {
      const move =
        stabilityLevels.indexOf(isLevel(next.stability) ? next.stability : 'stable') -
        stabilityLevels.indexOf(old.stability as StabilityLevel);
      if (move !== 0)
        changes.push({ check: move < 0 ? 'stability-decreased' : 'stability-increased', keyword: 'x-stability-level', values });
    }
  }
  return changes;
}

/** The lifecycle a schema states: `deprecated`, and the two extensions among its `x-*` fields. */
export function schemaLifecycle(meta: { deprecated: boolean; extensions: [string, unknown][] }): Lifecycle {
  const extension = (name: string) => {
    const found = meta.extensions.find(([key]) => key === name);
    return found === undefined ? undefined : String(found[1]);
  };
  return { deprecated: meta.deprecated, sunset: extension('x-sunset'), stability: extension('x-stability-level') };
}
