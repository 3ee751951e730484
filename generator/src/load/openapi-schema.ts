import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { OpenApiMinor } from './lint-version.js';
import { usesKnownDialect } from './dialects.js';
import { compileOpenApiSchema, openApiSchemaFingerprint, type OpenApiSchemaKey } from './openapi-schema-sources.js';

const require = createRequire(import.meta.url);

/**
 * Validators of the official OpenAPI JSON Schemas (3.0: draft-04; 3.1: 2020-12), made on first use. One
 * instance lives in a generation run's context, so a run over many specs makes them once. The build
 * precompiles them (precompile-openapi-schemas.ts): loading one takes 5 ms where compiling it took about
 * 0.1 s of every run's start. A precompiled validator is used only if it was made from the schema and
 * the AJV this code would compile (its fingerprint); otherwise, as when the sources run directly, the
 * schema is compiled here.
 */
export class OpenApiSchemas {
  private readonly compiled = new Map<string, ValidateFunction>();

  /** `schemas: 'dialect'` checks 3.1 Schema Objects against JSON Schema 2020-12; `'any'` only that they are objects or booleans. */
  validatorFor(minor: OpenApiMinor, schemas: 'dialect' | 'any' = 'dialect'): ValidateFunction {
    const key: OpenApiSchemaKey = minor === '3.0' ? minor : `${minor} ${schemas}`;
    let validate = this.compiled.get(key);
    if (validate === undefined) {
      validate = precompiledValidator(key) ?? compileOpenApiSchema(key).validate;
      this.compiled.set(key, validate);
    }
    return validate;
  }

  validate(minor: OpenApiMinor, document: unknown): ErrorObject[] {
    const validate = this.validatorFor(minor, usesKnownDialect(document) ? 'dialect' : 'any');
    return validate(document) ? [] : [...(validate.errors ?? [])];
  }
}

/** Where the build writes the key's precompiled validator (a CommonJS module of AJV's standalone code). */
export const precompiledFile = (key: OpenApiSchemaKey): URL => new URL(`./openapi-schemas/${key.replace(' ', '-')}.cjs`, import.meta.url);

function precompiledValidator(key: OpenApiSchemaKey): ValidateFunction | undefined {
  const file = fileURLToPath(precompiledFile(key));
  if (!existsSync(file)) return undefined;
  const module = require(file) as ValidateFunction & { fingerprint?: string };
  return module.fingerprint === openApiSchemaFingerprint(key) ? module : undefined;
}
