import type { FactKind, FactValue } from './facts.js';

export interface Constraint {
  kind: FactKind;
  value: FactValue;
}

/**
 * Reads a constraint line such as `Possible values: non-empty and <= 40 characters`,
 * `>= 2 characters and <= 2 characters` or `[LEGAL_ENTITY, PERSON]`. Undefined when any part of it
 * is not understood, so that the caller reports the line instead of half-reading it.
 */
export function readPossibleValues(text: string): Constraint[] | undefined {
  const list = /^\[(.*)\]$/.exec(text);
  if (list !== null) return [{ kind: 'enum', value: splitList(list[1] ?? '') }];
  const constraints: Constraint[] = [];
  for (const part of text.split(' and ')) {
    const constraint = readPart(part.trim());
    if (constraint === undefined) return undefined;
    constraints.push(constraint);
  }
  return constraints;
}

function readPart(part: string): Constraint | undefined {
  if (part === 'non-empty') return { kind: 'minLength', value: 1 };
  const bound = /^(<=|>=) (-?\d+(?:\.\d+)?)( characters?)?$/.exec(part);
  if (bound === null) return undefined;
  const [, operator, number = '', characters] = bound;
  const upper = operator === '<=';
  if (characters !== undefined) return { kind: upper ? 'maxLength' : 'minLength', value: Number(number) };
  return { kind: upper ? 'maximum' : 'minimum', value: Number(number) };
}

/** `a, b, c` → ['a', 'b', 'c']; the pages print enum values bare, comma-separated. */
function splitList(text: string): string[] {
  return text
    .split(',')
    .map((value) => value.trim())
    .filter((value) => value !== '');
}
