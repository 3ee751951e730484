import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type * as OpenApiSchemaModule from '../generator/src/load/openapi-schema.js';
import { compileOpenApiSchema, openApiSchemaKeys, type OpenApiSchemaKey } from '../generator/src/load/openapi-schema-sources.js';
import { fixturesDir, invalidFixturesDir, repoRoot } from './support/paths.js';

/**
 * The build precompiles the OpenAPI schema validators (precompile-openapi-schemas.ts; `make` builds
 * before the tests). They must judge every document as the schema compiled at run time from the official
 * files does, error for error, and be set aside when they were made from something else.
 */
const require = createRequire(import.meta.url);
const built = path.join(repoRoot, 'generator/dist/load');
const load = async (folder: string) =>
  (await import(pathToFileURL(path.join(folder, 'openapi-schema.js')).href)) as typeof OpenApiSchemaModule;
const { OpenApiSchemas, precompiledFile } = await load(built);

const validatorOf = (schemas: InstanceType<typeof OpenApiSchemas>, key: OpenApiSchemaKey) =>
  key === '3.0' ? schemas.validatorFor('3.0') : schemas.validatorFor('3.1', key === '3.1 dialect' ? 'dialect' : 'any');

const yamlDocument = (file: string) => parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

/** Documents of each version, valid and broken in the ways a spec breaks. */
function documents(key: OpenApiSchemaKey): unknown[] {
  const base =
    key === '3.0'
      ? [require('@octokit/openapi/generated/api.github.com.json') as Record<string, unknown>]
      : ['paysafe', 'enfuce', 'gateway'].map((provider) => yamlDocument(path.join(repoRoot, 'specs', provider, 'openapi.yaml')));
  const broken = base.flatMap((document) => {
    const schemas = (document.components as { schemas: Record<string, Record<string, unknown>> }).schemas;
    const [first] = Object.keys(schemas);
    return [
      { ...document, info: undefined },
      { ...document, paths: 3, extra: true },
      { ...document, openapi: 3.1 },
      {
        ...document,
        components: {
          ...(document.components as object),
          schemas: { ...schemas, [first!]: { ...schemas[first!], type: 'strin', maxLength: -1 } },
        },
      },
    ];
  });
  const invalid = ['openapi-schema.yaml', 'many-problems.yaml'].map((name) => yamlDocument(path.join(invalidFixturesDir, name)));
  return [...base, ...broken, ...invalid, ...[yamlDocument(path.join(fixturesDir, 'object-basic.yaml'))]];
}

describe('the precompiled OpenAPI schema validators', () => {
  it.each(openApiSchemaKeys)('%s: is the one used, and judges every document as the schema compiled here', (key) => {
    const precompiled = require(fileURLToPath(precompiledFile(key))) as unknown;
    const used = validatorOf(new OpenApiSchemas(), key);
    expect(used).toBe(precompiled);
    const { validate: compiled } = compileOpenApiSchema(key);
    const verdicts = documents(key).map((document) => {
      const ours = [used(document), structuredClone(used.errors ?? null)];
      const reference = [compiled(document), structuredClone(compiled.errors ?? null)];
      expect(ours).toEqual(reference);
      return ours[0];
    });
    // Valid and invalid documents alike.
    expect(new Set(verdicts)).toEqual(new Set([true, false]));
  });

  const stale = path.join(repoRoot, '.tmp', 'openapi-schemas-stale');
  afterAll(() => rmSync(stale, { recursive: true, force: true }));

  it('is set aside for a compilation here when it was made from another schema or AJV', async () => {
    rmSync(stale, { recursive: true, force: true });
    cpSync(path.join(repoRoot, 'generator/dist'), stale, { recursive: true });
    const file = fileURLToPath(new URL('./openapi-schemas/3.0.cjs', pathToFileURL(path.join(stale, 'load/openapi-schema.js'))));
    writeFileSync(file, readFileSync(file, 'utf8').replace(/fingerprint = "[0-9a-f]+"/, 'fingerprint = "another"'));
    const copy = await load(path.join(stale, 'load'));
    const used = validatorOf(new copy.OpenApiSchemas(), '3.0');
    expect(used).not.toBe(require(file));
    expect(used(documents('3.0')[0])).toBe(true);
    expect(used({ openapi: '3.0.3' })).toBe(false);
  });
});
