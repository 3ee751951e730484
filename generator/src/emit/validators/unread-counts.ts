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
  const code = withoutStrings(statement);
  const unreadValid = unread(code, /\bvalid\d+\b/g, /\bvar (valid\d+) = _errs\d+ === errors;/g);
  // A count is unread when its one mention left is its declaration, once the unread flags are gone.
  const counts = mentions(code, /\b_errs\d+\b/g);
  for (const match of code.matchAll(/\bvar (valid\d+) = (_errs\d+) === errors;/g))
    if (unreadValid.has(match[1]!)) counts.set(match[2]!, counts.get(match[2]!)! - 1);
  const unreadCount = (name: string) => counts.get(name) === 1;
  if (unreadValid.size === 0 && ![...counts.keys()].some(unreadCount)) return statement;
  return replaceOutsideStrings(statement, declarations, (match, valid, count) =>
    (valid !== undefined && unreadValid.has(valid)) || (count !== undefined && unreadCount(count)) ? '' : match,
  );
}

/** A flag's or a count's declaration, each name a group of its own. */
const declarations = /var (valid\d+) = _errs\d+ === errors;|const (_errs\d+) = errors;/;

const mentions = (code: string, name: RegExp): Map<string, number> => {
  const found = new Map<string, number>();
  for (const [mention] of code.matchAll(name)) found.set(mention, (found.get(mention) ?? 0) + 1);
  return found;
};

/** The names declared by `declaration` (its first group) that `code` mentions nowhere but there. */
function unread(code: string, name: RegExp, declaration: RegExp): Set<string> {
  const all = mentions(code, name);
  const declared = new Map<string, number>();
  for (const match of code.matchAll(declaration)) declared.set(match[1]!, (declared.get(match[1]!) ?? 0) + 1);
  return new Set([...declared].filter(([found, count]) => all.get(found) === count).map(([found]) => found));
}
