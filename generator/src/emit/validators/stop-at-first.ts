import { replaceOutsideStrings, withoutStrings } from './code-text.js';

/**
 * One compilation answers both `is*` and `assert*`: AJV compiles every validator to collect all problems,
 * and each function learns on entry whether this call only asks for an answer (the runtime's
 * `checkMode.stopAtFirst`, which `is*` turns on). If so, it returns false at its first problem instead of
 * recording it and going on, so an invalid value costs what a first-error check costs.
 *
 * Stopping is right only where a problem is one of the value. A function that tries alternatives
 * (`anyOf`, `oneOf`, `not`, `if`, `contains`) records the problems of an alternative and then drops them
 * when another one holds: AJV writes the drop as a reset of the count (`errors = _errs3;`). Such a
 * function turns stopping off for as long as it runs, the functions it calls included, and restores it
 * before it returns; a problem it keeps makes it return false, and its caller stops there.
 *
 * This reads AJV's private code shape (the pinned version, checked by ajv-shape.ts): where a problem is
 * recorded, how a function starts and ends. A function whose problems are not all where it expects them
 * stops generation (`StopAtFirstShapeError`) rather than let an `is*` answer go unchecked.
 */

/** A function of AJV's standalone code (its parameters relativePaths' or AJV's own, which hold no parenthesis). */
const functionHead = /^function (validate\d+)\(data, [^)]*\)\{/;
/**
 * The one way an all-errors function of AJV's returns: its problems published, then (where a spec uses
 * `unevaluated*`) what it evaluated, then the answer.
 */
const functionEnd = /\b(validate\d+)\.errors = vErrors;(?:evaluated\d+\.\w+ = [\w.]+;)*return errors === 0;\}$/;
/** Dropping the problems an alternative recorded (KeywordCxt.reset). */
const dropsProblems = /\berrors = _errs\d+;/;
/** What each problem site ends with: the count going up. */
const countedProblem = /\berrors\+\+;|\berrors = vErrors\.length;/g;
/**
 * Where a problem is recorded: the runtime's reportError (compactErrors), an error literal AJV's form
 * kept, and a failed nested call whose problems are appended (with or without moving their paths, called
 * directly or through AJV's recursion wrapper).
 */
const problemSite =
  /(?=vErrors = reportError\(|const err\d+ = \{|vErrors = vErrors === null \? [\w.]+\.errors : |vErrors = nestedErrors\()/;

/** A function of AJV's that does not read as the rewrite expects: the rewrite's name, the function and why. */
export class StopAtFirstShapeError extends Error {
  constructor(
    readonly rewrite: 'holdStopInAlternatives' | 'stopAtFirst',
    name: string,
    reason: string,
  ) {
    super(`${name}: ${reason}`);
    this.name = 'StopAtFirstShapeError';
  }
}

/**
 * A function's name and head, after checking it ends as all-errors functions do; undefined for other
 * statements. What is looked for is looked for in the code as it is first, and only where it is found
 * outside the expected places is the code read again without its strings (a rare property name).
 */
function functionParts(statement: string, rewrite: StopAtFirstShapeError['rewrite']): { name: string; head: string } | undefined {
  const head = functionHead.exec(statement);
  if (head === null) return undefined;
  const name = head[1] ?? '';
  const returns = statement.indexOf('return ') === statement.lastIndexOf('return ') || oneReturn(withoutStrings(statement));
  // The end is matched in the last characters alone: a regular expression anchored at the end still scans from the start.
  if (!functionEnd.test(statement.slice(-400)) || !returns)
    throw new StopAtFirstShapeError(rewrite, name, 'it does not end with the one return of an all-errors function');
  return { name, head: head[0] };
}

const oneReturn = (code: string) => code.indexOf('return ') === code.lastIndexOf('return ');

const holding = 'const held = checkMode.stopAtFirst;checkMode.stopAtFirst = false;';

/** A function that drops problems (it tries alternatives) turns stopping off while it runs. */
export function holdStopInAlternatives(statement: string): string {
  const parts = functionParts(statement, 'holdStopInAlternatives');
  if (parts === undefined || !dropsProblems.test(statement) || !dropsProblems.test(withoutStrings(statement))) return statement;
  const end = statement.lastIndexOf(`${parts.name}.errors = vErrors;`);
  return `${parts.head}${holding}${statement.slice(parts.head.length, end)}checkMode.stopAtFirst = held;${statement.slice(end)}`;
}

/** Any other function returns false at each problem while stopping is on (after holdStopInAlternatives). */
export function stopAtFirst(statement: string): string {
  const parts = functionParts(statement, 'stopAtFirst');
  if (parts === undefined || statement.startsWith(holding, parts.head.length)) return statement;
  let sites = 0;
  const body = replaceOutsideStrings(statement.slice(parts.head.length), problemSite, () => {
    sites++;
    return 'if(stop)return false;';
  });
  // Counted in the code as it is; a property name that holds `errors++;` is told apart by counting again.
  let counted = count(statement, countedProblem);
  if (counted !== sites) counted = count(withoutStrings(statement), countedProblem);
  if (sites !== counted)
    throw new StopAtFirstShapeError('stopAtFirst', parts.name, `${counted} problems counted, ${sites} found where they are recorded`);
  return sites === 0 ? statement : `${parts.head}const stop = checkMode.stopAtFirst;${body}`;
}

const count = (code: string, pattern: RegExp) => code.match(pattern)?.length ?? 0;
