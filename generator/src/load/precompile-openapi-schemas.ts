import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { precompiledFile } from './openapi-schema.js';
import { compileOpenApiSchema, openApiSchemaFingerprint, openApiSchemaKeys } from './openapi-schema-sources.js';

/**
 * Build step (after tsc, `make build`): each OpenAPI schema validator as AJV standalone code next to the
 * built openapi-schema.js, with the fingerprint of what it was compiled from, which OpenApiSchemas checks
 * before using it.
 */
for (const key of openApiSchemaKeys) {
  const { ajv, validate } = compileOpenApiSchema(key, { source: true });
  const file = fileURLToPath(precompiledFile(key));
  mkdirSync(path.dirname(file), { recursive: true });
  const code = standaloneCode.default(ajv, validate);
  writeFileSync(file, `${code}\nmodule.exports.fingerprint = ${JSON.stringify(openApiSchemaFingerprint(key))};\n`);
}
