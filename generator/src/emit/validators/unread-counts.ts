import { replaceOutsideStrings, withoutStrings } from './code-text.js';

/**
 * AJV notes the problem count before each rule it checks (`const _errs3 = errors;`) and, after a
 * property, whether it held (`var valid0 = _errs3 === errors;`), whether or not anything reads them: on
 * GitHub's REST description the unread ones were a tenth of the code. A function's `valid` variables that
 * nothing reads lose their declarations, then the counts nothing reads any more. Names are counted and
 * declarations dropped outside string literals (a property name may hold code).
 */
export function dropUnreadCounts(statement: string): string {
  if (!statement.startsWith('function ')) return statement;
  const unreadValid = unread(withoutStrings(statement), /\bvalid\d+\b/g, /\bvar (valid\d+) = _errs\d+ === errors;/g);
  const withoutValid =
    unreadValid.size === 0
      ? statement
      : replaceOutsideStrings(statement, /var (valid\d+) = _errs\d+ === errors;/, (match, name) => (unreadValid.has(name) ? '' : match));
  const unreadCounts = unread(withoutStrings(withoutValid), /\b_errs\d+\b/g, /\bconst (_errs\d+) = errors;/g);
  if (unreadCounts.size === 0) return withoutValid;
  return replaceOutsideStrings(withoutValid, /const (_errs\d+) = errors;/, (match, name) => (unreadCounts.has(name) ? '' : match));
}

/** The names declared by `declaration` (its first group) that `code` mentions nowhere but there. */
function unread(code: string, name: RegExp, declaration: RegExp): Set<string> {
  const mentions = new Map<string, number>();
  for (const [found] of code.matchAll(name)) mentions.set(found, (mentions.get(found) ?? 0) + 1);
  const declared = new Map<string, number>();
  for (const match of code.matchAll(declaration)) declared.set(match[1]!, (declared.get(match[1]!) ?? 0) + 1);
  return new Set([...declared].filter(([found, count]) => mentions.get(found) === count).map(([found]) => found));
}
