/**
 * The one catalog of diagnostic codes. Codes are stable: tests, CI scripts and users match on them.
 * Each entry says what went wrong in general and how it is usually fixed; the diagnostic's own
 * message says what went wrong in this document.
 */
export const diagnosticCatalog = {
  'file-unreadable': {
    summary: 'A spec file could not be read.',
    help: 'Check the path and its permissions.',
  },
  'yaml-syntax': {
    summary: 'The file is not well-formed YAML.',
    help: 'Fix the YAML syntax at the reported position (indentation, quoting, duplicate keys).',
  },
  'json-syntax': {
    summary: 'The file is not well-formed JSON.',
    help: 'Fix the JSON syntax at the reported position.',
  },
  'not-an-object': {
    summary: 'The document is not a mapping of OpenAPI fields.',
    help: 'An OpenAPI document is an object whose first field is usually `openapi: 3.1.0`.',
  },
  'swagger-2': {
    summary: 'Swagger 2.0 documents are not supported.',
    help: 'Convert the document to OpenAPI 3.x first (for example with swagger2openapi).',
  },
  'unsupported-version': {
    summary: 'The `openapi` field names a version other than 3.0.x or 3.1.x.',
    help: 'Set `openapi` to a 3.0.x or 3.1.x version string such as "3.1.0".',
  },
  'version-read-as-3.1': {
    summary: 'An OpenAPI 3.2 document is read as 3.1: what 3.2 adds is not compared.',
    help: 'specsmith generates from 3.0 and 3.1; `diff` reads a 3.2 document as 3.1 so a pair can still be compared (the `query` method, `additionalOperations` and `itemSchema` are not).',
  },
  'openapi-schema': {
    summary: 'The document does not fit the OpenAPI schema of its version.',
    help: 'Compare the reported node with the OpenAPI specification of the declared version.',
  },
  'schema-keyword-unknown': {
    summary:
      'A Schema Object of a 3.1 document has a key that is neither a JSON Schema 2020-12 keyword, an OpenAPI one (discriminator, xml, externalDocs, example) nor an x- extension: it is ignored, and so is its value.',
    help: 'Fix the spelling (an error when it is one or two edits from a keyword), or name an extension x-…; the setting schemaKeywordTypos: "warning" reports near-misses as warnings for specs with a vocabulary of their own.',
  },
  'ref-unresolved': {
    summary: 'A `$ref` points at nothing.',
    help: 'Check the file name and the JSON pointer after `#` (RFC 6901: `~1` for `/`, `~0` for `~`).',
  },
  'ref-cycle': {
    summary: 'A `$ref` resolves only to itself through a chain of references.',
    help: 'A chain of `$ref`s must end in a real object; recursion through properties is fine.',
  },
  'duplicate-operation-id': {
    summary: 'Two operations share an `operationId`.',
    help: 'operationId must be unique across the document (OpenAPI 3.1 §4.8.10.1).',
  },
  'path-param-undeclared': {
    summary: 'A path template names a parameter that the operation does not declare.',
    help: 'Declare it under `parameters` with `in: path` and `required: true`, at path or operation level.',
  },
  'path-param-unused': {
    summary: 'A parameter declared `in: path` does not appear in the path template.',
    help: 'Remove the parameter or add `{name}` to the path.',
  },
  'specs-not-found': {
    summary:
      'A run found no spec to work on: no jobs are set, and no folder of specsDir (specs/ by default) holds an openapi.yaml, openapi.yml or openapi.json.',
    help: 'Run it from the folder that holds the specs, or point elsewhere: --spec FILE --out DIR for one spec, "specsDir" (or "jobs") in specsmith.config.json, or --config FILE for a settings file in another folder.',
  },
  'config-invalid': {
    summary: 'The configuration file does not fit its schema.',
    help: 'See `specsmith generate --help` and the UserConfig type for the fields a configuration may set.',
  },
  'validator-keyword-unchecked': {
    summary:
      'A validation keyword the generated validators cannot check (an unknown format, a pattern JavaScript cannot compile, $dynamicRef).',
    help: 'Use a format the validators know (date, time, date-time, email, hostname, ipv4, ipv6, uri, uri-reference, uri-template, uuid, byte, duration, json-pointer, relative-json-pointer, regex, int32, int64, float, double), a pattern valid with the u flag, or a plain $ref in place of $dynamicRef; the types are generated either way.',
  },
  'validator-compile-failed': {
    summary:
      'A schema, as the validators read it, is not valid JSON Schema 2020-12 (its meta-schema refuses it), so no check can be compiled from it.',
    help: 'Fix the keyword the message names (a negative length, a type that is not a JSON type); generate with --validators none to get the types meanwhile.',
  },
  'validator-fallback': {
    summary:
      "A validator compiled by AJV's standaloneCode instead of specsmith's emitter, because its schema uses (or reaches a schema that uses) a keyword the emitter leaves to AJV: unevaluatedProperties, unevaluatedItems, a $ref by $id.",
    help: 'Nothing is lost: the value is still checked in full. The package then depends on ajv; write the schema without those keywords (additionalProperties: false on a closed object, a plain $ref) to get the faster emitted check.',
  },
  'validator-pattern-risky': {
    summary: 'A pattern that a hostile value might make backtrack for a long time (ReDoS).',
    help: 'Rewrite the pattern without nested or overlapping repetition, or bound its repetitions; check it with a ReDoS checker.',
  },
  'docs-folder-missing': {
    summary: 'The folder of captured doc pages does not exist.',
    help: 'Pass the folder as `specsmith docs-check DIR` or set SPECSMITH_DOCS_DIR.',
  },
  'docs-map-invalid': {
    summary: 'A docs map (specs/<provider>/docs-map.yaml) does not fit its schema.',
    help: 'Each page entry needs `page`, `layout` (mintlify, docusaurus-schema or docusaurus-operation) and `operation` or `schema`.',
  },
  'docs-page-missing': {
    summary: 'A docs map names a page that is not in the docs folder.',
    help: 'Check the file name in the docs map against the docs folder.',
  },
  'docs-page-unmapped': {
    summary: 'A page of the docs folder is not named by any docs map.',
    help: 'Add the page to the docs map of the provider it documents.',
  },
  'docs-target-unknown': {
    summary: 'A docs map names an operation or schema that the spec does not have.',
    help: 'Use the operationId or the name under components/schemas exactly as the spec writes it.',
  },
  'docs-unlabelled-mismatch': {
    summary: 'The docs map names the unlabelled facts of a page in a way that does not fit the page.',
    help: 'List one property path per unlabelled fact, in page order, inside the object the fact appears in.',
  },
} as const satisfies Record<string, { summary: string; help: string }>;

export type DiagnosticCode = keyof typeof diagnosticCatalog;
