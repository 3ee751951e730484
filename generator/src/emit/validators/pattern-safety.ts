import { isSafePattern } from 'redos-detector';

/**
 * Why a `pattern` may backtrack catastrophically on a hostile value, or undefined when it is shown safe.
 * redos-detector explores the pattern's backtracking paths; a pattern it cannot clear within its limits
 * (or in 100 ms) is reported too: the warning asks a person to look, it does not prove a flaw.
 */
export function patternRisk(pattern: string): string | undefined {
  try {
    const result = isSafePattern(pattern, { unicode: true, timeout: 100 });
    if (result.safe) return undefined;
    return result.error === 'timedOut' ? 'its backtracking could not be bounded in time' : 'input can make it backtrack catastrophically';
  } catch {
    return 'its backtracking could not be analysed';
  }
}

/** One answer a pattern in a run: large specs repeat the same patterns many times. */
export function createPatternChecker(): (pattern: string) => string | undefined {
  const known = new Map<string, string | undefined>();
  return (pattern) => {
    if (!known.has(pattern)) known.set(pattern, patternRisk(pattern));
    return known.get(pattern);
  };
}
