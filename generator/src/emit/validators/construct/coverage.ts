import { keywordFamilies } from './compile-schema.js';
import { refTokens, schemaPathOf, valueAtTokens } from './pointers.js';
import { schemaPathBelow } from './schema-places.js';
import { annotationKeywords, subschemasOf } from './subschemas.js';

/** Why a schema is not covered, at the schema path of the keyword that makes it so. */
export interface CoverageGap {
  schemaPath: string;
  keyword: string;
  reason: 'not-supported' | 'unknown-keyword' | 'unresolved-ref' | 'unknown-format' | 'invalid-pattern' | 'malformed';
}

/**
 * The answer the caller acts on: a covered schema gets an emitted function; one that is not (it writes
 * `unevaluatedProperties`, `$dynamicRef`, a `$ref` by `$id`…) is compiled by AJV instead, and `generate`
 * lists it with its gaps. Everything the schema reaches through `$ref` counts.
 */
export type Coverage = { covered: true } | { covered: false; gaps: CoverageGap[] };

/** Keywords of 2020-12 this emitter leaves to AJV: they need the annotations of other subschemas (§11) or dynamic scope (§8.2.3.2). */
const leftToAjv = new Set(['unevaluatedProperties', 'unevaluatedItems', '$dynamicRef', '$recursiveRef', '$recursiveAnchor', '$vocabulary']);
const checked = new Set(keywordFamilies.flatMap((family) => family.keywords));

/** Whether the schema at `tokens` of the document is covered, with every gap it (and what it references) has. */
export function coverageOf({
  document,
  tokens,
  formats,
  covered = new Set(),
}: {
  document: unknown;
  tokens: readonly string[];
  formats: ReadonlyMap<string, 'string' | 'number'>;
  /**
   * Schema paths known to be covered with all they reach, shared by the calls over one document: a
   * `$ref` to one is not walked again, and a covered root adds the targets it walked. On GitHub's REST
   * description the roots reach the same named schemas thousands of times.
   */
  covered?: Set<string>;
}): Coverage {
  const gaps: CoverageGap[] = [];
  const visited = new Set<string>();
  const visit = (schema: unknown, path: string, isRoot: boolean): void => {
    if (typeof schema === 'boolean') return;
    if (schema === null || typeof schema !== 'object' || Array.isArray(schema))
      return void gaps.push({ schemaPath: path, keyword: '', reason: 'malformed' });
    const node = schema as Record<string, unknown>;
    for (const keyword of Object.keys(node)) {
      const gap = keywordGap({ node, keyword, isRoot, formats });
      // A keyword is written as it is in a schema path (AJV escapes only keys).
      if (gap !== undefined) gaps.push({ schemaPath: `${path}/${keyword}`, keyword, reason: gap });
    }
    if (typeof node.$ref === 'string') {
      const target = refTokens(node.$ref);
      const targetPath = target === undefined ? undefined : schemaPathOf(target);
      if (target === undefined || valueAtTokens(document, target) === undefined)
        gaps.push({ schemaPath: `${path}/$ref`, keyword: '$ref', reason: 'unresolved-ref' });
      else if (!visited.has(targetPath!) && !covered.has(targetPath!)) {
        visited.add(targetPath!);
        visit(valueAtTokens(document, target), targetPath!, target.length === 0);
      }
    }
    for (const { schema: child, tokens: childTokens } of subschemasOf(node)) visit(child, schemaPathBelow(path, childTokens), false);
  };
  const start = schemaPathOf(tokens);
  visited.add(start);
  visit(valueAtTokens(document, tokens), start, tokens.length === 0);
  if (gaps.length > 0) return { covered: false, gaps };
  for (const path of visited) covered.add(path);
  return { covered: true };
}

function keywordGap({
  node,
  keyword,
  isRoot,
  formats,
}: {
  node: Record<string, unknown>;
  keyword: string;
  isRoot: boolean;
  formats: ReadonlyMap<string, 'string' | 'number'>;
}): CoverageGap['reason'] | undefined {
  const value = node[keyword];
  if (keyword === '$id') return isRoot ? undefined : 'not-supported';
  if (leftToAjv.has(keyword)) return 'not-supported';
  if (annotationKeywords.has(keyword)) return undefined;
  if (!checked.has(keyword)) return 'unknown-keyword';
  if (keyword === 'format') return typeof value === 'string' && formats.has(value) ? undefined : 'unknown-format';
  if (keyword === 'pattern') return compiles(value) ? undefined : 'invalid-pattern';
  if (keyword === 'patternProperties' && !Object.keys(value as object).every(compiles)) return 'invalid-pattern';
  if (keyword === 'type') return wellTyped(value) ? undefined : 'malformed';
  // A bound JSON can write but a double cannot hold (1e400 reads as Infinity), or a length whose double
  // does (the string checks compare against twice minLength), is no literal the code can carry.
  if (typeof value === 'number' && !(Number.isFinite(value) && Number.isFinite(value * 2))) return 'malformed';
  return undefined;
}

const jsonTypes = new Set(['string', 'number', 'integer', 'boolean', 'null', 'object', 'array']);
const wellTyped = (value: unknown) =>
  (typeof value === 'string' && jsonTypes.has(value)) || (Array.isArray(value) && value.every((type) => jsonTypes.has(type as string)));

/** Whether a pattern compiles as the checks compile it (ECMA-262 with the `u` flag). */
function compiles(pattern: unknown): boolean {
  if (typeof pattern !== 'string') return false;
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}
