/**
 * Every change `specsmith diff` names, with two verdicts that answer different questions:
 *
 * - `severity` judges the API from a client's side (`error`: a client written against the old version can
 *   fail against the new one). A configuration (`diff.severity`) may change it or turn a check `off`.
 * - `bump` judges the generated package for its TypeScript consumers (semver: `major` when code that
 *   compiled and ran may stop compiling or start failing, `minor` for additions and behaviour that only
 *   accepts more, `patch` for documentation). It is not configurable: it follows from what the emitters do.
 *
 * The two differ on purpose. A response enum value removed cannot break a client at run time, but a
 * consumer's `status === 'REMOVED'` no longer compiles (TS2367), so the package needs a major. A component
 * schema removed changes no request, but its exported type and validator are gone.
 */
export type Severity = 'error' | 'warning' | 'info';
export type Bump = 'major' | 'minor' | 'patch';
export type Direction = 'request' | 'response';

export interface CheckDefinition {
  severity: Severity;
  bump: Bump;
  /** One line for reports and the README's table. */
  summary: string;
}

type Verdicts = [Severity, Bump];

/**
 * Schema checks exist once per direction. A request schema breaks clients when it accepts less (their
 * values may be refused); a response schema breaks them when it allows more (their code may meet a value
 * it never handled). `[request verdicts, response verdicts, summary]`.
 */
const schemaChecks = {
  'type-changed': [['error', 'major'], ['error', 'major'], 'the type changed'],
  'type-widened': [
    ['info', 'minor'],
    ['error', 'major'],
    'the type accepts more (integer to number, a type to any, an allOf member removed, a not that refuses less)',
  ],
  'type-narrowed': [
    ['error', 'major'],
    ['info', 'minor'],
    'the type accepts less (number to integer, any to a type, an allOf member added, a not that refuses more)',
  ],
  'nullable-added': [['info', 'minor'], ['error', 'major'], 'null became allowed'],
  'nullable-removed': [['error', 'major'], ['info', 'minor'], 'null is no longer allowed'],
  'enum-value-added': [['info', 'minor'], ['error', 'major'], 'a value was added to an enum'],
  'enum-value-removed': [['error', 'major'], ['info', 'major'], 'a value was removed from an enum'],
  'union-member-added': [['info', 'minor'], ['error', 'major'], 'a oneOf/anyOf member was added'],
  'union-member-removed': [['error', 'major'], ['info', 'minor'], 'a oneOf/anyOf member was removed'],
  'property-added': [['info', 'minor'], ['info', 'minor'], 'an optional property was added'],
  'property-required-added': [['error', 'major'], ['info', 'minor'], 'a required property was added'],
  'property-became-required': [['error', 'major'], ['info', 'minor'], 'an optional property became required'],
  'property-became-optional': [['info', 'minor'], ['error', 'major'], 'a required property became optional'],
  'property-removed': [['warning', 'major'], ['warning', 'major'], 'an optional property was removed'],
  'required-property-removed': [['warning', 'major'], ['error', 'major'], 'a required property was removed'],
  'closed-property-removed': [
    ['error', 'major'],
    ['warning', 'major'],
    'a property was removed from an object that refuses unknown properties',
  ],
  'additional-properties-closed': [['error', 'major'], ['info', 'minor'], 'the object no longer accepts unknown properties'],
  'additional-properties-opened': [['info', 'minor'], ['warning', 'minor'], 'the object now accepts unknown properties'],
  'max-length-decreased': [['error', 'major'], ['info', 'minor'], 'maxLength is lower (or was added)'],
  'max-length-increased': [['info', 'minor'], ['error', 'minor'], 'maxLength is higher (or was removed)'],
  'min-length-increased': [['error', 'major'], ['info', 'minor'], 'minLength is higher (or was added)'],
  'min-length-decreased': [['info', 'minor'], ['error', 'minor'], 'minLength is lower (or was removed)'],
  'maximum-decreased': [['error', 'major'], ['info', 'minor'], 'maximum or exclusiveMaximum is lower (or was added)'],
  'maximum-increased': [['info', 'minor'], ['error', 'minor'], 'maximum or exclusiveMaximum is higher (or was removed)'],
  'minimum-increased': [['error', 'major'], ['info', 'minor'], 'minimum or exclusiveMinimum is higher (or was added)'],
  'minimum-decreased': [['info', 'minor'], ['error', 'minor'], 'minimum or exclusiveMinimum is lower (or was removed)'],
  'max-items-decreased': [['error', 'major'], ['info', 'minor'], 'maxItems is lower (or was added)'],
  'max-items-increased': [['info', 'minor'], ['error', 'minor'], 'maxItems is higher (or was removed)'],
  'min-items-increased': [['error', 'major'], ['info', 'minor'], 'minItems is higher (or was added)'],
  'min-items-decreased': [['info', 'minor'], ['error', 'minor'], 'minItems is lower (or was removed)'],
  'pattern-added': [['error', 'major'], ['info', 'minor'], 'a pattern was added'],
  'pattern-changed': [
    ['warning', 'major'],
    ['warning', 'minor'],
    'the pattern changed (whether it accepts less cannot be told in general: review it)',
  ],
  'pattern-removed': [['info', 'minor'], ['error', 'minor'], 'the pattern was removed'],
  'multiple-of-changed': [['error', 'major'], ['error', 'minor'], 'multipleOf changed or was added'],
  'multiple-of-relaxed': [['info', 'minor'], ['error', 'minor'], 'multipleOf was removed, or is now a divisor of the old one'],
  'format-added': [['error', 'major'], ['info', 'minor'], 'a format was added'],
  'format-changed': [['error', 'major'], ['warning', 'minor'], 'the format changed'],
  'format-removed': [['info', 'minor'], ['warning', 'minor'], 'the format was removed'],
  'deprecated-added': [['info', 'patch'], ['info', 'patch'], 'a schema or property became deprecated'],
  'sunset-removed': [['error', 'patch'], ['error', 'patch'], "a deprecated schema's x-sunset date was removed"],
  'sunset-moved-earlier': [['error', 'patch'], ['error', 'patch'], "a deprecated schema's x-sunset date moved earlier"],
  'sunset-invalid': [['error', 'patch'], ['error', 'patch'], 'an x-sunset that is not an RFC 3339 date was written or changed'],
  'stability-decreased': [['error', 'patch'], ['error', 'patch'], 'x-stability-level went down (stable to beta, beta to alpha…)'],
  'stability-increased': [['info', 'patch'], ['info', 'patch'], 'x-stability-level went up (alpha to beta, beta to stable…)'],
  'stability-invalid': [['error', 'patch'], ['error', 'patch'], 'an x-stability-level other than draft, alpha, beta or stable'],
  'content-media-type-changed': [['error', 'minor'], ['error', 'minor'], 'contentMediaType was added, removed or changed'],
  'content-encoding-changed': [['error', 'minor'], ['error', 'minor'], 'contentEncoding was added, removed or changed'],
  'content-schema-added': [['error', 'major'], ['info', 'minor'], 'contentSchema was added: the decoded content must match it'],
  'content-schema-removed': [['info', 'minor'], ['error', 'minor'], 'contentSchema was removed'],
  'default-changed': [['warning', 'patch'], ['info', 'patch'], 'the default changed: a value left out now means another one'],
  'min-properties-increased': [['error', 'major'], ['info', 'minor'], 'minProperties is higher (or was added)'],
  'min-properties-decreased': [['info', 'minor'], ['error', 'minor'], 'minProperties is lower (or was removed)'],
  'max-properties-decreased': [['error', 'major'], ['info', 'minor'], 'maxProperties is lower (or was added)'],
  'max-properties-increased': [['info', 'minor'], ['error', 'minor'], 'maxProperties is higher (or was removed)'],
  'min-contains-increased': [['error', 'major'], ['info', 'minor'], 'minContains is higher (or was added)'],
  'min-contains-decreased': [['info', 'minor'], ['error', 'minor'], 'minContains is lower (or was removed)'],
  'max-contains-decreased': [['error', 'major'], ['info', 'minor'], 'maxContains is lower (or was added)'],
  'max-contains-increased': [['info', 'minor'], ['error', 'minor'], 'maxContains is higher (or was removed)'],
  'unique-items-added': [['error', 'major'], ['info', 'minor'], 'uniqueItems became true'],
  'unique-items-removed': [['info', 'minor'], ['error', 'minor'], 'uniqueItems is no longer true'],
  'dependent-required-added': [
    ['error', 'major'],
    ['info', 'minor'],
    'a property now needs another beside it (a dependentRequired name added)',
  ],
  'dependent-required-removed': [
    ['info', 'minor'],
    ['error', 'minor'],
    'a property no longer needs another beside it (a dependentRequired name removed)',
  ],
  'contains-added': [['error', 'major'], ['info', 'minor'], 'contains was added: some item must match it'],
  'contains-removed': [['info', 'minor'], ['error', 'minor'], 'contains was removed'],
  'property-names-added': [['error', 'major'], ['info', 'minor'], 'propertyNames was added: names must match it'],
  'property-names-removed': [['info', 'minor'], ['error', 'minor'], 'propertyNames was removed'],
  'pattern-property-added': [
    ['error', 'major'],
    ['info', 'minor'],
    'a patternProperties entry was added: matching properties must match it',
  ],
  'pattern-property-removed': [['info', 'minor'], ['error', 'minor'], 'a patternProperties entry was removed'],
  'dependent-schema-added': [['error', 'major'], ['info', 'minor'], 'a dependentSchemas entry was added'],
  'dependent-schema-removed': [['info', 'minor'], ['error', 'minor'], 'a dependentSchemas entry was removed'],
  'conditional-added': [['error', 'major'], ['info', 'minor'], 'an if/then/else was added'],
  'conditional-removed': [['info', 'minor'], ['error', 'minor'], 'an if/then/else was removed'],
  'conditional-changed': [['error', 'major'], ['error', 'minor'], 'the if of an if/then/else changed: other values meet then and else'],
  'then-added': [['error', 'major'], ['info', 'minor'], 'then was added to an if'],
  'then-removed': [['info', 'minor'], ['error', 'minor'], 'then was removed from an if'],
  'else-added': [['error', 'major'], ['info', 'minor'], 'else was added to an if'],
  'else-removed': [['info', 'minor'], ['error', 'minor'], 'else was removed from an if'],
  'not-added': [['error', 'major'], ['info', 'minor'], 'not was added: values it matches are refused'],
  'not-removed': [['info', 'minor'], ['error', 'minor'], 'not was removed'],
  'unevaluated-properties-added': [['error', 'major'], ['info', 'minor'], 'unevaluatedProperties was added'],
  'unevaluated-properties-removed': [['info', 'minor'], ['error', 'minor'], 'unevaluatedProperties was removed'],
  'unevaluated-items-added': [['error', 'major'], ['info', 'minor'], 'unevaluatedItems was added'],
  'unevaluated-items-removed': [['info', 'minor'], ['error', 'minor'], 'unevaluatedItems was removed'],
} as const satisfies Record<string, [Verdicts, Verdicts, string]>;

export type SchemaCheck = keyof typeof schemaChecks;

const otherChecks = {
  'operation-added': ['info', 'minor', 'an operation was added'],
  'operation-removed': ['error', 'major', 'an operation was removed without being deprecated first'],
  'operation-removed-after-deprecation': [
    'info',
    'major',
    'a deprecated operation was removed (on or after its x-sunset date, when it states one)',
  ],
  'operation-removed-before-sunset': ['error', 'major', 'a deprecated operation was removed before its x-sunset date'],
  'operation-sunset-moved-earlier': ['error', 'patch', "a deprecated operation's x-sunset date moved earlier"],
  'operation-sunset-removed': ['error', 'patch', "a deprecated operation's x-sunset date was removed"],
  'operation-sunset-invalid': ['error', 'patch', "an operation's x-sunset that is not an RFC 3339 date was written or changed"],
  'operation-stability-decreased': ['error', 'patch', 'x-stability-level went down (stable to beta, beta to alpha…)'],
  'operation-stability-invalid': ['error', 'patch', 'an x-stability-level other than draft, alpha, beta or stable'],
  'operation-stability-increased': ['info', 'patch', 'x-stability-level went up (alpha to beta, beta to stable…)'],
  'operation-path-changed': ['error', 'major', 'an operation (same operationId) moved to another path'],
  'operation-method-changed': ['error', 'major', 'an operation (same operationId) has another HTTP method'],
  'operation-id-changed': [
    'warning',
    'major',
    'an operation kept its method and path but changed its operationId (its client function is renamed)',
  ],
  'operation-deprecated': ['info', 'minor', 'an operation became deprecated'],
  'request-parameter-added': ['info', 'minor', 'an optional parameter was added'],
  'request-parameter-required-added': ['error', 'major', 'a required parameter was added'],
  'request-parameter-removed': ['warning', 'major', 'a parameter was removed without being deprecated first'],
  'request-parameter-deprecated': ['info', 'patch', 'a parameter became deprecated'],
  'request-parameter-removed-after-deprecation': [
    'info',
    'major',
    'a deprecated parameter was removed (on or after its x-sunset date, when it states one)',
  ],
  'request-parameter-sunset-removed': ['error', 'patch', "a deprecated parameter's x-sunset date was removed"],
  'request-parameter-sunset-moved-earlier': ['error', 'patch', "a deprecated parameter's x-sunset date moved earlier"],
  'request-parameter-sunset-invalid': ['error', 'patch', "a parameter's x-sunset that is not an RFC 3339 date was written or changed"],
  'request-parameter-removed-before-sunset': ['error', 'major', 'a deprecated parameter was removed before its x-sunset date'],
  'request-parameter-became-required': ['error', 'major', 'an optional parameter became required'],
  'request-parameter-became-optional': ['info', 'minor', 'a required parameter became optional'],
  'request-path-parameter-renamed': [
    'info',
    'major',
    "a path parameter was renamed: the same URL for the API, another key in the client's input",
  ],
  'request-parameter-style-changed': ['error', 'major', "a parameter's style or explode changed (it is serialised differently)"],
  'request-body-added': ['info', 'minor', 'an optional request body was added'],
  'request-body-required-added': ['error', 'major', 'a required request body was added'],
  'request-body-removed': ['error', 'major', 'the request body was removed: a client that sends one may be refused'],
  'request-body-became-required': ['error', 'major', 'the request body became required'],
  'request-body-became-optional': ['info', 'minor', 'the request body became optional'],
  'request-media-type-added': ['info', 'minor', 'a request media type was added'],
  'request-media-type-removed': ['error', 'major', 'a request media type was removed'],
  'response-status-added': ['warning', 'minor', 'a response status was documented (clients may not handle it)'],
  'response-status-removed': ['error', 'major', 'a documented success status (2XX) was removed'],
  'response-non-success-status-removed': [
    'info',
    'major',
    "a documented status other than 2XX was removed (a client's code for it no longer runs, nor compiles against the package)",
  ],
  'response-media-type-added': ['info', 'minor', 'a response media type was added'],
  'response-media-type-removed': ['error', 'major', 'a response media type was removed'],
  'response-header-added': ['info', 'minor', 'a response header was documented'],
  'response-header-removed': ['error', 'minor', 'a required response header was removed'],
  'response-optional-header-removed': ['warning', 'minor', 'an optional response header was removed'],
  'response-header-became-optional': ['error', 'minor', 'a required response header became optional'],
  'response-header-became-required': ['info', 'minor', 'an optional response header became required'],
  'webhook-added': ['info', 'minor', 'a webhook or callback was added: the API sends a request it did not'],
  'webhook-removed': ['error', 'major', 'a webhook or callback was removed: a receiver waits for requests that no longer come'],
  'security-scope-added': ['error', 'major', 'an operation needs an OAuth2/OpenID scope it did not'],
  'security-scope-removed': ['info', 'minor', 'an operation no longer needs an OAuth2/OpenID scope'],
  'server-added': ['info', 'patch', 'a server was added'],
  'server-removed': ['warning', 'minor', 'a server was removed: clients that call its URL fail'],
  'server-base-path-changed': ['error', 'major', 'a server kept its host but moved its base path: every URL changed'],
  'security-requirement-added': ['error', 'major', 'an operation needs a security scheme it did not need'],
  'security-requirement-removed': ['info', 'minor', 'an operation no longer needs a security scheme'],
  'schema-added': ['info', 'minor', 'a component schema was added (new exported type and validator)'],
  'schema-removed': ['info', 'major', 'a component schema was removed (its exported type and validator are gone)'],
  'documentation-changed': ['info', 'patch', 'a description, summary, title, example or source page changed'],
  'api-version-changed': ['info', 'patch', 'info.version changed'],
  'api-version-not-bumped': ['warning', 'patch', 'a breaking change came without a new major info.version'],
  'unclassified-change': ['warning', 'minor', 'the spec changed in a way no check classifies: review it'],
} as const satisfies Record<string, [Severity, Bump, string]>;

export type CheckId = `${Direction}-${SchemaCheck}` | keyof typeof otherChecks;

function buildCatalog(): Record<CheckId, CheckDefinition> {
  const catalog: Record<string, CheckDefinition> = {};
  for (const [suffix, [request, response, summary]] of Object.entries(schemaChecks)) {
    catalog[`request-${suffix}`] = { severity: request[0], bump: request[1], summary: `request: ${summary}` };
    catalog[`response-${suffix}`] = { severity: response[0], bump: response[1], summary: `response: ${summary}` };
  }
  for (const [id, [severity, bump, summary]] of Object.entries(otherChecks)) catalog[id] = { severity, bump, summary };
  return catalog as Record<CheckId, CheckDefinition>;
}

/** Every check, by id. */
export const checkCatalog: Readonly<Record<CheckId, CheckDefinition>> = buildCatalog();

export const checkIds = Object.keys(checkCatalog) as CheckId[];

export const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
export const bumpRank: Record<Bump, number> = { major: 0, minor: 1, patch: 2 };

/** A configuration's verdicts over the catalog's: a check's severity changed, or the check turned `off`. */
export type SeverityOverrides = Partial<Record<CheckId, Severity | 'off'>>;

/**
 * Where reasonable tools read a change differently, a setting picks the reading (`diff.policy`); each
 * default is the stricter one.
 */
export interface DiffPolicy {
  /**
   * A response bound lowered or removed (maxLength or maximum higher, minLength or minimum lower, the same
   * for items): a client may now meet a value it never handled. `error` (oasdiff's reading too) treats
   * that as breaking; `warning` suits clients that only pass such values on.
   * @default 'error'
   */
  responseBounds?: 'error' | 'warning';
}

/** The checks `DiffPolicy.responseBounds` decides. */
export const responseBoundChecks = [
  'response-max-length-increased',
  'response-min-length-decreased',
  'response-maximum-increased',
  'response-minimum-decreased',
  'response-max-items-increased',
  'response-min-items-decreased',
] as const satisfies readonly CheckId[];

/** The severities a diff runs with: the policy's readings, then each check the configuration sets. */
export function effectiveSeverities({
  severity = {},
  policy = {},
}: {
  severity?: SeverityOverrides;
  policy?: DiffPolicy;
}): SeverityOverrides {
  const bounds = policy.responseBounds ?? 'error';
  return { ...Object.fromEntries(responseBoundChecks.map((id) => [id, bounds])), ...severity };
}
