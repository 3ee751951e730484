import type { ValidatorEntry, ValidatorSet } from './validator-set.js';
import { reachableDefs, refsIn } from './validator-schemas.js';

/**
 * Entries whose lowered schemas are the same share the compiled function of the first: on GitHub's REST
 * description 3,687 of 5,701 entries repeat another (1,506 responses are `{ $ref: BasicError }` alone),
 * and each had a function of its own in both compilations, 6 MB of code a module format.
 *
 * A shared function names its rules under the first entry's `$defs` key, so the entry's rule origins
 * map that key to its own table (validator-modules.ts): a message still cites the entry's own place in
 * the spec. That fails only when the first entry's schema reaches itself (a recursive schema), as the key
 * would then stand for two places; such an entry keeps a function of its own.
 */
export function shareIdenticalEntries(set: ValidatorSet): ValidatorSet {
  const firstWith = new Map<string, string>();
  const recursive = new Map<string, boolean>();
  const reachesItself = (def: string) => {
    let known = recursive.get(def);
    if (known === undefined)
      recursive.set(def, (known = reachableDefs(set.defs, def).some((from) => refsIn(set.defs[from]).includes(def))));
    return known;
  };
  const entries = set.entries.map((entry): ValidatorEntry => {
    const text = JSON.stringify(set.defs[entry.def]);
    const first = firstWith.get(text);
    if (first === undefined) {
      firstWith.set(text, entry.def);
      return entry;
    }
    return reachesItself(first) ? entry : { ...entry, compiledAs: first };
  });
  return { ...set, entries };
}
