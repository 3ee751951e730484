import type { ApiModel, NamedSchema, OperationNode, ParameterLocation, SchemaMeta, SchemaNode, SourceRef } from '../../ir/types.js';
import { ruleOrigins, type OriginLocations, type RuleOrigins } from './rule-origins.js';
import { defName, lowerSchema, type JsonSchema, type LowerContext, type ValidationDirection, type ValidatorNote } from './lower-schema.js';
import { createPatternChecker } from './pattern-safety.js';

/** One exported validator: `is<name>`, `assert<name>`, `<name>Schema`, checking `$defs/<def>`. */
export interface ValidatorEntry {
  /** The type the validator narrows to (a component schema, its view, or an operation part). */
  name: string;
  def: string;
  /** The def whose compiled function this entry uses, when its schema is the same as that one's (shared-entries.ts). */
  compiledAs?: string;
}

export interface ValidatorSet {
  entries: ValidatorEntry[];
  /** Every schema the validators need, by `$defs` key. */
  defs: Record<string, JsonSchema>;
  notes: ValidatorNote[];
  /**
   * Where each rule comes from, for messages (rule-origins.ts); made at the first call and kept. Only the
   * package's validators.js reads it, so the compilation starts without waiting for it (on GitHub's REST
   * description it is half a second).
   */
  origins: () => RuleOrigins;
}

const directions: ValidationDirection[] = ['as-written', 'request', 'response'];
const parameterParts: ParameterLocation[] = ['path', 'query', 'header'];

/**
 * What the validators of a package check: every component schema (and its request and response views
 * when they differ), and per operation its path, query and header parameters, its request body and each
 * documented response, each in its direction.
 */
export function collectValidators(
  model: ApiModel,
  formats: LowerContext['formats'],
  {
    patternRisk = createPatternChecker(),
    locations = 'shipped',
  }: {
    /** Why a pattern may backtrack catastrophically (a note); analysing them is the slow part of collecting. */
    patternRisk?: LowerContext['patternRisk'];
    /** What messages name as a rule's place: the package's `openapi.json` and source names, or the files on disk. */
    locations?: OriginLocations;
  } = {},
): ValidatorSet {
  const schemas = new Map(model.schemas.map((named) => [named.name, named]));
  const notes: ValidatorNote[] = [];
  const metaOf = new WeakMap<object, SchemaMeta>();
  const keyOf = new WeakMap<object, SourceRef>();
  const contextFor = (direction: ValidationDirection): LowerContext => ({ direction, schemas, formats, notes, patternRisk, metaOf, keyOf });
  const defs: [string, JsonSchema][] = [];
  const entries: ValidatorEntry[] = [];
  for (const named of model.schemas) {
    for (const direction of viewsOf(named)) {
      const def = defName(named, direction);
      defs.push([def, lowerSchema(named.schema, contextFor(direction))]);
      entries.push({ name: def, def });
    }
  }
  // A webhook's request is written by the API and its answer by the client: the views turn round.
  const turned = (direction: ValidationDirection) => contextFor(direction === 'request' ? 'response' : 'request');
  const operations = [
    ...model.operations.map((operation) => ({ operation, contextFor })),
    ...model.webhooks.map(({ operation }) => ({ operation, contextFor: turned })),
  ];
  for (const { operation, contextFor: partContext } of operations) {
    for (const [name, schema] of operationParts(operation, partContext)) {
      defs.push([name, schema]);
      entries.push({ name, def: name });
    }
  }
  let origins: RuleOrigins | undefined;
  return {
    entries,
    defs: Object.fromEntries(defs),
    notes: dedupeNotes(notes),
    origins: () => (origins ??= ruleOrigins({ defs, metaOf, keyOf, locations })),
  };
}

function viewsOf(named: NamedSchema): ValidationDirection[] {
  return named.variants === undefined ? ['as-written'] : directions;
}

function operationParts(operation: OperationNode, contextFor: (direction: ValidationDirection) => LowerContext): [string, JsonSchema][] {
  const parts: [string, JsonSchema][] = [];
  const request = contextFor('request');
  for (const location of parameterParts) {
    const parameters = operation.parameters[location];
    if (parameters.length === 0) continue;
    const properties = Object.fromEntries(parameters.map((parameter) => [parameter.name, lowerSchema(parameter.schema, request)]));
    const required = parameters.filter((parameter) => parameter.required).map((parameter) => parameter.name);
    // Headers stay open: proxies and clients add their own. Path and query parameters are the operation's.
    const closed = location !== 'header';
    parts.push([
      operation.names.params[location],
      { type: 'object', properties, ...(required.length > 0 ? { required } : {}), ...(closed ? { additionalProperties: false } : {}) },
    ]);
  }
  const body = jsonSchemaOf(operation.requestBody?.contents ?? []);
  if (body !== undefined) parts.push([operation.names.requestBody, lowerSchema(body, request)]);
  for (const response of operation.responses) {
    const schema = jsonSchemaOf(response.contents);
    const name = operation.names.response[response.status];
    if (schema !== undefined && name !== undefined) parts.push([name, lowerSchema(schema, contextFor('response'))]);
  }
  return parts;
}

/** The schema of the JSON media type (`application/json` or any `+json`), which is what validators check. */
function jsonSchemaOf(contents: { mediaType: string; schema: SchemaNode }[]): SchemaNode | undefined {
  return contents.find((media) => /^application\/(?:[\w.+-]+\+)?json\b/i.test(media.mediaType))?.schema;
}

function dedupeNotes(notes: ValidatorNote[]): ValidatorNote[] {
  const seen = new Set<string>();
  return notes.filter((item) => {
    const key = `${item.reason}\u0000${item.value}\u0000${item.origin?.file ?? ''}\u0000${item.origin?.pointer ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
