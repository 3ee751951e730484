import type { FactKind, FactValue, FieldStep, PageFact, PageReading } from './facts.js';
import { readPossibleValues } from './possible-values.js';
import { typeLabelFacts, typeWords } from './type-labels.js';

/**
 * Reads a schema page rendered in the Docusaurus OpenAPI layout. Each field is one line that glues
 * the property name to its type and marks (`emailstringrequired`, `registrationIpipv4required`,
 * `nameRestrictionName (string)required`, `restrictions object[]`); constraints follow as
 * `Possible values: …` and `Default value: …`; the items of an `object[]` field sit between
 * `Array [` and `]`; `property name*string` gives the values of a map.
 */
export function readDocusaurusSchemaPage(text: string): PageReading {
  const reading: PageReading = { facts: [], unread: [] };
  const containers: FieldStep[][] = [[]];
  let current: { field: FieldStep[]; valuesArray: boolean } | undefined;
  const add = (index: number, kind: FactKind, value: FactValue, field: FieldStep[], items?: boolean) => {
    const fact: PageFact = { line: index + 1, section: 'schema', field, kind, value };
    if (items === true) fact.items = true;
    reading.facts.push(fact);
  };
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/^\s*•\s*/, '').trim();
    const parent = containers.at(-1) ?? [];
    if (line === 'Array [') return void (current !== undefined && containers.push(current.field));
    if (line === ']') return void (containers.length > 1 && containers.pop());
    const map = /^property name\*(.+)$/.exec(line);
    if (map !== null && current !== undefined) {
      const field = [...current.field, { names: ['*'] }];
      for (const fact of typeLabelFacts(map[1] ?? '') ?? []) add(index, fact.kind, fact.value, field, fact.items);
      return;
    }
    const glued = readFieldLine(line);
    if (glued !== undefined) {
      const field = [...parent, { names: glued.names }];
      current = { field, valuesArray: glued.valuesArray };
      for (const fact of glued.facts) add(index, fact.kind, fact.value, field, fact.items);
      return;
    }
    if (current === undefined) return;
    const possible = /^Possible values: (.*)$/.exec(line);
    if (possible !== null) {
      const constraints = readPossibleValues(possible[1] ?? '');
      if (constraints === undefined) reading.unread.push({ line: index + 1, text: line });
      for (const constraint of constraints ?? []) add(index, constraint.kind, constraint.value, current.field, current.valuesArray);
      return;
    }
    const fallback = /^Default value: (.*)$/.exec(line);
    if (fallback !== null) add(index, 'default', fallback[1] ?? '', current.field);
  });
  return reading;
}

interface FieldLine {
  /** Candidate property names: the capture glued the name to a type name, so the split is ambiguous. */
  names: string[];
  /** A `(string)[]` field: its constraints describe each item. */
  valuesArray: boolean;
  facts: { kind: FactKind; value: FactValue; items?: boolean }[];
}

const typeSuffix = new RegExp(`^([a-z][A-Za-z0-9]*?) ?(${[...typeWords].sort((a, b) => b.length - a.length).join('|')})$`);

/** Splits a field line into candidate names and the facts of its type and marks; undefined for prose. */
export function readFieldLine(line: string): FieldLine | undefined {
  let rest = line;
  const marks = { deprecated: false, required: false, array: false };
  if (rest.endsWith('deprecated')) [rest, marks.deprecated] = [rest.slice(0, -'deprecated'.length), true];
  if (rest.endsWith('required')) [rest, marks.required] = [rest.slice(0, -'required'.length), true];
  if (rest.endsWith('[]')) [rest, marks.array] = [rest.slice(0, -2), true];
  const titled = /^([a-z][A-Za-z0-9]*) \(([\w-]+)\)$/.exec(rest);
  let names: string[];
  let label: string;
  if (titled !== null) {
    const [, glued = '', type = ''] = titled;
    names = [...glued.matchAll(/[A-Z]/g)].map((match) => glued.slice(0, match.index));
    label = type;
  } else {
    const typed = typeSuffix.exec(rest);
    if (typed === null) return undefined;
    names = [typed[1] ?? ''];
    label = typed[2] ?? '';
  }
  const typeFacts = typeLabelFacts(marks.array ? `${label}[]` : label);
  if (typeFacts === undefined || names.length === 0) return undefined;
  const facts: FieldLine['facts'] = [...typeFacts];
  if (marks.required) facts.push({ kind: 'required', value: true });
  if (marks.deprecated) facts.push({ kind: 'deprecated', value: true });
  return { names, valuesArray: marks.array && label !== 'object', facts };
}
