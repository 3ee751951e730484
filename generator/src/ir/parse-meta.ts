import type { ParseContext } from './context.js';
import { parseProvenance } from './parse-provenance.js';
import type { Constraint, SchemaMeta } from './types.js';

type Json = Record<string, unknown>;

/** Validation keywords kept as constraints, in the order JSDoc shows them. */
export const constraintKeywords = [
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'exclusiveMinimum',
  'maximum',
  'exclusiveMaximum',
  'multipleOf',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'contentEncoding',
  'contentMediaType',
  'minContains',
  'maxContains',
  'dependentRequired',
] as const;

/** JSON Schema 2020-12 keywords with a meaning for validation that the IR does not model. */
const uncheckedKeywords = ['$dynamicRef', '$dynamicAnchor', '$recursiveRef'] as const;

export function createMeta(partial: Partial<SchemaMeta> = {}): SchemaMeta {
  return { deprecated: false, examples: [], nullable: false, constraints: [], extensions: [], assertions: [], unchecked: [], ...partial };
}

/** Annotations and constraints of a Schema Object, with 3.0 forms turned into their 3.1 equivalents. */
export function parseMeta(raw: Json, context: ParseContext): SchemaMeta {
  const meta = createMeta({
    deprecated: raw.deprecated === true,
    nullable: raw.nullable === true,
    examples: [...(Array.isArray(raw.examples) ? raw.examples : []), ...('example' in raw ? [raw.example] : [])],
    constraints: parseConstraints(raw),
    extensions: Object.keys(raw)
      .filter((key) => key.startsWith('x-'))
      .map((key): [string, unknown] => [key, raw[key]]),
    unchecked: uncheckedKeywords
      .filter((keyword) => keyword in raw)
      .map((keyword) => ({ keyword, origin: context.keySourceOf(raw, keyword) })),
    origin: context.sourceOf(raw),
  });
  if (typeof raw.title === 'string') meta.title = raw.title;
  if (typeof raw.description === 'string') meta.description = raw.description;
  if (typeof raw.format === 'string') meta.format = raw.format;
  if ('default' in raw) meta.default = { value: raw.default };
  const provenance = parseProvenance(raw);
  if (provenance !== undefined) meta.provenance = provenance;
  return meta;
}

/** 3.0 (draft-04) writes `exclusiveMinimum: true` beside `minimum`; 3.1 writes the bound itself. */
function parseConstraints(raw: Json): Constraint[] {
  const constraints: Constraint[] = [];
  for (const keyword of constraintKeywords) {
    if (!(keyword in raw)) continue;
    const value = raw[keyword];
    if (keyword === 'exclusiveMinimum' || keyword === 'exclusiveMaximum') {
      if (typeof value === 'number') constraints.push({ keyword, value });
      continue;
    }
    if (keyword === 'minimum' && raw.exclusiveMinimum === true) constraints.push({ keyword: 'exclusiveMinimum', value });
    else if (keyword === 'maximum' && raw.exclusiveMaximum === true) constraints.push({ keyword: 'exclusiveMaximum', value });
    else constraints.push({ keyword, value });
  }
  return constraints;
}
