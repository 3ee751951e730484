import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkIds, effectiveSeverities } from '../generator/src/shared/change-catalog.js';
import { describeChange } from '../generator/src/diff/format-diff.js';
import { diffOf, type Doc, type Mutation, type Report } from './support/diff-specs.js';

const none: Mutation = () => {};
/** What each change looks like to the test: its id, severity and bump (api-version-not-bumped has a test of its own). */
const verdicts = (report: Report) =>
  report.changes.filter((change) => change.id !== 'api-version-not-bumped').map((change) => [change.id, change.severity, change.bump]);

type SchemaMutation = (schema: Doc) => void;
const property =
  (name: string, change: (schema: Doc) => void): SchemaMutation =>
  (schema) =>
    change(schema.properties[name]);

const ifNoteA = { properties: { note: { const: 'a' } } };

/**
 * One row per schema check: the change to apply to the new version (and, for checks about something the old
 * version had, to the old one), with the expected [severity, bump] read as a request and as a response.
 */
const schemaCases: [string, { old?: SchemaMutation; new: SchemaMutation }, [string, string], [string, string]][] = [
  ['type-changed', { new: property('note', (s) => (s.type = 'integer')) }, ['error', 'major'], ['error', 'major']],
  ['type-widened', { new: property('count', (s) => (s.type = 'number')) }, ['info', 'minor'], ['error', 'major']],
  ['type-narrowed', { old: property('count', (s) => (s.type = 'number')), new: () => {} }, ['error', 'major'], ['info', 'minor']],
  ['nullable-added', { new: property('note', (s) => (s.type = ['string', 'null'])) }, ['info', 'minor'], ['error', 'major']],
  [
    'nullable-removed',
    { old: property('note', (s) => (s.type = ['string', 'null'])), new: () => {} },
    ['error', 'major'],
    ['info', 'minor'],
  ],
  ['enum-value-added', { new: property('status', (s) => s.enum.push('C')) }, ['info', 'minor'], ['error', 'major']],
  ['enum-value-removed', { new: property('status', (s) => s.enum.pop()) }, ['error', 'major'], ['info', 'major']],
  ['union-member-added', { new: property('choice', (s) => s.oneOf.push({ type: 'boolean' })) }, ['info', 'minor'], ['error', 'major']],
  ['union-member-removed', { new: property('choice', (s) => s.oneOf.pop()) }, ['error', 'major'], ['info', 'minor']],
  ['property-added', { new: (s) => (s.properties.extra = { type: 'string' }) }, ['info', 'minor'], ['info', 'minor']],
  [
    'property-required-added',
    { new: (s) => ((s.properties.extra = { type: 'string' }), s.required.push('extra')) },
    ['error', 'major'],
    ['info', 'minor'],
  ],
  ['property-became-required', { new: (s) => s.required.push('note') }, ['error', 'major'], ['info', 'minor']],
  ['property-became-optional', { new: (s) => (s.required = []) }, ['info', 'minor'], ['error', 'major']],
  ['property-removed', { new: (s) => delete s.properties.note }, ['warning', 'major'], ['warning', 'major']],
  ['required-property-removed', { new: (s) => (delete s.properties.id, (s.required = [])) }, ['warning', 'major'], ['error', 'major']],
  [
    'closed-property-removed',
    { old: (s) => (s.additionalProperties = false), new: (s) => ((s.additionalProperties = false), delete s.properties.note) },
    ['error', 'major'],
    ['warning', 'major'],
  ],
  ['additional-properties-closed', { new: (s) => (s.additionalProperties = false) }, ['error', 'major'], ['info', 'minor']],
  [
    'additional-properties-opened',
    { old: (s) => (s.additionalProperties = false), new: () => {} },
    ['info', 'minor'],
    ['warning', 'minor'],
  ],
  ['max-length-decreased', { new: property('id', (s) => (s.maxLength = 5)) }, ['error', 'major'], ['info', 'minor']],
  ['max-length-increased', { new: property('id', (s) => (s.maxLength = 20)) }, ['info', 'minor'], ['error', 'minor']],
  ['min-length-increased', { new: property('id', (s) => (s.minLength = 3)) }, ['error', 'major'], ['info', 'minor']],
  ['min-length-decreased', { new: property('id', (s) => delete s.minLength) }, ['info', 'minor'], ['error', 'minor']],
  ['maximum-decreased', { new: property('count', (s) => (s.maximum = 50)) }, ['error', 'major'], ['info', 'minor']],
  ['maximum-increased', { new: property('count', (s) => delete s.maximum) }, ['info', 'minor'], ['error', 'minor']],
  ['minimum-increased', { new: property('count', (s) => (s.minimum = 1)) }, ['error', 'major'], ['info', 'minor']],
  ['minimum-decreased', { new: property('count', (s) => (s.minimum = -1)) }, ['info', 'minor'], ['error', 'minor']],
  ['max-items-decreased', { new: property('tags', (s) => (s.maxItems = 3)) }, ['error', 'major'], ['info', 'minor']],
  ['max-items-increased', { new: property('tags', (s) => (s.maxItems = 10)) }, ['info', 'minor'], ['error', 'minor']],
  ['min-items-increased', { new: property('tags', (s) => (s.minItems = 2)) }, ['error', 'major'], ['info', 'minor']],
  ['min-items-decreased', { new: property('tags', (s) => (s.minItems = 0)) }, ['info', 'minor'], ['error', 'minor']],
  ['pattern-added', { new: property('note', (s) => (s.pattern = '^x')) }, ['error', 'major'], ['info', 'minor']],
  ['pattern-changed', { new: property('id', (s) => (s.pattern = '^[a-z0-9]+$')) }, ['warning', 'major'], ['warning', 'minor']],
  ['pattern-removed', { new: property('id', (s) => delete s.pattern) }, ['info', 'minor'], ['error', 'minor']],
  ['multiple-of-changed', { new: property('count', (s) => (s.multipleOf = 3)) }, ['error', 'major'], ['error', 'minor']],
  ['multiple-of-relaxed', { new: property('count', (s) => (s.multipleOf = 1)) }, ['info', 'minor'], ['error', 'minor']],
  ['format-added', { new: property('note', (s) => (s.format = 'uuid')) }, ['error', 'major'], ['info', 'minor']],
  ['format-changed', { new: property('id', (s) => (s.format = 'hostname')) }, ['error', 'major'], ['warning', 'minor']],
  ['format-removed', { new: property('id', (s) => delete s.format) }, ['info', 'minor'], ['warning', 'minor']],
  ['deprecated-added', { new: property('note', (s) => (s.deprecated = true)) }, ['info', 'patch'], ['info', 'patch']],
  [
    'sunset-removed',
    {
      old: property('note', (s) => Object.assign(s, { deprecated: true, 'x-sunset': '2999-12-31' })),
      new: property('note', (s) => (s.deprecated = true)),
    },
    ['error', 'patch'],
    ['error', 'patch'],
  ],
  [
    'sunset-moved-earlier',
    {
      old: property('note', (s) => Object.assign(s, { deprecated: true, 'x-sunset': '2999-12-31' })),
      new: property('note', (s) => Object.assign(s, { deprecated: true, 'x-sunset': '2998-12-31' })),
    },
    ['error', 'patch'],
    ['error', 'patch'],
  ],
  [
    'sunset-invalid',
    {
      old: property('note', (s) => (s.deprecated = true)),
      new: property('note', (s) => Object.assign(s, { deprecated: true, 'x-sunset': 'soon' })),
    },
    ['error', 'patch'],
    ['error', 'patch'],
  ],
  [
    'stability-decreased',
    { old: property('note', (s) => (s['x-stability-level'] = 'stable')), new: property('note', (s) => (s['x-stability-level'] = 'draft')) },
    ['error', 'patch'],
    ['error', 'patch'],
  ],
  [
    'stability-increased',
    { old: property('note', (s) => (s['x-stability-level'] = 'beta')), new: () => {} },
    ['info', 'patch'],
    ['info', 'patch'],
  ],
  [
    'stability-invalid',
    { new: property('note', (s) => (s['x-stability-level'] = 'experimental')) },
    ['error', 'patch'],
    ['error', 'patch'],
  ],
  [
    'content-media-type-changed',
    { new: property('note', (s) => (s.contentMediaType = 'application/json')) },
    ['error', 'minor'],
    ['error', 'minor'],
  ],
  ['content-encoding-changed', { new: property('note', (s) => (s.contentEncoding = 'base64')) }, ['error', 'minor'], ['error', 'minor']],
  ['content-schema-added', { new: property('note', (s) => (s.contentSchema = { type: 'object' })) }, ['error', 'major'], ['info', 'minor']],
  [
    'content-schema-removed',
    { old: property('note', (s) => (s.contentSchema = { type: 'object' })), new: () => {} },
    ['info', 'minor'],
    ['error', 'minor'],
  ],
  ['default-changed', { new: property('count', (s) => (s.default = 4)) }, ['warning', 'patch'], ['info', 'patch']],
  ['min-properties-increased', { new: (s) => (s.minProperties = 2) }, ['error', 'major'], ['info', 'minor']],
  [
    'min-properties-decreased',
    { old: (s) => (s.minProperties = 2), new: (s) => (s.minProperties = 1) },
    ['info', 'minor'],
    ['error', 'minor'],
  ],
  [
    'max-properties-decreased',
    { old: (s) => (s.maxProperties = 9), new: (s) => (s.maxProperties = 5) },
    ['error', 'major'],
    ['info', 'minor'],
  ],
  ['max-properties-increased', { old: (s) => (s.maxProperties = 5), new: () => {} }, ['info', 'minor'], ['error', 'minor']],
  [
    'min-contains-increased',
    {
      old: property('tags', (s) => (s.contains = { const: 'a' })),
      new: property('tags', (s) => ((s.contains = { const: 'a' }), (s.minContains = 2))),
    },
    ['error', 'major'],
    ['info', 'minor'],
  ],
  [
    'min-contains-decreased',
    {
      old: property('tags', (s) => ((s.contains = { const: 'a' }), (s.minContains = 2))),
      new: property('tags', (s) => (s.contains = { const: 'a' })),
    },
    ['info', 'minor'],
    ['error', 'minor'],
  ],
  [
    'max-contains-decreased',
    {
      old: property('tags', (s) => (s.contains = { const: 'a' })),
      new: property('tags', (s) => ((s.contains = { const: 'a' }), (s.maxContains = 1))),
    },
    ['error', 'major'],
    ['info', 'minor'],
  ],
  [
    'max-contains-increased',
    {
      old: property('tags', (s) => ((s.contains = { const: 'a' }), (s.maxContains = 1))),
      new: property('tags', (s) => ((s.contains = { const: 'a' }), (s.maxContains = 3))),
    },
    ['info', 'minor'],
    ['error', 'minor'],
  ],
  ['unique-items-added', { new: property('tags', (s) => (s.uniqueItems = true)) }, ['error', 'major'], ['info', 'minor']],
  ['unique-items-removed', { old: property('tags', (s) => (s.uniqueItems = true)), new: () => {} }, ['info', 'minor'], ['error', 'minor']],
  ['dependent-required-added', { new: (s) => (s.dependentRequired = { note: ['count'] }) }, ['error', 'major'], ['info', 'minor']],
  [
    'dependent-required-removed',
    { old: (s) => (s.dependentRequired = { note: ['count', 'status'] }), new: (s) => (s.dependentRequired = { note: ['count'] }) },
    ['info', 'minor'],
    ['error', 'minor'],
  ],
  ['contains-added', { new: property('tags', (s) => (s.contains = { const: 'a' })) }, ['error', 'major'], ['info', 'minor']],
  [
    'contains-removed',
    { old: property('tags', (s) => (s.contains = { const: 'a' })), new: () => {} },
    ['info', 'minor'],
    ['error', 'minor'],
  ],
  ['property-names-added', { new: (s) => (s.propertyNames = { maxLength: 8 }) }, ['error', 'major'], ['info', 'minor']],
  ['property-names-removed', { old: (s) => (s.propertyNames = { maxLength: 8 }), new: () => {} }, ['info', 'minor'], ['error', 'minor']],
  ['pattern-property-added', { new: (s) => (s.patternProperties = { '^x-': { type: 'string' } }) }, ['error', 'major'], ['info', 'minor']],
  [
    'pattern-property-removed',
    { old: (s) => (s.patternProperties = { '^x-': { type: 'string' } }), new: () => {} },
    ['info', 'minor'],
    ['error', 'minor'],
  ],
  [
    'dependent-schema-added',
    { new: (s) => (s.dependentSchemas = { note: { required: ['count'] } }) },
    ['error', 'major'],
    ['info', 'minor'],
  ],
  [
    'dependent-schema-removed',
    { old: (s) => (s.dependentSchemas = { note: { required: ['count'] } }), new: () => {} },
    ['info', 'minor'],
    ['error', 'minor'],
  ],
  ['conditional-added', { new: (s) => ((s.if = ifNoteA), (s.then = { required: ['count'] })) }, ['error', 'major'], ['info', 'minor']],
  [
    'conditional-removed',
    { old: (s) => ((s.if = ifNoteA), (s.then = { required: ['count'] })), new: () => {} },
    ['info', 'minor'],
    ['error', 'minor'],
  ],
  [
    'conditional-changed',
    {
      old: (s) => ((s.if = ifNoteA), (s.then = { required: ['count'] })),
      new: (s) => ((s.if = { properties: { note: { const: 'b' } } }), (s.then = { required: ['count'] })),
    },
    ['error', 'major'],
    ['error', 'minor'],
  ],
  [
    'then-added',
    { old: (s) => ((s.if = ifNoteA), (s.else = {})), new: (s) => ((s.if = ifNoteA), (s.else = {}), (s.then = { required: ['count'] })) },
    ['error', 'major'],
    ['info', 'minor'],
  ],
  [
    'then-removed',
    { old: (s) => ((s.if = ifNoteA), (s.else = {}), (s.then = { required: ['count'] })), new: (s) => ((s.if = ifNoteA), (s.else = {})) },
    ['info', 'minor'],
    ['error', 'minor'],
  ],
  [
    'else-added',
    { old: (s) => ((s.if = ifNoteA), (s.then = {})), new: (s) => ((s.if = ifNoteA), (s.then = {}), (s.else = { required: ['count'] })) },
    ['error', 'major'],
    ['info', 'minor'],
  ],
  [
    'else-removed',
    { old: (s) => ((s.if = ifNoteA), (s.then = {}), (s.else = { required: ['count'] })), new: (s) => ((s.if = ifNoteA), (s.then = {})) },
    ['info', 'minor'],
    ['error', 'minor'],
  ],
  ['not-added', { new: property('note', (s) => (s.not = { const: '' })) }, ['error', 'major'], ['info', 'minor']],
  ['not-removed', { old: property('note', (s) => (s.not = { const: '' })), new: () => {} }, ['info', 'minor'], ['error', 'minor']],
  ['unevaluated-properties-added', { new: (s) => (s.unevaluatedProperties = false) }, ['error', 'major'], ['info', 'minor']],
  [
    'unevaluated-properties-removed',
    { old: (s) => (s.unevaluatedProperties = false), new: () => {} },
    ['info', 'minor'],
    ['error', 'minor'],
  ],
  ['unevaluated-items-added', { new: property('tags', (s) => (s.unevaluatedItems = false)) }, ['error', 'major'], ['info', 'minor']],
  [
    'unevaluated-items-removed',
    { old: property('tags', (s) => (s.unevaluatedItems = false)), new: () => {} },
    ['info', 'minor'],
    ['error', 'minor'],
  ],
];

const operation = (doc: Doc) => doc.paths['/items/{id}'].put;
/** A second operation, added to both versions by a case that then changes it. */
function other(doc: Doc): Doc {
  doc.paths['/other'] ??= { get: { operationId: 'other', responses: { '204': { description: 'none' } } } };
  return doc.paths['/other'].get;
}
const rateHeader = (required: boolean) => ({ required, schema: { type: 'integer' } });
/** A webhook the API sends: its payload, and the answer it expects. */
const webhook = (status = { type: 'string', enum: ['created', 'deleted'] }) => ({
  post: {
    operationId: 'itemChanged',
    requestBody: {
      required: true,
      content: { 'application/json': { schema: { type: 'object', required: ['status'], properties: { status } } } },
    },
    responses: { '200': { description: 'received' } },
  },
});
function oauth(doc: Doc, scopes: string[]): void {
  doc.components.securitySchemes.oauth = {
    type: 'oauth2',
    flows: { clientCredentials: { tokenUrl: 'https://api.example.com/token', scopes: { read: 'Read', write: 'Write' } } },
  };
  doc.security = [{ oauth: scopes }];
}
const parameter = (doc: Doc, name: string) => operation(doc).parameters.find((entry: Doc) => entry.name === name);

/** The checks outside schemas: [id, old mutation, new mutation, severity, bump]. */
const otherCases: [string, Mutation, Mutation, string, string][] = [
  [
    'operation-added',
    none,
    (d) => (d.paths['/other'] = { get: { operationId: 'other', responses: { '204': { description: 'none' } } } }),
    'info',
    'minor',
  ],
  [
    'operation-removed',
    (d) => (d.paths['/other'] = { get: { operationId: 'other', responses: { '204': { description: 'none' } } } }),
    none,
    'error',
    'major',
  ],
  [
    'operation-path-changed',
    none,
    (d) => ((d.paths['/things/{id}'] = d.paths['/items/{id}']), delete d.paths['/items/{id}']),
    'error',
    'major',
  ],
  [
    'operation-method-changed',
    none,
    (d) => ((d.paths['/items/{id}'].post = operation(d)), delete d.paths['/items/{id}'].put),
    'error',
    'major',
  ],
  ['operation-id-changed', none, (d) => (operation(d).operationId = 'updateItem'), 'warning', 'major'],
  ['operation-deprecated', none, (d) => (operation(d).deprecated = true), 'info', 'minor'],
  [
    'request-parameter-added',
    none,
    (d) => operation(d).parameters.push({ name: 'limit', in: 'query', schema: { type: 'integer' } }),
    'info',
    'minor',
  ],
  [
    'request-parameter-required-added',
    none,
    (d) => operation(d).parameters.push({ name: 'X-Tenant', in: 'header', required: true, schema: { type: 'string' } }),
    'error',
    'major',
  ],
  ['request-parameter-removed', none, (d) => operation(d).parameters.pop(), 'warning', 'major'],
  ['request-parameter-became-required', none, (d) => (parameter(d, 'dryRun').required = true), 'error', 'major'],
  ['request-parameter-became-optional', (d) => (parameter(d, 'dryRun').required = true), none, 'info', 'minor'],
  [
    'request-path-parameter-renamed',
    none,
    (d) => {
      d.paths['/items/{itemId}'] = d.paths['/items/{id}'];
      delete d.paths['/items/{id}'];
      d.paths['/items/{itemId}'].put.parameters[0].name = 'itemId';
    },
    'info',
    'major',
  ],
  ['request-parameter-style-changed', none, (d) => (parameter(d, 'dryRun').explode = false), 'error', 'major'],
  ['request-body-added', (d) => delete operation(d).requestBody, (d) => (operation(d).requestBody.required = false), 'info', 'minor'],
  ['request-body-required-added', (d) => delete operation(d).requestBody, none, 'error', 'major'],
  ['request-body-removed', none, (d) => delete operation(d).requestBody, 'error', 'major'],
  ['request-body-became-required', (d) => (operation(d).requestBody.required = false), none, 'error', 'major'],
  ['request-body-became-optional', none, (d) => (operation(d).requestBody.required = false), 'info', 'minor'],
  [
    'request-media-type-added',
    none,
    (d) => (operation(d).requestBody.content['text/plain'] = { schema: { type: 'string' } }),
    'info',
    'minor',
  ],
  [
    'request-media-type-removed',
    (d) => (operation(d).requestBody.content['text/plain'] = { schema: { type: 'string' } }),
    none,
    'error',
    'major',
  ],
  ['response-status-added', none, (d) => (operation(d).responses['409'] = { description: 'conflict' }), 'warning', 'minor'],
  [
    'response-status-removed',
    (d) => (operation(d).responses['201'] = { description: 'created' }),
    (d) => ((operation(d).responses['201'] = { description: 'created' }), delete operation(d).responses['200']),
    'error',
    'major',
  ],
  ['response-non-success-status-removed', none, (d) => delete operation(d).responses['404'], 'info', 'major'],
  [
    'response-media-type-added',
    none,
    (d) => (operation(d).responses['200'].content['text/plain'] = { schema: { type: 'string' } }),
    'info',
    'minor',
  ],
  [
    'response-media-type-removed',
    (d) => (operation(d).responses['200'].content['text/plain'] = { schema: { type: 'string' } }),
    none,
    'error',
    'major',
  ],
  ['security-requirement-added', none, (d) => (d.security = [{ key: [], token: [] }]), 'error', 'major'],
  ['security-requirement-removed', none, (d) => (d.security = [{ key: [] }, { token: [] }]), 'info', 'minor'],
  ['schema-added', none, (d) => (d.components.schemas.Extra = { type: 'string' }), 'info', 'minor'],
  ['schema-removed', (d) => (d.components.schemas.Extra = { type: 'string' }), none, 'info', 'major'],
  ['documentation-changed', none, (d) => (d.components.schemas.Out.properties.note.description = 'Free text.'), 'info', 'patch'],
  ['api-version-changed', none, (d) => (d.info.version = '1.1.0'), 'info', 'patch'],
  ['unclassified-change', none, (d) => (d.tags = [{ name: 'items' }]), 'warning', 'minor'],
  ['operation-removed-after-deprecation', (d) => (other(d).deprecated = true), (d) => delete d.paths['/other'], 'info', 'major'],
  [
    'operation-removed-before-sunset',
    (d) => Object.assign(other(d), { deprecated: true, 'x-sunset': '2999-12-31' }),
    (d) => delete d.paths['/other'],
    'error',
    'major',
  ],
  [
    'operation-sunset-moved-earlier',
    (d) => Object.assign(operation(d), { deprecated: true, 'x-sunset': '2999-12-31' }),
    (d) => Object.assign(operation(d), { deprecated: true, 'x-sunset': '2998-01-31' }),
    'error',
    'patch',
  ],
  [
    'operation-stability-decreased',
    (d) => (operation(d)['x-stability-level'] = 'stable'),
    (d) => (operation(d)['x-stability-level'] = 'beta'),
    'error',
    'patch',
  ],
  ['operation-stability-invalid', none, (d) => (operation(d)['x-stability-level'] = 'experimental'), 'error', 'patch'],
  [
    'operation-sunset-removed',
    (d) => Object.assign(operation(d), { deprecated: true, 'x-sunset': '2999-12-31' }),
    (d) => (operation(d).deprecated = true),
    'error',
    'patch',
  ],
  [
    'operation-sunset-invalid',
    (d) => (operation(d).deprecated = true),
    (d) => Object.assign(operation(d), { deprecated: true, 'x-sunset': '31/12/2999' }),
    'error',
    'patch',
  ],
  [
    'request-parameter-sunset-removed',
    (d) => Object.assign(parameter(d, 'dryRun'), { deprecated: true, 'x-sunset': '2999-12-31' }),
    (d) => (parameter(d, 'dryRun').deprecated = true),
    'error',
    'patch',
  ],
  [
    'request-parameter-sunset-moved-earlier',
    (d) => Object.assign(parameter(d, 'dryRun'), { deprecated: true, 'x-sunset': '2999-12-31' }),
    (d) => Object.assign(parameter(d, 'dryRun'), { deprecated: true, 'x-sunset': '2998-12-31' }),
    'error',
    'patch',
  ],
  [
    'request-parameter-sunset-invalid',
    (d) => (parameter(d, 'dryRun').deprecated = true),
    (d) => Object.assign(parameter(d, 'dryRun'), { deprecated: true, 'x-sunset': 'soon' }),
    'error',
    'patch',
  ],
  ['operation-stability-increased', (d) => (operation(d)['x-stability-level'] = 'beta'), none, 'info', 'patch'],
  ['request-parameter-deprecated', none, (d) => (parameter(d, 'dryRun').deprecated = true), 'info', 'patch'],
  [
    'request-parameter-removed-after-deprecation',
    (d) => (parameter(d, 'dryRun').deprecated = true),
    (d) => operation(d).parameters.pop(),
    'info',
    'major',
  ],
  [
    'request-parameter-removed-before-sunset',
    (d) => Object.assign(parameter(d, 'dryRun'), { deprecated: true, 'x-sunset': '2999-12-31' }),
    (d) => operation(d).parameters.pop(),
    'error',
    'major',
  ],
  ['response-header-added', none, (d) => (operation(d).responses['200'].headers = { 'X-Rate': rateHeader(false) }), 'info', 'minor'],
  ['response-header-removed', (d) => (operation(d).responses['200'].headers = { 'X-Rate': rateHeader(true) }), none, 'error', 'minor'],
  [
    'response-optional-header-removed',
    (d) => (operation(d).responses['200'].headers = { 'X-Rate': rateHeader(false) }),
    none,
    'warning',
    'minor',
  ],
  [
    'response-header-became-optional',
    (d) => (operation(d).responses['200'].headers = { 'X-Rate': rateHeader(true) }),
    (d) => (operation(d).responses['200'].headers = { 'x-rate': rateHeader(false) }),
    'error',
    'minor',
  ],
  [
    'response-header-became-required',
    (d) => (operation(d).responses['200'].headers = { 'X-Rate': rateHeader(false) }),
    (d) => (operation(d).responses['200'].headers = { 'X-Rate': rateHeader(true) }),
    'info',
    'minor',
  ],
  ['webhook-added', none, (d) => (d.webhooks = { itemChanged: webhook() }), 'info', 'minor'],
  ['webhook-removed', (d) => (d.webhooks = { itemChanged: webhook() }), none, 'error', 'major'],
  ['security-scope-added', (d) => oauth(d, ['read']), (d) => oauth(d, ['read', 'write']), 'error', 'major'],
  ['security-scope-removed', (d) => oauth(d, ['read', 'write']), (d) => oauth(d, ['read']), 'info', 'minor'],
  ['server-added', none, (d) => d.servers.push({ url: 'https://sandbox.example.com' }), 'info', 'patch'],
  ['server-removed', (d) => d.servers.push({ url: 'https://sandbox.example.com' }), none, 'warning', 'minor'],
  ['server-base-path-changed', none, (d) => (d.servers[0].url = 'https://api.example.com/v2'), 'error', 'major'],
];

describe('specsmith diff: one case per check', () => {
  it.each(schemaCases)('%s, as a request and as a response', async (check, change, request, response) => {
    for (const [direction, schemaName, expected] of [
      ['request', 'In', request],
      ['response', 'Out', response],
    ] as const) {
      const apply = (mutation: SchemaMutation | undefined) => (doc: Doc) => mutation?.(doc.components.schemas[schemaName]);
      const report = await diffOf(apply(change.old), apply(change.new));
      expect(verdicts(report), direction).toEqual([[`${direction}-${check}`, ...expected]]);
    }
  });

  it.each(otherCases)('%s', async (check, old, next, severity, bump) => {
    const report = await diffOf(old, next);
    expect(verdicts(report)).toEqual([[check, severity, bump]]);
  });

  it('api-version-not-bumped: a breaking change under the same major; a new major silences it', async () => {
    const breaking = (d: Doc) => (d.components.schemas.In.properties.id.maxLength = 5);
    const report = await diffOf(none, (d) => (breaking(d), (d.info.version = '1.2.0')));
    expect(report.changes.map((change) => [change.id, change.severity])).toEqual([
      ['request-max-length-decreased', 'error'],
      ['api-version-not-bumped', 'warning'],
      ['api-version-changed', 'info'],
    ]);
    const bumped = await diffOf(none, (d) => (breaking(d), (d.info.version = '2.0.0')));
    expect(bumped.changes.map((change) => change.id)).toEqual(['request-max-length-decreased', 'api-version-changed']);
  });

  it('has a case for every check id', () => {
    const covered = new Set([
      ...schemaCases.flatMap(([check]) => [`request-${check}`, `response-${check}`]),
      ...otherCases.map(([check]) => check),
      'api-version-not-bumped',
    ]);
    expect(checkIds.filter((id) => !covered.has(id))).toEqual([]);
  });
});

describe('specsmith diff: directions, places, verdicts', () => {
  it('reads readOnly properties as response-only and writeOnly as request-only', async () => {
    const shared = (d: Doc) => {
      operation(d).requestBody.content['application/json'].schema.$ref = '#/components/schemas/Out';
    };
    const report = await diffOf(shared, (d) => {
      shared(d);
      const out = d.components.schemas.Out;
      out.properties.createdAt = { type: 'string', readOnly: true };
      out.properties.secret = { type: 'string', writeOnly: true };
      out.required.push('createdAt', 'secret');
    });
    expect(report.changes.map((change) => [change.id, change.message])).toEqual([
      ['request-property-required-added', 'property "secret"'],
      ['api-version-not-bumped', expect.any(String)],
      ['response-property-required-added', 'property "createdAt"'],
    ]);
  });

  it('names the line and pointer of the changed keyword in both versions, and the operation and payload path', async () => {
    const report = await diffOf(none, (d) => (d.components.schemas.In.properties.id.maxLength = 5));
    const change = report.changes[0]!;
    const text = readFileSync(path.join(report.root, 'new.yaml'), 'utf8').split('\n');
    expect(change.new).toMatchObject({ file: 'new.yaml', pointer: '/components/schemas/In/properties/id/maxLength' });
    expect(change.old).toMatchObject({ file: 'old.yaml', pointer: '/components/schemas/In/properties/id/maxLength' });
    // The place is the `maxLength:` key itself, line and column.
    expect(text[change.new!.line - 1]!.slice(change.new!.column - 1)).toBe('maxLength: 5');
    expect(change).toMatchObject({
      operation: 'PUT /items/{id} (putItem)',
      direction: 'request',
      location: 'body.id',
      schema: 'In.id',
      keyword: 'maxLength',
      values: { old: 10, new: 5 },
    });
  });

  it('an enum value removed: at the `enum:` line and column, with the operation and body path', async () => {
    const report = await diffOf(none, (d) => d.components.schemas.In.properties.status.enum.pop());
    const change = report.changes.find((entry) => entry.id === 'request-enum-value-removed')!;
    const text = readFileSync(path.join(report.root, 'new.yaml'), 'utf8').split('\n');
    const enumLine = text.findIndex((line, index) => line.trim() === 'enum:' && text[index - 2]?.trim() === 'status:') + 1;
    expect(enumLine).toBeGreaterThan(0);
    expect(change.new).toMatchObject({ line: enumLine, column: text[enumLine - 1]!.indexOf('enum:') + 1 });
    expect(change).toMatchObject({ operation: 'PUT /items/{id} (putItem)', location: 'body.status', values: { old: 'B' } });
    expect(describeChange(change)).toBe(
      'PUT /items/{id} (putItem) request body.status (schema In.status): a value was removed from an enum: value "B" removed',
    );
  });

  it('a response property change is at `response 200 body.…`, through arrays as `[]`', async () => {
    const list = (d: Doc) =>
      (d.components.schemas.Out.properties.accounts = { type: 'array', items: { type: 'object', properties: { id: { type: 'string' } } } });
    const report = await diffOf(
      list,
      (d) => (list(d), (d.components.schemas.Out.properties.accounts.items.properties.id.type = 'integer')),
    );
    expect(report.changes[0]).toMatchObject({
      id: 'response-type-changed',
      direction: 'response',
      location: 'response 200 body.accounts[].id',
      keyword: 'type',
      values: { old: 'string', new: 'integer' },
    });
  });

  it('a query parameter is at `query.<name>`, its schema changes too', async () => {
    const report = await diffOf(none, (d) => {
      parameter(d, 'dryRun').required = true;
      parameter(d, 'dryRun').schema = { type: 'string' };
    });
    expect(
      report.changes
        .filter((change) => change.id !== 'api-version-not-bumped')
        .map((change) => [change.id, change.location, change.keyword]),
    ).toEqual([
      ['request-parameter-became-required', 'query.dryRun', 'required'],
      ['request-type-changed', 'query.dryRun', 'type'],
    ]);
  });

  it('api-version-not-bumped points at the line of info.version', async () => {
    const report = await diffOf(none, (d) => (d.components.schemas.In.properties.id.maxLength = 5));
    const change = report.changes.find((entry) => entry.id === 'api-version-not-bumped')!;
    const text = readFileSync(path.join(report.root, 'new.yaml'), 'utf8').split('\n');
    expect(change.new).toMatchObject({ pointer: '/info/version', line: text.findIndex((line) => line.trim() === 'version: 1.0.0') + 1 });
    expect(change.new!.line).toBeGreaterThan(0);
  });

  it('a fingerprint stays when unrelated lines above move the change, and differs for another change', async () => {
    const narrower = (d: Doc) => (d.components.schemas.In.properties.id.maxLength = 5);
    const moved = (d: Doc) => ((d.info.description = 'one\ntwo\nthree\nfour'), (d.info.title = 'Diff cases, renamed'));
    const first = (await diffOf(none, narrower)).changes[0]!;
    const second = (await diffOf(moved, (d) => (moved(d), narrower(d)))).changes[0]!;
    expect(second.id).toBe(first.id);
    expect(second.new!.line).toBeGreaterThan(first.new!.line);
    expect(second.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(second.fingerprint).toBe(first.fingerprint);
    const other = (await diffOf(none, (d) => (d.components.schemas.In.properties.id.maxLength = 4))).changes[0]!;
    expect(other.id).toBe(first.id);
    expect(other.fingerprint).not.toBe(first.fingerprint);
    const elsewhere = (await diffOf(none, (d) => (d.components.schemas.In.properties.note.maxLength = 5))).changes[0]!;
    expect(elsewhere.fingerprint).not.toBe(first.fingerprint);
  });

  it('compares a schema shared by many operations once, at its own place', async () => {
    const twice = (d: Doc) => (d.paths['/copies/{id}'] = { put: { ...structuredClone(operation(d)), operationId: 'putCopy' } });
    const report = await diffOf(twice, (d) => (twice(d), (d.components.schemas.In.properties.id.maxLength = 5)));
    expect(verdicts(report)).toEqual([['request-max-length-decreased', 'error', 'major']]);
  });

  it('reads maximum and exclusiveMaximum as one bound', async () => {
    const report = await diffOf(none, (d) => {
      const count = d.components.schemas.In.properties.count;
      delete count.maximum;
      count.exclusiveMaximum = 100;
    });
    expect(report.changes[0]).toMatchObject({ id: 'request-maximum-decreased', message: 'maximum <= 100 -> < 100' });
    const same = await diffOf(
      (d) => (d.components.schemas.In.properties.count.maximum = 99),
      (d) => (delete d.components.schemas.In.properties.count.maximum, (d.components.schemas.In.properties.count.exclusiveMaximum = 99.5)),
    );
    expect(same.changes.map((change) => change.id)).toEqual(['request-maximum-increased']);
  });

  it('multipleOf 2 -> 4 accepts less, 2 -> 1 accepts more', async () => {
    const multiple = (value: number) => (d: Doc) => (d.components.schemas.In.properties.count.multipleOf = value);
    expect((await diffOf(none, multiple(4))).changes[0]).toMatchObject({ id: 'request-multiple-of-changed', message: 'multipleOf 2 -> 4' });
    expect((await diffOf(none, multiple(1))).changes[0]).toMatchObject({ id: 'request-multiple-of-relaxed', message: 'multipleOf 2 -> 1' });
  });

  it('follows reference cycles without looping', async () => {
    const tree = (d: Doc) => (d.components.schemas.In.properties.children = { type: 'array', items: { $ref: '#/components/schemas/In' } });
    const report = await diffOf(tree, (d) => (tree(d), (d.components.schemas.In.properties.note.maxLength = 3)));
    expect(verdicts(report)).toEqual([['request-max-length-decreased', 'error', 'major']]);
  });

  it('changes in a schema no operation uses break no call: info, with their bump kept', async () => {
    const extra = (d: Doc) => (d.components.schemas.Extra = { type: 'object', properties: { a: { type: 'string' } } });
    const report = await diffOf(extra, (d) => (extra(d), (d.components.schemas.Extra.properties.a.maxLength = 3)));
    expect(verdicts(report)).toEqual([
      ['request-max-length-decreased', 'info', 'major'],
      ['response-max-length-decreased', 'info', 'minor'],
    ]);
    expect(report.breaking).toBe(false);
    expect(report.bump).toBe('major');
  });

  it('gives the package the highest bump of its changes, and none for identical specs', async () => {
    expect((await diffOf(none, none)).bump).toBe('none');
    expect((await diffOf(none, (d) => (d.info.description = 'Now described.'))).bump).toBe('patch');
    const report = await diffOf(none, (d) => ((d.info.description = 'x'), (d.components.schemas.Out.properties.status.enum = ['A'])));
    expect(report.bump).toBe('major');
    expect(report.breaking).toBe(false);
  });

  it('diff.policy reads a response bound lowered as a warning when asked; a check of its own outranks it', async () => {
    const widen = (doc: Doc) => delete doc.components.schemas.Out.properties.count.maximum;
    const read = async (settings: Parameters<typeof effectiveSeverities>[0]) =>
      verdicts(await diffOf(() => {}, widen, effectiveSeverities(settings)));
    expect(await read({})).toEqual([['response-maximum-increased', 'error', 'minor']]);
    expect(await read({ policy: { responseBounds: 'warning' } })).toEqual([['response-maximum-increased', 'warning', 'minor']]);
    expect(await read({ policy: { responseBounds: 'warning' }, severity: { 'response-maximum-increased': 'info' } })).toEqual([
      ['response-maximum-increased', 'info', 'minor'],
    ]);
    // A request bound is not the policy's: a request that accepts more breaks nobody.
    expect(effectiveSeverities({ policy: { responseBounds: 'warning' } })).not.toHaveProperty('request-maximum-increased');
  });

  it('severity overrides change a check, and off hides it while its bump still counts', async () => {
    const narrower = (d: Doc) => (d.components.schemas.In.properties.id.maxLength = 5);
    const warned = await diffOf(none, narrower, { 'request-max-length-decreased': 'warning' });
    expect(verdicts(warned)).toEqual([['request-max-length-decreased', 'warning', 'major']]);
    expect(warned.breaking).toBe(false);
    const hidden = await diffOf(none, narrower, { 'request-max-length-decreased': 'off' });
    expect(hidden.changes).toEqual([]);
    expect(hidden.hidden.map((change) => change.id)).toEqual(['request-max-length-decreased']);
    expect(hidden.bump).toBe('major');
  });
});
