import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import Ajv4 from 'ajv-draft-04';
import fc from 'fast-check';
import { parse } from 'yaml';
import { formats } from '../../templates/runtime/checks.js';
import { arbitraryFor } from './arbitrary.js';

type Json = Record<string, unknown>;
export type Schema = boolean | Json;

const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * A spec as its files say it, read with `yaml`/`JSON.parse` and nothing of the generator: the entry
 * document, every file its `$ref`s reach (by file URL, the base their relative references resolve
 * against) and its component schemas by name.
 */
export interface WrittenSpec {
  file: string;
  url: string;
  version: '3.0' | '3.1';
  schemas: Record<string, Schema>;
  /** Every document of the spec by file URL, the entry's included. */
  documents: Map<string, unknown>;
}

const readDocument = (file: string): unknown => {
  const text = readFileSync(file, 'utf8');
  return file.endsWith('.json') ? JSON.parse(text) : parse(text);
};

/** Every `$ref` string anywhere in a document (references in examples are rare and harmless to follow). */
function refsIn(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) refsIn(item, found);
  else if (isObject(node))
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.push(value);
      else refsIn(value, found);
    }
  return found;
}

export function readWritten(file: string): WrittenSpec {
  const url = pathToFileURL(file).href;
  const documents = new Map<string, unknown>();
  const pending = [url];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (documents.has(next)) continue;
    const document = readDocument(fileURLToPath(next));
    documents.set(next, document);
    for (const ref of refsIn(document)) if (!ref.startsWith('#')) pending.push(new URL(ref, next).href.replace(/#.*$/, ''));
  }
  const entry = documents.get(url) as Json;
  const version = String(entry.openapi).startsWith('3.0') ? '3.0' : '3.1';
  const schemas = ((entry.components as Json | undefined)?.schemas ?? {}) as Record<string, Schema>;
  return { file, url, version, schemas, documents };
}

/** The fragment of `#/components/schemas/<name>`: the name JSON-pointer escaped, then URI-encoded. */
export const schemaFragment = (name: string) => `#/components/schemas/${encodeURIComponent(name.replace(/~/g, '~0').replace(/\//g, '~1'))}`;

/** Keywords whose value is a schema, a list of schemas or a map of schemas (OpenAPI 3.0 and 3.1 Schema Objects). */
const schemaKeywords = {
  single: [
    'items',
    'additionalProperties',
    'not',
    'if',
    'then',
    'else',
    'contains',
    'propertyNames',
    'unevaluatedProperties',
    'unevaluatedItems',
  ],
  list: ['allOf', 'anyOf', 'oneOf', 'prefixItems'],
  map: ['properties', 'patternProperties', '$defs', 'dependentSchemas'],
} as const;

/** Calls `visit` on every Schema Object below `schema` (itself included), not on examples or defaults. */
export function forEachSchema(schema: unknown, visit: (schema: Json) => void): void {
  if (!isObject(schema)) return;
  visit(schema);
  for (const key of schemaKeywords.single) forEachSchema(schema[key], visit);
  for (const key of schemaKeywords.list)
    if (Array.isArray(schema[key])) for (const item of schema[key] as unknown[]) forEachSchema(item, visit);
  for (const key of schemaKeywords.map)
    if (isObject(schema[key])) for (const item of Object.values(schema[key] as Json)) forEachSchema(item, visit);
}

/**
 * OpenAPI 3.0.3 §4.7.24.1 (`nullable`): "A true value adds "null" to the allowed type specified by the type
 * keyword, only if type is explicitly defined within the same Schema Object." Without `type` the keyword
 * has no effect; AJV refuses to compile it there ('"nullable" cannot be used without "type"'), so the
 * reference is given the schema without it, which by that sentence means the same.
 */
export function untypedNullable(schema: Json): boolean {
  return 'nullable' in schema && !('type' in schema);
}

function withoutUntypedNullable(schemas: Record<string, Schema>): Record<string, Schema> {
  const copy = structuredClone(schemas);
  for (const schema of Object.values(copy))
    forEachSchema(schema, (node) => {
      if (untypedNullable(node)) delete node.nullable;
    });
  return copy;
}

/**
 * AJV on the spec as written: JSON Schema 2020-12 for 3.1, its `discriminator` read as OpenAPI 3.1 §4.8.25
 * says (a hint beside the `oneOf`/`anyOf`, which alone decides validity: AJV's own discriminator mode
 * refuses mappings, needs the property at each member's top level and lets non-objects through); draft-04 for 3.0,
 * whose Schema Object is a draft-04/05 dialect (boolean `exclusiveMinimum`), with AJV's native `nullable`.
 * All errors, the package runtime's formats, own properties only (a JSON value has no others). Every
 * document of the spec is added under its file URL, so `$ref`s resolve as written. `schemas` replaces the
 * entry's component schemas (for nullableReading below).
 */
export function createWrittenReference(
  spec: WrittenSpec,
  schemas = spec.version === '3.0' ? withoutUntypedNullable(spec.schemas) : spec.schemas,
) {
  // `verbose` gives each error its schema, which referenceIssues reads; inlined references only cost
  // compilation time here (GitHub's webhook schemas are large).
  const options = {
    strict: false,
    allErrors: true,
    ownProperties: true,
    verbose: true,
    inlineRefs: false,
    logger: false,
  } as const;
  const ajv = spec.version === '3.1' ? new Ajv2020(options) : new Ajv4.default(options);
  for (const [name, definition] of Object.entries(formats)) ajv.addFormat(name, definition as never);
  for (const [url, document] of spec.documents) ajv.addSchema(url === spec.url ? { components: { schemas } } : (document as Json), url);
  return (name: string): ValidateFunction => {
    const validate = ajv.getSchema(`${spec.url}${schemaFragment(name)}`);
    if (validate === undefined) throw new Error(`AJV finds no schema ${name}`);
    return validate;
  };
}

/** Marks an `enum` to which nullableReading added `null`, so that referenceIssues reads the list as written. */
const nullAdded = 'x-as-written-null-added';

/**
 * Not a reference: the reading of 3.0's `nullable` that lets `null` through wherever the keyword is `true`
 * (3.0.0-3.0.2: "Allows sending a null value for the defined schema"), whatever else the Schema Object
 * says: beside `type` it adds `null` to an `enum` too, and without `type` the schema becomes `anyOf: [the
 * schema, {type: null}]`. It only names the cause of a disagreement with the reference (the letter of
 * 3.0.3, which gives `nullable` no effect without `type` and leaves `enum` to refuse `null`), so that
 * disagreements of that one cause are told apart from any other.
 */
export function nullableReading(spec: WrittenSpec) {
  const schemas = structuredClone(spec.schemas);
  for (const schema of Object.values(schemas))
    forEachSchema(schema, (node) => {
      if (node.nullable !== true) return;
      if ('type' in node) {
        // The mark is an annotation to AJV, which is not strict.
        if (Array.isArray(node.enum) && !node.enum.includes(null))
          Object.assign(node, { enum: [...(node.enum as unknown[]), null], [nullAdded]: true });
        return;
      }
      const rest = Object.fromEntries(Object.entries(node).filter(([keyword]) => keyword !== 'nullable'));
      for (const keyword of Object.keys(node)) delete node[keyword];
      node.anyOf = [rest, { type: 'null' }];
    });
  return createWrittenReference(spec, schemas);
}

/**
 * The exported name of the validator that checks each component schema as written: the type whose
 * declaration's `@spec` is the component's pointer and that is not one of its views (types.d.ts, see
 * emit/types/emit-schemas.ts: the as-written type first, then `Request view: …` and `Response view: …`).
 */
export function asWrittenNames(declarations: string): Map<string, string> {
  const names = new Map<string, string>();
  const declaration = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*export (?:interface|type) ([A-Za-z_$][\w$]*)/g;
  for (const [, doc, name] of declarations.matchAll(declaration)) {
    const spec = /@spec openapi\.json#\/components\/schemas\/([^/\s]+) \(/.exec(doc!);
    if (spec === null || /(?:Request|Response) view:/.test(doc!)) continue;
    const component = decodeURIComponent(spec[1]!).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!names.has(component)) names.set(component, name!);
  }
  return names;
}

/** What an issue is compared by: where (the issue's `path`, a JSON pointer to the member at fault) and the keyword. */
const escapeToken = (token: unknown) => String(token).replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * AJV's errors as the package's issues place them (templates/runtime/validation.js `issueOf`): a missing or
 * unknown property at the property's own path, and an `if` left out when its branch says what failed.
 * A `type` beside an `enum` or `const` whose every value is of that type is left out too: the generator
 * drops such a `type`, which adds nothing to the list (emit/validators/lower-literal.ts), so the package
 * reports a value of another type by the `enum` alone, where AJV reports both.
 */
export function referenceIssues(errors: ErrorObject[]): string[] {
  const specific = errors
    .filter((error, _, all) => error.keyword !== 'if' || all.every((other) => other.keyword === 'if'))
    .filter((error, _, all) => error.keyword !== 'type' || !typeRestatesList(error, all));
  return distinct(
    specific.map((error) => {
      const params = error.params as Record<string, unknown>;
      let path = error.instancePath;
      if (error.keyword === 'required') path += `/${escapeToken(params.missingProperty)}`;
      if (error.keyword === 'additionalProperties') path += `/${escapeToken(params.additionalProperty)}`;
      if (error.keyword === 'unevaluatedProperties' && params.unevaluatedProperty !== undefined)
        path += `/${escapeToken(params.unevaluatedProperty)}`;
      return `${path} ${error.keyword}`;
    }),
  );
}

/**
 * Whether a `type` error has an `enum` or `const` error beside it (same value, same schema object: AJV's
 * `verbose` gives each error its `parentSchema`) whose every value is of the type as written (AJV's
 * `params.type`, without the `null` that `nullable` adds).
 */
function typeRestatesList(error: ErrorObject, all: ErrorObject[]): boolean {
  const list = all.find(
    (other) =>
      other.parentSchema === error.parentSchema &&
      other.instancePath === error.instancePath &&
      (other.keyword === 'enum' || other.keyword === 'const'),
  );
  if (list === undefined) return false;
  const written = (error.params as { type: string | string[] }).type;
  const types = Array.isArray(written) ? written : [written];
  const params = list.params as { allowedValues?: unknown[]; allowedValue?: unknown };
  const values = list.keyword === 'enum' ? (params.allowedValues ?? []) : [params.allowedValue];
  const added = isObject(list.parentSchema) && list.parentSchema[nullAdded] === true;
  return values.every((value) => {
    if (value === null && added) return true;
    const kind = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
    if (kind === 'number') return types.includes('number') || (types.includes('integer') && Number.isInteger(value));
    return types.includes(kind);
  });
}

export const distinct = (keys: string[]) => [...new Set(keys)].sort();

/** The spec's own `example` and `examples` of a schema. */
export function examplesOf(schema: Schema): unknown[] {
  if (!isObject(schema)) return [];
  return [...('example' in schema ? [schema.example] : []), ...(Array.isArray(schema.examples) ? schema.examples : [])];
}

/**
 * Values for a schema as written: `writtenArbitrary` below, which knows what a spec writes (`nullable`,
 * `oneOf`, a schema without `type`, recursion); where it cannot (a reference it cannot follow),
 * support/arbitrary.ts's `arbitraryFor`, which reads a `$ref` by the key given (here the reference as
 * written) and throws on what it does not know. `arbitraryFor` alone would do for the 3.1 specs here, but
 * on GitHub's it ignores `nullable` (so never makes a `null`) and refuses every schema with a `oneOf`.
 * Neither is a reference: a value is valid or not by AJV alone, so a value that misses the schema is
 * still compared.
 */
export function arbitraryAsWritten(spec: WrittenSpec, name: string): fc.Arbitrary<unknown> | undefined {
  const schema = spec.schemas[name]!;
  try {
    return writtenArbitrary(spec, schema, spec.url, 0);
  } catch {
    // A reference it cannot follow.
  }
  try {
    return arbitraryFor(
      schema,
      Object.fromEntries(Object.entries(spec.schemas).map(([other, written]) => [`#/components/schemas/${other}`, written])),
    );
  } catch {
    return undefined;
  }
}

/** Below this depth objects get their required properties only; below the next, values stop (`null`). */
const optionalDepth = 2;
const maximumDepth = 7;
const memo = new WeakMap<object, Map<string, fc.Arbitrary<unknown>>>();

function resolve(spec: WrittenSpec, ref: string, base: string): { schema: Schema; base: string } {
  const target = new URL(ref, base);
  const url = target.href.replace(/#.*$/, '');
  const document = spec.documents.get(url);
  const tokens = decodeURIComponent(target.hash.replace(/^#/, ''))
    .split('/')
    .slice(1)
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
  const schema = tokens.reduce<unknown>((node, token) => (isObject(node) ? node[token] : undefined), document);
  if (schema === undefined) throw new Error(`unresolved ${ref}`);
  return { schema: schema as Schema, base: url };
}

const loose = fc.oneof(fc.constant(null), fc.boolean(), fc.integer({ min: -5, max: 5 }), fc.string({ maxLength: 5 }));

/**
 * A value generator from a Schema Object as written (OpenAPI 3.0 or 3.1): `$ref`s through the spec's files,
 * `nullable` and `null` in `type`, `allOf` (objects merged), `oneOf`/`anyOf` (any member), `if`/`then` (its
 * required properties joined), objects without `type`. Leaves go to `arbitraryFor`. Memoised per schema
 * object and depth, so GitHub's 969 schemas share one set of arbitraries.
 */
export function writtenArbitrary(spec: WrittenSpec, schema: Schema, base: string, depth: number): fc.Arbitrary<unknown> {
  if (typeof schema === 'boolean') return schema ? loose : fc.constant(null);
  const key = `${base} ${Math.min(depth, maximumDepth + 1)}`;
  const known = memo.get(schema)?.get(key);
  if (known !== undefined) return known;
  const made = depth > maximumDepth ? fc.constant(null) : build(spec, schema, base, depth);
  if (!memo.has(schema)) memo.set(schema, new Map());
  memo.get(schema)!.set(key, made);
  return made;
}

function build(spec: WrittenSpec, schema: Json, base: string, depth: number): fc.Arbitrary<unknown> {
  const nullable = schema.nullable === true || (Array.isArray(schema.type) && schema.type.includes('null'));
  const bare = bareArbitrary(spec, schema, base, depth);
  return nullable ? fc.oneof({ arbitrary: bare, weight: 4 }, { arbitrary: fc.constant(null), weight: 1 }) : bare;
}

function bareArbitrary(spec: WrittenSpec, schema: Json, base: string, depth: number): fc.Arbitrary<unknown> {
  const below = (sub: unknown, nextDepth = depth + 1) => writtenArbitrary(spec, sub as Schema, base, nextDepth);
  const { $ref, ...siblings } = schema;
  if (typeof $ref === 'string') {
    const target = resolve(spec, $ref, base);
    const referred = writtenArbitrary(spec, target.schema, target.base, depth);
    // 3.0 ignores a reference's siblings; in 3.1 they are checked too, and the values should meet them.
    const rest = Object.keys(siblings).some((keyword) => leafKeywords.has(keyword));
    return spec.version === '3.1' && rest ? referred.filter((value) => fitsLeaf(value, siblings)) : referred;
  }
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.allOf)) {
    const members = (schema.allOf as unknown[]).map((member) => below(member, depth));
    const { allOf: _members, ...own } = schema;
    const ownArbitrary = typeOf(own) === undefined ? undefined : bareArbitrary(spec, own, base, depth);
    return fc.tuple(...members, ...(ownArbitrary === undefined ? [] : [ownArbitrary])).map(merge);
  }
  for (const keyword of ['oneOf', 'anyOf'] as const)
    if (Array.isArray(schema[keyword])) return fc.oneof(...(schema[keyword] as unknown[]).map((member) => below(member, depth)));
  switch (typeOf(schema)) {
    case 'object':
      return objectArbitrary(spec, schema, base, depth);
    case 'array': {
      const items = schema.items === undefined ? loose : below(schema.items);
      const min = (schema.minItems as number | undefined) ?? 0;
      return fc.array(items, {
        minLength: Math.min(min, 3),
        maxLength: Math.max(Math.min(min, 3), Math.min((schema.maxItems as number | undefined) ?? 2, 2)),
      });
    }
    case undefined:
      return loose;
    default:
      return arbitraryFor({ ...schema, type: typeOf(schema) }, {});
  }
}

/** The schema's type (the first besides null of a list); `object` for an untyped schema with properties. */
function typeOf(schema: Json): string | undefined {
  const type = Array.isArray(schema.type) ? (schema.type as string[]).find((item) => item !== 'null') : schema.type;
  if (typeof type === 'string') return type;
  if ('properties' in schema || 'additionalProperties' in schema || 'required' in schema) return 'object';
  return undefined;
}

const leafKeywords = new Set(['minLength', 'maxLength', 'pattern', 'minimum', 'maximum']);

function fitsLeaf(value: unknown, rules: Json): boolean {
  if (typeof value === 'string') {
    const length = [...value].length;
    if (length < ((rules.minLength as number | undefined) ?? 0) || length > ((rules.maxLength as number | undefined) ?? Infinity))
      return false;
    return typeof rules.pattern !== 'string' || matches(rules.pattern, value);
  }
  if (typeof value === 'number')
    return value >= ((rules.minimum as number | undefined) ?? -Infinity) && value <= ((rules.maximum as number | undefined) ?? Infinity);
  return true;
}

/** Whether a string matches a pattern; a pattern JavaScript cannot read filters nothing (AJV refuses it anyway). */
function matches(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(value);
  } catch {
    return true;
  }
}

/** The members of an `allOf`: objects merged into one, otherwise the first member's value. */
function merge(values: unknown[]): unknown {
  return values.every(isObject) ? Object.assign({}, ...values) : values[0];
}

/** Required properties always, optional ones now and then (none deep down); `then.required` of an `if` joins them. */
function objectArbitrary(spec: WrittenSpec, schema: Json, base: string, depth: number): fc.Arbitrary<unknown> {
  const then = isObject(schema.then) ? schema.then : {};
  const required = new Set([...((schema.required as string[] | undefined) ?? []), ...((then.required as string[] | undefined) ?? [])]);
  const properties = isObject(schema.properties) ? schema.properties : {};
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, property] of Object.entries(properties)) {
    if (!required.has(name) && depth >= optionalDepth) continue;
    const extra = isObject(then.properties) ? (then.properties as Json)[name] : undefined;
    const arbitrary = writtenArbitrary(spec, property as Schema, base, depth + 1);
    const stricter = isObject(extra) ? arbitrary.filter((value) => fitsLeaf(value, extra)) : arbitrary;
    Object.defineProperty(model, name, { value: stricter, enumerable: true, writable: true, configurable: true });
  }
  for (const name of required)
    if (!(name in model)) Object.defineProperty(model, name, { value: loose, enumerable: true, writable: true, configurable: true });
  return fc.record(model, { requiredKeys: Object.keys(model).filter((name) => required.has(name)) });
}
