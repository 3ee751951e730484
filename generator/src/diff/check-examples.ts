import type { CheckId, SchemaCheck } from '../shared/change-catalog.js';

/** A spec fragment before and after, as YAML a person writes; `(none)` where the version has nothing. */
export interface CheckExample {
  old: string;
  new: string;
}

/** One example per schema check, shown for its request and its response id alike (`specsmith diff --explain`). */
export const schemaExamples: Record<SchemaCheck, CheckExample> = {
  'type-changed': { old: 'type: string', new: 'type: integer' },
  'type-widened': { old: 'type: integer', new: 'type: number' },
  'type-narrowed': { old: 'type: number', new: 'type: integer' },
  'nullable-added': { old: 'type: string', new: 'type: [string, "null"]' },
  'nullable-removed': { old: 'type: [string, "null"]', new: 'type: string' },
  'enum-value-added': { old: 'enum: [A, B]', new: 'enum: [A, B, C]' },
  'enum-value-removed': { old: 'enum: [A, B]', new: 'enum: [A]' },
  'union-member-added': { old: 'oneOf: [{type: string}]', new: 'oneOf: [{type: string}, {type: integer}]' },
  'union-member-removed': { old: 'oneOf: [{type: string}, {type: integer}]', new: 'oneOf: [{type: string}]' },
  'property-added': { old: 'properties: {id: …}', new: 'properties: {id: …, note: {type: string}}' },
  'property-required-added': { old: 'properties: {id: …}', new: 'properties: {id: …, note: …}\nrequired: [note]' },
  'property-became-required': { old: 'required: [id]', new: 'required: [id, note]' },
  'property-became-optional': { old: 'required: [id, note]', new: 'required: [id]' },
  'property-removed': { old: 'properties: {id: …, note: …}', new: 'properties: {id: …}' },
  'required-property-removed': { old: 'properties: {id: …, note: …}\nrequired: [note]', new: 'properties: {id: …}' },
  'closed-property-removed': {
    old: 'properties: {id: …, note: …}\nadditionalProperties: false',
    new: 'properties: {id: …}\nadditionalProperties: false',
  },
  'additional-properties-closed': { old: '(no additionalProperties)', new: 'additionalProperties: false' },
  'additional-properties-opened': { old: 'additionalProperties: false', new: '(no additionalProperties)' },
  'max-length-decreased': { old: 'maxLength: 10', new: 'maxLength: 5' },
  'max-length-increased': { old: 'maxLength: 10', new: 'maxLength: 20' },
  'min-length-increased': { old: 'minLength: 2', new: 'minLength: 3' },
  'min-length-decreased': { old: 'minLength: 2', new: '(no minLength)' },
  'maximum-decreased': { old: 'maximum: 100', new: 'exclusiveMaximum: 100' },
  'maximum-increased': { old: 'maximum: 100', new: 'maximum: 200' },
  'minimum-increased': { old: 'minimum: 0', new: 'minimum: 1' },
  'minimum-decreased': { old: 'minimum: 0', new: 'minimum: -1' },
  'max-items-decreased': { old: 'maxItems: 5', new: 'maxItems: 3' },
  'max-items-increased': { old: 'maxItems: 5', new: 'maxItems: 10' },
  'min-items-increased': { old: 'minItems: 1', new: 'minItems: 2' },
  'min-items-decreased': { old: 'minItems: 1', new: 'minItems: 0' },
  'pattern-added': { old: 'type: string', new: "type: string\npattern: '^[a-z]+$'" },
  'pattern-changed': { old: "pattern: '^[a-z]+$'", new: "pattern: '^[a-z0-9]+$'" },
  'pattern-removed': { old: "pattern: '^[a-z]+$'", new: '(no pattern)' },
  'multiple-of-changed': { old: 'multipleOf: 2', new: 'multipleOf: 3' },
  'multiple-of-relaxed': { old: 'multipleOf: 2', new: 'multipleOf: 1' },
  'format-added': { old: 'type: string', new: 'type: string\nformat: uuid' },
  'format-changed': { old: 'format: email', new: 'format: hostname' },
  'format-removed': { old: 'format: email', new: '(no format)' },
};

const operation = 'paths: {/items/{id}: {put: {operationId: putItem, …}}}';

/** One example per check outside schemas. */
export const otherExamples: Record<Exclude<CheckId, `${'request' | 'response'}-${SchemaCheck}`>, CheckExample> = {
  'operation-added': { old: '(no GET /other)', new: 'paths: {/other: {get: …}}' },
  'operation-removed': { old: 'paths: {/other: {get: …}}', new: '(no GET /other)' },
  'operation-path-changed': { old: operation, new: 'paths: {/things/{id}: {put: {operationId: putItem, …}}}' },
  'operation-method-changed': { old: operation, new: 'paths: {/items/{id}: {post: {operationId: putItem, …}}}' },
  'operation-id-changed': { old: 'operationId: putItem', new: 'operationId: updateItem' },
  'operation-deprecated': { old: 'put: {operationId: putItem, …}', new: 'put: {operationId: putItem, deprecated: true, …}' },
  'request-parameter-added': { old: 'parameters: []', new: 'parameters: [{name: limit, in: query}]' },
  'request-parameter-required-added': { old: 'parameters: []', new: 'parameters: [{name: X-Tenant, in: header, required: true}]' },
  'request-parameter-removed': { old: 'parameters: [{name: limit, in: query}]', new: 'parameters: []' },
  'request-parameter-became-required': { old: '{name: dryRun, in: query}', new: '{name: dryRun, in: query, required: true}' },
  'request-parameter-became-optional': { old: '{name: dryRun, in: query, required: true}', new: '{name: dryRun, in: query}' },
  'request-path-parameter-renamed': { old: '/items/{id}', new: '/items/{itemId}' },
  'request-parameter-style-changed': { old: '{name: ids, in: query}', new: '{name: ids, in: query, explode: false}' },
  'request-body-added': { old: '(no requestBody)', new: 'requestBody: {content: …}' },
  'request-body-required-added': { old: '(no requestBody)', new: 'requestBody: {required: true, content: …}' },
  'request-body-removed': { old: 'requestBody: {content: …}', new: '(no requestBody)' },
  'request-body-became-required': { old: 'requestBody: {content: …}', new: 'requestBody: {required: true, content: …}' },
  'request-body-became-optional': { old: 'requestBody: {required: true, content: …}', new: 'requestBody: {content: …}' },
  'request-media-type-added': { old: 'content: {application/json: …}', new: 'content: {application/json: …, text/plain: …}' },
  'request-media-type-removed': { old: 'content: {application/json: …, text/plain: …}', new: 'content: {application/json: …}' },
  'response-status-added': { old: "responses: {'200': …}", new: "responses: {'200': …, '409': …}" },
  'response-status-removed': { old: "responses: {'200': …, '404': …}", new: "responses: {'200': …}" },
  'response-media-type-added': { old: 'content: {application/json: …}', new: 'content: {application/json: …, text/plain: …}' },
  'response-media-type-removed': { old: 'content: {application/json: …, text/plain: …}', new: 'content: {application/json: …}' },
  'security-requirement-added': { old: 'security: [{key: []}]', new: 'security: [{key: [], token: []}]' },
  'security-requirement-removed': { old: 'security: [{key: []}]', new: 'security: [{key: []}, {token: []}]' },
  'schema-added': { old: 'components: {schemas: {In: …}}', new: 'components: {schemas: {In: …, Extra: …}}' },
  'schema-removed': { old: 'components: {schemas: {In: …, Extra: …}}', new: 'components: {schemas: {In: …}}' },
  'documentation-changed': { old: 'description: Free text', new: 'description: Free text, at most 200 characters' },
  'api-version-changed': { old: 'info: {version: 1.0.0}', new: 'info: {version: 1.1.0}' },
  'api-version-not-bumped': { old: 'info: {version: 1.0.0}', new: 'info: {version: 1.1.0}, with an operation removed' },
  'unclassified-change': { old: 'servers: [{url: https://api.example.com}]', new: 'servers: [{url: https://api.example.org}]' },
};
