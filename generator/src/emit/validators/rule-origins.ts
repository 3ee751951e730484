import { fragmentToken } from '../../util/json-pointer.js';
import { sourceUrl } from '../../ir/parse-provenance.js';
import type { SchemaMeta, SourceRef } from '../../ir/types.js';
import type { JsonSchema } from './lower-schema.js';
import { subschemas } from './schema-walk.js';

/**
 * A schema path segment as AJV escapes it (`compile/util.ts` escapeFragment): fragmentToken. Most names hold
 * only characters neither escape touches, and are taken as they are.
 */
const plainSegment = /^[\w\-.!*'()]*$/;
const segment = (name: string) => (plainSegment.test(name) ? name : fragmentToken(name));
/** A JSON pointer with each token URI-encoded, as AJV writes schema paths. */
const plainPointer = /^[\w\-.!~*'()/]*$/;
const encodedPointer = (pointer: string) =>
  plainPointer.test(pointer) ? pointer : `/${pointer.slice(1).split('/').map(encodeURIComponent).join('/')}`;

/**
 * Where the rules of each lowered schema object are written, by the schema path AJV reports in its errors,
 * in the compact form templates/runtime/validation.js reads. Spec files and notes are listed once each; per
 * named schema (its `$defs` segment), `rules` maps the path inside it (`""` for the schema itself,
 * `/properties/firstName`) to `[file, line]`, `[file, line, note]` or `[file, line, note, pointer]`
 * (indexes into those lists; note -1 for none). In a package, `base` is the named schema's place in the
 * shipped `openapi.json`, and a rule's place there is `base` + its path unless the entry spells it out
 * (lowering moved it). The message then reads `openapi.json#/components/schemas/X/properties/firstName,
 * paysafe/openapi.yaml:978; see https://…`. An `x-inferred` note is not repeated: the JSDoc shows it.
 */
export interface RuleOrigins {
  files: string[];
  notes: string[];
  defs: Record<string, { base?: string; rules: Record<string, (number | string)[]> }>;
}

export type OriginLocations = 'shipped' | 'source';

export function ruleOrigins({
  defs,
  metaOf,
  keyOf,
  locations,
}: {
  defs: [string, JsonSchema][];
  metaOf: WeakMap<object, SchemaMeta>;
  keyOf: WeakMap<object, SourceRef>;
  /** `shipped`: places in the package's `openapi.json` and source names; `source`: files as shown in diagnostics. */
  locations: OriginLocations;
}): RuleOrigins {
  const files = new IndexOf();
  const notes = new IndexOf();
  const byDef: RuleOrigins['defs'] = {};
  const originOf = (node: object): { meta: SchemaMeta; origin: SourceRef } | undefined => {
    const meta = metaOf.get(node);
    const origin = meta === undefined ? undefined : (keyOf.get(node) ?? meta.origin);
    return meta === undefined || origin === undefined ? undefined : { meta, origin };
  };
  for (const [name, schema] of defs) {
    const rootShipped = locations === 'shipped' && typeof schema === 'object' ? originOf(schema)?.origin.shipped : undefined;
    const base = rootShipped === undefined ? undefined : encodedPointer(rootShipped.pointer);
    const rules: Record<string, (number | string)[]> = {};
    const visit = (node: unknown, path: string): void => {
      if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
      const found = originOf(node);
      if (found !== undefined) rules[path] = ruleEntry({ meta: found.meta, origin: found.origin, path, base, locations, files, notes });
      for (const child of subschemas(node as Record<string, unknown>)) {
        let childPath = path;
        for (const token of child.tokens) childPath += `/${segment(token)}`;
        visit(child.schema, childPath);
      }
    };
    visit(schema, '');
    if (Object.keys(rules).length > 0) byDef[segment(name)] = base === undefined ? { rules } : { base, rules };
  }
  return { files: files.list, notes: notes.list, defs: byDef };
}

function ruleEntry({
  meta,
  origin,
  path,
  base,
  locations,
  files,
  notes,
}: {
  meta: SchemaMeta;
  origin: SourceRef;
  path: string;
  base: string | undefined;
  locations: OriginLocations;
  files: IndexOf;
  notes: IndexOf;
}): (number | string)[] {
  const shipped = locations === 'shipped' ? origin.shipped : undefined;
  const entry: (number | string)[] = [files.of(shipped?.source ?? origin.file), origin.line];
  const pages = (meta.provenance?.sources ?? []).map((source) => sourceUrl(source) ?? source);
  const note = pages.length === 0 ? -1 : notes.of(`see ${pages.join(', ')}`);
  const pointer = shipped === undefined ? undefined : encodedPointer(shipped.pointer);
  if (pointer !== undefined && pointer !== `${base ?? ''}${path}`) entry.push(note, pointer);
  else if (note !== -1) entry.push(note);
  return entry;
}

/** Each distinct string once, by first appearance. */
class IndexOf {
  readonly list: string[] = [];
  private readonly indexes = new Map<string, number>();

  of(text: string): number {
    let index = this.indexes.get(text);
    if (index === undefined) {
      index = this.list.length;
      this.indexes.set(text, index);
      this.list.push(text);
    }
    return index;
  }
}
