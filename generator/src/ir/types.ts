import type { HttpMethod } from '../load/lint-operations.js';

/** Where a node was written: shown in JSDoc and in messages. */
export interface SourceRef {
  /** The file as shown in diagnostics (relative to the run's root). */
  file: string;
  line: number;
  column: number;
  /** JSON pointer inside `file`. */
  pointer: string;
  /** The same node in the spec a package ships (`openapi.json`), set once the document is bundled. */
  shipped?: ShippedRef;
}

/** A node of the shipped spec: its pointer there, and the source file's name relative to the spec's folder. */
export interface ShippedRef {
  pointer: string;
  source: string;
}

/**
 * Where the facts of a node come from: `x-source` (a page, or a list of pages, each an address that may be
 * followed by a note in parentheses saying where on the page) and `x-inferred` (what is our reading).
 */
export interface Provenance {
  sources: string[];
  inferred?: string;
}

/** A JSON Schema validation keyword kept for documentation (and later for validators). */
export interface Constraint {
  keyword: string;
  value: unknown;
}

/** Annotations shared by every schema node. */
export interface SchemaMeta {
  title?: string;
  description?: string;
  deprecated: boolean;
  /** Present when the schema states a default (which may itself be `null`). */
  default?: { value: unknown };
  examples: unknown[];
  /** 3.0 `nullable: true` or 3.1 `type: [T, "null"]`. */
  nullable: boolean;
  format?: string;
  constraints: Constraint[];
  /** `x-*` fields, in document order. */
  extensions: [string, unknown][];
  provenance?: Provenance;
  /**
   * Subschema keywords that only validation needs (types cannot say them): `if`/`then`/`else`, `not`,
   * `contains`, `propertyNames`, and per key `patternProperties` and `dependentSchemas` (JSON Schema
   * 2020-12 §10.2.2, §10.3.1, §10.2.2.4).
   */
  assertions: Assertion[];
  /** `contentSchema` (JSON Schema 2020-12 §8.5): an annotation of the decoded content; validators skip it, the diff reads it. */
  contentSchema?: SchemaNode;
  /**
   * JSON Schema keywords the schema writes that the IR does not model (`unevaluatedProperties`,
   * `dependentRequired`, `patternProperties`, …): the validators say they do not check them.
   */
  unchecked: { keyword: string; origin?: SourceRef }[];
  origin?: SourceRef;
}

export type AssertionKeyword =
  | 'if'
  | 'then'
  | 'else'
  | 'not'
  | 'contains'
  | 'propertyNames'
  | 'patternProperties'
  | 'dependentSchemas'
  | 'unevaluatedProperties'
  | 'unevaluatedItems';

export interface Assertion {
  keyword: AssertionKeyword;
  /** For a keyword whose value is a map of schemas: the pattern or property name. */
  key?: string;
  schema: SchemaNode;
}

export type SchemaNode =
  | { kind: 'ref'; name: string; meta: SchemaMeta }
  | { kind: 'string'; meta: SchemaMeta }
  | { kind: 'number'; integer: boolean; meta: SchemaMeta }
  | { kind: 'boolean'; meta: SchemaMeta }
  | { kind: 'null'; meta: SchemaMeta }
  /**
   * `enum` or `const`: `values` are what the type lists (without `null`); `written` keeps the keywords as
   * the schema states them, for validation, where `type`, `enum` and `const` each hold on their own.
   */
  | {
      kind: 'literal';
      values: unknown[];
      written?: { type?: unknown; enum?: unknown[]; const?: { value: unknown }; nullable?: boolean };
      meta: SchemaMeta;
    }
  /** `untyped`: no `type`, read as an array from `items`/`prefixItems`; it then constrains arrays only. */
  | { kind: 'array'; items: SchemaNode; prefixItems: SchemaNode[]; untyped?: boolean; itemsWritten?: boolean; meta: SchemaMeta }
  | ObjectNode
  | CompositionNode
  | { kind: 'unknown'; meta: SchemaMeta }
  | { kind: 'never'; meta: SchemaMeta };

export interface ObjectNode {
  kind: 'object';
  properties: PropertyNode[];
  /** `additionalProperties`: absent (open, unstated), `true`, `false` or a schema. */
  additional: SchemaNode | boolean | undefined;
  /** Names in `required` that `properties` does not declare (legal: they must be present, any value). */
  extraRequired: string[];
  /** True when the schema says no `type` and is read as an object from its keywords: it then constrains objects only. */
  untyped: boolean;
  meta: SchemaMeta;
}

export interface CompositionNode {
  kind: 'composition';
  mode: 'allOf' | 'oneOf' | 'anyOf';
  members: SchemaNode[];
  discriminator?: Discriminator;
  meta: SchemaMeta;
}

/** Which direction a property travels in: `readOnly` (responses only), `writeOnly` (requests only). */
export type Access = 'read-only' | 'write-only' | 'both';

export interface PropertyNode {
  name: string;
  required: boolean;
  access: Access;
  schema: SchemaNode;
  /** Where the property's name is written. */
  origin?: SourceRef;
}

export interface Discriminator {
  propertyName: string;
  /** Tag values of each member, by index into `members`. */
  tags: { member: number; values: string[] }[];
}

export type SchemaKind = SchemaNode['kind'];

export interface NamedSchema {
  /** The TypeScript name, unique in the package. */
  name: string;
  /** The name as the spec writes it (the last pointer token). */
  specName: string;
  schema: SchemaNode;
  /**
   * Names of the request and response views, present when the schema (or one it references)
   * has `readOnly` or `writeOnly` properties.
   */
  variants?: { request: string; response: string };
}

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

export interface ParameterNode {
  name: string;
  in: ParameterLocation;
  required: boolean;
  deprecated: boolean;
  /** `x-sunset`: the date (RFC 3339 full-date) from which a deprecated parameter may be gone. */
  sunset?: string;
  /** A query parameter that may be sent with an empty value (`?name=`); absent means it may not. */
  allowEmptyValue?: boolean;
  description?: string;
  style: string;
  explode: boolean;
  schema: SchemaNode;
  provenance?: Provenance;
  origin?: SourceRef;
}

export interface MediaNode {
  mediaType: string;
  schema: SchemaNode;
}

export interface RequestBodyNode {
  required: boolean;
  description?: string;
  contents: MediaNode[];
  provenance?: Provenance;
  origin?: SourceRef;
}

/** A Link Object (OpenAPI 3.1 §4.8.20): the operation a response leads to, and its parameters as runtime expressions. */
export interface LinkNode {
  name: string;
  operationId: string;
  /** Parameter name (or `in.name`) to a runtime expression (`$response.body#/id`) or a constant. */
  parameters: Record<string, unknown>;
}

/** `x-idempotency` (ours): the header that carries a client's idempotency key, and how long a success is replayed. */
export interface IdempotencyNode {
  header: string;
  /** Seconds a successful answer is replayed for a repeated key (from an ISO 8601 duration, `PT24H`). */
  ttlSeconds: number;
  maxLength?: number;
}

/** `x-request-signing` (ours): a header carrying base64(HMAC-SHA256(key, the body as sent, else the operation's path)). */
export interface SigningNode {
  header: string;
}

export interface ResponseNode {
  /** `200`, `4XX` or `default`. */
  status: string;
  description?: string;
  contents: MediaNode[];
  headers: ParameterNode[];
  links?: LinkNode[];
  provenance?: Provenance;
  origin?: SourceRef;
}

export interface ServerNode {
  url: string;
  description?: string;
  variables: { name: string; default: string; enum?: string[]; description?: string }[];
}

export interface OperationNode {
  /** `operationId`, or one derived from method and path. */
  id: string;
  /** PascalCase base of the operation's type names. */
  typeName: string;
  method: HttpMethod;
  path: string;
  summary?: string;
  description?: string;
  deprecated: boolean;
  /** `x-sunset`: the date (RFC 3339 full-date) from which a deprecated operation may be gone. */
  sunset?: string;
  /**
   * `x-stability-level` as written (oasdiff's extension): breaking changes to `draft` and `alpha` operations
   * are allowed; a value other than the four levels is a mistake the diff reports.
   */
  stability?: string;
  idempotency?: IdempotencyNode;
  /** The request signature the operation needs (`x-signed: true` under the document's `x-request-signing`). */
  signing?: SigningNode;
  /** `x-answer-within` (ours, an ISO 8601 duration): how soon the receiver of a webhook must answer, in ms. */
  answerWithinMs?: number;
  tags: string[];
  parameters: Record<ParameterLocation, ParameterNode[]>;
  requestBody?: RequestBodyNode;
  responses: ResponseNode[];
  servers: ServerNode[];
  security?: Record<string, string[]>[];
  provenance?: Provenance;
  origin?: SourceRef;
  /** Names of the operation's types, claimed after every schema name so schemas keep theirs. */
  names: OperationTypeNames;
}

/** oasdiff's `x-stability-level` values, least stable first; an operation without one is `stable`. */
export const stabilityLevels = ['draft', 'alpha', 'beta', 'stable'] as const;
export type StabilityLevel = (typeof stabilityLevels)[number];

export interface OperationTypeNames {
  params: Record<ParameterLocation, string>;
  requestBody: string;
  /** By status code, in spec order. */
  response: Record<string, string>;
  responses: string;
  /** The client's argument (`{ path, query, headers, body }`) and result (a union discriminated on `status`). */
  input: string;
  result: string;
}

/** One request the API makes to its client: a 3.1 webhook or a callback of an operation (OpenAPI 3.1 §4.8.1, §4.8.18). */
export interface WebhookNode {
  kind: 'webhook' | 'callback';
  /** The webhook's name, or `operationId callbackName`. */
  name: string;
  /** For a callback, the runtime expression that gives the URL (`{$request.body#/callbackUrl}`). */
  expression?: string;
  /** The request the API sends (`method`, parameters, body) and the answers it expects (`responses`). */
  operation: OperationNode;
  /** `x-signed: true` in a document without `x-request-signing`: a signature nobody can check. */
  signedWithoutScheme?: boolean;
}

export interface SecuritySchemeNode {
  name: string;
  type: string;
  scheme?: string;
  in?: string;
  parameterName?: string;
  description?: string;
}

/** The whole normalised model one package is emitted from. Emitters read this, never the document. */
export interface ApiModel {
  openapi: string;
  /** The entry file's name relative to the folder that holds every file of the spec (`enfuce/openapi.yaml`). */
  source: string;
  info: { title: string; version: string; description?: string };
  servers: ServerNode[];
  schemas: NamedSchema[];
  operations: OperationNode[];
  /**
   * What the API sends to an endpoint its client runs: 3.1 `webhooks` and each operation's `callbacks`.
   * The diff reads them; no emitter does yet, so their type names are not claimed.
   */
  webhooks: WebhookNode[];
  securitySchemes: SecuritySchemeNode[];
  security: Record<string, string[]>[];
  /** Every distinct page the spec's `x-source`s name, in document order. */
  sources: string[];
  /** The documentation the spec points to (`externalDocs.url`), else the first page its `x-source`s name. */
  docsUrl?: string;
  /** The spec as one JSON document, as the package ships it. */
  shipped: ShippedSpec;
  /** Type names of the client, claimed after every schema and operation name so those keep theirs. */
  /** The client's own type names; `webhooks` (the interface of every webhook's payload) only when the spec has webhooks. */
  clientNames: { client: string; options: string; auth: string; serverVariables: string; webhooks?: string };
  /** Every type name the model hands out (schemas, their views, operation parts, the client's), in claim order. */
  typeNames: readonly string[];
}

/**
 * The spec bundled into one document: other files' schemas moved under `components/schemas`, any other
 * fragment of another file copied in place of its first reference. The package ships it as `openapi.json`.
 */
export interface ShippedSpec {
  document: unknown;
  /** Its text as written, when the spec is one JSON file: shipped as it is, with no copy to print. */
  text?: string;
}
