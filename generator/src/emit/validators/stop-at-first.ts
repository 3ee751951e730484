import { replaceOutsideStrings, withoutStrings } from './code-text.js';

/**
 * One compilation answers both `is*` and `assert*`: AJV compiles every validator to collect all problems,
 * and each function takes a third argument, `stop`, that `is*` passes as true (api.js). A function called
 * with it returns false at its first problem instead of recording it and going on, so an invalid value
 * costs what a first-error check costs, and passes it on to the functions it calls.
 *
 * Stopping is right only where a problem is one of the value. A function that tries alternatives
 * (`anyOf`, `oneOf`, `not`, `if`, `contains`) records the problems of an alternative and then drops them
 * when another one holds: AJV writes the drop as a reset of the count (`errors = _errs3;`). Such a
 * function is left as AJV wrote it: it collects, and so do the functions it calls; a problem it keeps
 * makes it return false, and a caller that was asked to stop stops there.
 *
 * This reads AJV's private code shape (the pinned version, checked by ajv-shape.ts): where a problem is
 * recorded, how a function starts, calls and ends. A function that does not read as expected stops
 * generation (`StopAtFirstShapeError`) rather than let an `is*` answer go unchecked. Code whose calls
 * keep AJV's options object (relativePaths did not apply) is left to collect.
 */

/** A function of AJV's standalone code (its parameters relativePaths' or AJV's own, which hold no parenthesis). */
const functionHead = /^function (validate\d+)\(data, [^)]*\)\{/;
/** The head of a function after relativePaths: the value, and its path (always "" once paths are relative). */
const relativeHead = /^function validate\d+\(data, instancePath=""\)\{/;
/** A call of another function after relativePaths: the value alone; and any call. */
const call = /(?<![\w$.])(validate\d+)\((\w+)\)/;
const anyCall = /(?<![\w$.])validate\d+\(/g;
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
const problemSiteOrCall = new RegExp(`${problemSite.source}|${call.source}`);

/**
 * A function of AJV's that does not read as the rewrite expects: the function and why. `rewrite` names the
 * step for the shape guard (ajv-shape.ts).
 */
export class StopAtFirstShapeError extends Error {
  readonly rewrite = 'stopAtFirst';

  constructor(name: string, reason: string) {
    super(`${name}: ${reason}`);
    this.name = 'StopAtFirstShapeError';
  }
}

/**
 * A function's name and head, after checking it ends as all-errors functions do; undefined for other
 * statements. What is looked for is looked for in the code as it is first, and only where it is found
 * outside the expected places is the code read again without its strings (a rare property name).
 */
function functionParts(statement: string): { name: string; head: string } | undefined {
  const head = functionHead.exec(statement);
  if (head === null) return undefined;
  const name = head[1] ?? '';
  const returns = statement.indexOf('return ') === statement.lastIndexOf('return ') || oneReturn(withoutStrings(statement));
  // The end is matched in the last characters alone: a regular expression anchored at the end still scans from the start.
  if (!functionEnd.test(statement.slice(-400)) || !returns)
    throw new StopAtFirstShapeError(name, 'it does not end with the one return of an all-errors function');
  return { name, head: head[0] };
}

const oneReturn = (code: string) => code.indexOf('return ') === code.lastIndexOf('return ');

/** Whether a function's code (not a string in it) drops problems; the code as it is is read first. */
const dropsProblemsIn = (statement: string) => dropsProblems.test(statement) && dropsProblems.test(withoutStrings(statement));

/**
 * Any function but one that tries alternatives (which collects whatever it is asked, and which
 * `triesAlternatives` is told of: the shape guard counts them), written as relativePaths leaves it, takes
 * `stop`: it returns false at each problem when asked to, and passes `stop` on to each function it calls.
 */
export function stopAtFirst(statement: string, triesAlternatives: () => void = () => {}): string {
  const parts = functionParts(statement);
  if (parts === undefined) return statement;
  if (dropsProblemsIn(statement)) {
    triesAlternatives();
    return statement;
  }
  if (!relativeHead.test(statement)) return statement;
  let sites = 0;
  let calls = 0;
  const body = replaceOutsideStrings(statement.slice(parts.head.length), problemSiteOrCall, (match, callee, value) => {
    if (callee === undefined) {
      sites++;
      return 'if(stop)return false;';
    }
    calls++;
    return `${callee}(${value}, "", stop)`;
  });
  // Counted in the code as it is; a property name that holds `errors++;` or a call is told apart by
  // counting again without the strings.
  const counted = countOutsideStrings(statement, countedProblem, sites);
  if (sites !== counted) throw new StopAtFirstShapeError(parts.name, `${counted} problems counted, ${sites} found where they are recorded`);
  const called = countOutsideStrings(statement.slice(parts.head.length), anyCall, calls);
  if (calls !== called) throw new StopAtFirstShapeError(parts.name, `${called} calls, ${calls} with the value alone`);
  if (sites === 0 && calls === 0) return statement;
  return `function ${parts.name}(data, instancePath="", stop){${body}`;
}

const count = (code: string, pattern: RegExp) => code.match(pattern)?.length ?? 0;

/** How often `pattern` occurs outside string literals: counted in the code as it is when that gives `expected`. */
function countOutsideStrings(code: string, pattern: RegExp, expected: number): number {
  const found = count(code, pattern);
  return found === expected ? found : count(withoutStrings(code), pattern);
}
