import type { SchemaMeta, SourceRef } from '../../ir/types.js';
import type { JsonSchema } from './lower-schema.js';
import { subschemas } from './schema-walk.js';

/** AJV's escaping of a schema path segment (`compile/util.ts` escapeFragment): JSON pointer, then URI. */
const segment = (name: string) => encodeURIComponent(name.replace(/~/g, '~0').replace(/\//g, '~1'));

/**
 * Where the rules of each lowered schema object are written in the spec, by the schema path AJV reports
 * in its errors, in the compact form templates/validators/api.js reads: the spec files and provenance
 * notes once each, and per named schema (its `$defs` segment) the path inside it (`""` for the schema
 * itself, `/properties/firstName`) with `[file, line]` or `[file, line, note]`, indexes into those lists.
 * The message reads `specs/paysafe/openapi.yaml:978, from seed 004`. An `x-inferred` note is not
 * repeated: it is written per schema object, not per rule, and the JSDoc of the type shows it.
 */
export interface RuleOrigins {
  files: string[];
  notes: string[];
  defs: Record<string, Record<string, number[]>>;
}

export function ruleOrigins({
  defs,
  metaOf,
  keyOf,
}: {
  defs: [string, JsonSchema][];
  metaOf: WeakMap<object, SchemaMeta>;
  keyOf: WeakMap<object, SourceRef>;
}): RuleOrigins {
  const files = new IndexOf();
  const notes = new IndexOf();
  const byDef: Record<string, Record<string, number[]>> = {};
  for (const [name, schema] of defs) {
    const paths: Record<string, number[]> = {};
    const visit = (node: unknown, path: string): void => {
      if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
      const meta = metaOf.get(node);
      const origin = meta === undefined ? undefined : (keyOf.get(node) ?? meta.origin);
      if (meta !== undefined && origin !== undefined) {
        const source = meta.extensions.find(([extension]) => extension === 'x-source')?.[1];
        paths[path] = [files.of(origin.file), origin.line, ...(typeof source === 'string' ? [notes.of(`from ${source}`)] : [])];
      }
      for (const child of subschemas(node as Record<string, unknown>))
        visit(child.schema, `${path}/${child.tokens.map(segment).join('/')}`);
    };
    visit(schema, '');
    if (Object.keys(paths).length > 0) byDef[segment(name)] = paths;
  }
  return { files: files.list, notes: notes.list, defs: byDef };
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
