import type { ChangeSink } from './change-log.js';
import type { PlacePair } from './compare-context.js';

type Requirements = Record<string, string[]>[];

/**
 * Security requirements are alternatives, each a set of schemes used together (OpenAPI 3.1 §4.8.30); an
 * empty list, or an empty alternative, lets anonymous calls through. A client that met an old alternative
 * still gets in when some new alternative asks for no scheme beyond it.
 */
export function compareSecurity({
  log,
  operation,
  at,
  old,
  new: next,
}: {
  log: ChangeSink;
  operation: string;
  at: PlacePair;
  old: Requirements;
  new: Requirements;
}): void {
  const covered = (alternative: string[], options: string[][]) =>
    options.some((option) => option.every((item) => alternative.includes(item)));
  const before = alternativesOf(old);
  const after = alternativesOf(next);
  const shut = before.filter((alternative) => !covered(alternative, after));
  for (const alternative of shut)
    log.add({
      id: 'security-requirement-added',
      message: `callers using ${describe(alternative)} now need ${after.map(describe).join(' or ')}`,
      operation,
      values: { old: describe(alternative), new: after.map(describe).join(' or ') },
      ...at,
    });
  if (shut.length > 0) return;
  const opened = after.filter((alternative) => !covered(alternative, before));
  for (const alternative of opened)
    log.add({
      id: 'security-requirement-removed',
      message: `${describe(alternative)} now suffices`,
      operation,
      values: { new: describe(alternative) },
      ...at,
    });
  if (opened.length > 0) return;
  // The same schemes: a token granted the old scopes may now lack one (OAuth2 and OpenID Connect, §4.8.30.2).
  const scopedBefore = alternativesOf(old, true);
  const scopedAfter = alternativesOf(next, true);
  for (const alternative of scopedBefore.filter((entry) => !covered(entry, scopedAfter)))
    log.add({
      id: 'security-scope-added',
      message: `callers granted ${describe(alternative)} now need ${scopedAfter.map(describe).join(' or ')}`,
      operation,
      values: { old: describe(alternative), new: scopedAfter.map(describe).join(' or ') },
      ...at,
    });
  for (const alternative of scopedAfter.filter((entry) => !covered(entry, scopedBefore)))
    log.add({
      id: 'security-scope-removed',
      message: `${describe(alternative)} now suffices`,
      operation,
      values: { new: describe(alternative) },
      ...at,
    });
}

/** Each alternative as the schemes it needs, and with `scopes` also each scope as `scheme:scope`. */
function alternativesOf(requirements: Requirements, scopes = false): string[][] {
  if (requirements.length === 0) return [[]];
  return requirements.map((requirement) =>
    Object.entries(requirement)
      .flatMap(([scheme, list]) => [scheme, ...(scopes && Array.isArray(list) ? list.map((scope) => `${scheme}:${scope}`) : [])])
      .sort(),
  );
}

const describe = (alternative: string[]) => (alternative.length === 0 ? 'no credentials' : alternative.join(' + '));
