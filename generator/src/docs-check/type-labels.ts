import type { FactKind, FactValue } from './facts.js';

/** Format names that doc pages print in place of a type; each is a string or integer format in OpenAPI. */
const formatTypes: Record<string, 'string' | 'integer' | 'number'> = {
  date: 'string',
  'date-time': 'string',
  time: 'string',
  ipv4: 'string',
  ipv6: 'string',
  uuid: 'string',
  email: 'string',
  uri: 'string',
  int32: 'integer',
  int64: 'integer',
  float: 'number',
  double: 'number',
};

const plainTypes = new Set(['string', 'integer', 'number', 'boolean', 'object', 'array']);

/** The labels a page may print as a field's type (`string`, `int64`, `date-time`…). */
export const typeWords = [...plainTypes, ...Object.keys(formatTypes)].filter((word) => word !== 'array');

export interface TypeFact {
  kind: FactKind;
  value: FactValue;
  items?: boolean;
}

/**
 * Facts a type label states: `string`, `int64` (integer, format int64), `ipv4` (string, format ipv4),
 * `enum<string>`, `string<date>`, and arrays written `object[]` or `string[]`. Undefined for a label
 * that is not a type.
 */
export function typeLabelFacts(label: string): TypeFact[] | undefined {
  const array = label.endsWith('[]');
  const base = array ? label.slice(0, -2) : label;
  const generic = /^(\w+)<([\w-]+)>$/.exec(base);
  let word = base;
  let format: string | undefined;
  if (generic !== null) {
    const [, outer = '', inner = ''] = generic;
    if (outer === 'enum') word = inner;
    else [word, format] = [outer, inner];
  }
  if (format === undefined && word in formatTypes) [word, format] = [formatTypes[word] ?? 'string', word];
  if (!plainTypes.has(word)) return undefined;
  const facts: TypeFact[] = [{ kind: 'type', value: word }];
  if (format !== undefined) facts.push({ kind: 'format', value: format });
  if (!array) return facts;
  return [{ kind: 'type', value: 'array' }, ...facts.map((fact) => ({ ...fact, items: true }))];
}
