import { distance } from 'fastest-levenshtein';

/**
 * The candidate a mistyped name most likely meant: the same letters in another case, or the nearest within
 * `maxEdits` (by default one per four characters, at least one). Undefined when nothing is that close.
 */
export function closestName(
  name: string,
  candidates: readonly string[],
  maxEdits = Math.max(1, Math.floor(name.length / 4)),
): string | undefined {
  const lower = name.toLowerCase();
  const sameLetters = candidates.find((candidate) => candidate.toLowerCase() === lower);
  if (sameLetters !== undefined) return sameLetters;
  let best: string | undefined;
  let bestDistance = maxEdits + 1;
  for (const candidate of candidates) {
    const edits = distance(lower, candidate.toLowerCase());
    if (edits < bestDistance) [best, bestDistance] = [candidate, edits];
  }
  return best;
}

/** ` Did you mean "X"?` when a candidate is close, else nothing. */
export function didYouMean(name: string, candidates: readonly string[]): string {
  const closest = closestName(name, candidates);
  return closest === undefined ? '' : ` Did you mean ${JSON.stringify(closest)}?`;
}
