import { pointerFragment } from '../../util/json-pointer.js';
import { shippedSpecFile } from '../../ir/bundle-document.js';
import type { Provenance, SchemaMeta, SourceRef } from '../../ir/types.js';

export interface DocInput {
  meta?: SchemaMeta;
  /** Text shown first (an operation's summary, a parameter's description). */
  lead?: string[];
  /** Extra tags, already formatted (`@operation POST /x`). */
  tags?: string[];
  origin?: SourceRef;
  /** Where the facts come from, for nodes that are not schemas (operations, parameters, responses). */
  provenance?: Provenance;
  deprecated?: boolean;
}

/**
 * One JSDoc body: description, then one tag per constraint, default, example, deprecation and
 * source, so that hovering a field shows everything the docs say about it.
 */
export function docText(input: DocInput): string | undefined {
  const { meta } = input;
  const lines: string[] = [];
  for (const text of input.lead ?? []) lines.push(text);
  if (meta?.title !== undefined && !lines.includes(meta.title)) lines.push(meta.title);
  if (meta?.description !== undefined && !lines.includes(meta.description)) lines.push(meta.description);
  const tags: string[] = [...(input.tags ?? [])];
  if (input.deprecated === true || meta?.deprecated === true) tags.push('@deprecated');
  if (meta !== undefined) tags.push(...metaTags(meta));
  const provenance = input.provenance ?? meta?.provenance;
  if (provenance !== undefined) tags.push(...provenanceTags(provenance));
  const origin = input.origin ?? meta?.origin;
  if (origin !== undefined) tags.push(`@spec ${specLocation(origin)}`);
  if (lines.length === 0 && tags.length === 0) return undefined;
  return escapeComment([...lines, ...tags].join('\n'));
}

function metaTags(meta: SchemaMeta): string[] {
  const tags: string[] = [];
  if (meta.format !== undefined) tags.push(`@format ${meta.format}`);
  for (const constraint of meta.constraints) tags.push(`@${constraint.keyword} ${formatValue(constraint.value)}`);
  if (meta.default !== undefined) tags.push(`@default ${JSON.stringify(meta.default.value)}`);
  for (const example of meta.examples) tags.push(`@example ${JSON.stringify(example)}`);
  return tags;
}

/** `@see` per page (editors turn the address into a link), then `@inferred` for what is our reading. */
function provenanceTags(provenance: Provenance): string[] {
  const tags = provenance.sources.map((source) => `@see ${source}`);
  if (provenance.inferred !== undefined) tags.push(`@inferred ${provenance.inferred}`);
  return tags;
}

/**
 * The node in the spec the package ships, and the source line it was written at:
 * `openapi.json#/components/schemas/Address/properties/city (enfuce/openapi.yaml:185)`.
 */
export function specLocation(origin: SourceRef): string {
  const { shipped } = origin;
  if (shipped === undefined) return `${origin.file}:${origin.line}`;
  return `${shippedSpecFile}${pointerFragment(shipped.pointer)} (${shipped.source}:${origin.line})`;
}

function formatValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** `*\/` would end the comment early. */
function escapeComment(text: string): string {
  return text.replace(/\*\//g, '*\\/').replace(/\r\n?/g, '\n').trimEnd();
}

/** A JSDoc block as text, for members printed inside type expressions. */
export function docBlock(text: string | undefined, indent: string): string {
  if (text === undefined) return '';
  const body = text.split('\n').map((line) => (line === '' ? `${indent} *` : `${indent} * ${line}`));
  return `${indent}/**\n${body.join('\n')}\n${indent} */\n`;
}
