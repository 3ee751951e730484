import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDocument, type LoadedDocument } from '../generator/src/load/load-document.js';
import { getAtPointer, parsePointer } from '../generator/src/util/json-pointer.js';
import { repoRoot } from './support/paths.js';
import { collectExamples, schemaCompiler } from './support/spec-examples.js';
import { violations } from './support/violations.js';

const specsDir = path.join(repoRoot, 'specs');
const providers = readdirSync(specsDir).filter((name) => existsSync(path.join(specsDir, name, 'openapi.yaml')));

type Json = Record<string, unknown>;

async function loadProvider(provider: string): Promise<LoadedDocument> {
  const result = await loadDocument({ entry: `specs/${provider}/openapi.yaml`, root: repoRoot });
  if (!result.ok) throw new Error(`specs/${provider} does not load: ${JSON.stringify(result.diagnostics, null, 2)}`);
  return result.loaded;
}

function at(document: unknown, pointer: string): unknown {
  return getAtPointer(document, parsePointer(pointer) ?? []);
}

it('covers the three curated providers', () => {
  expect(providers).toEqual(['enfuce', 'gateway', 'paysafe']);
});

describe.each(providers)('specs/%s', (provider) => {
  let loaded: LoadedDocument;
  beforeAll(async () => {
    loaded = await loadProvider(provider);
  });

  it('loads without warnings', async () => {
    const result = await loadDocument({ entry: `specs/${provider}/openapi.yaml`, root: repoRoot });
    expect(result.diagnostics).toEqual([]);
  });

  it('says in its description as many operations as it documents', () => {
    const counts = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
    const description = String(at(loaded.document, '/info/description'));
    const said = [...description.matchAll(/\b(one|two|three|four|five|six|seven|eight|nine|ten)\b[^.]*?\boperations?\b/gi)];
    const paths = (loaded.document as Json).paths as Record<string, Json>;
    const operations = Object.values(paths).flatMap((item) => Object.values(item).filter((value) => (value as Json)?.operationId));
    for (const [, word] of said) expect(counts.indexOf(word!.toLowerCase()) + 1, description).toBe(operations.length);
  });

  it('every example satisfies the schema it illustrates', () => {
    const examples = collectExamples(loaded.document);
    const compile = schemaCompiler(loaded);
    const failures = examples.flatMap(({ pointer, value, schemaPointer }) => {
      const validate = compile(schemaPointer);
      return validate(value) ? [] : [{ pointer, errors: validate.errors?.map((error) => `${error.instancePath} ${error.message}`) }];
    });
    expect(failures).toEqual([]);
    expect(examples.length).toBeGreaterThan(15);
  });

  it('every component schema and every operation has an example', () => {
    const document = loaded.document as Json;
    const schemas = (at(document, '/components/schemas') ?? {}) as Json;
    const schemasWithout = Object.entries(schemas)
      .filter(([, schema]) => !hasOwnExample(schema))
      .map(([name]) => name);
    expect(schemasWithout).toEqual([]);

    const operationsWithout = operationsOf(document).filter(({ operation }) => !operationHasExample(operation, loaded));
    expect(operationsWithout.map(({ id }) => id)).toEqual([]);
  });
});

function hasOwnExample(schema: unknown): boolean {
  return typeof schema === 'object' && schema !== null && ('example' in schema || 'examples' in schema);
}

function operationsOf(document: Json): { id: string; operation: Json }[] {
  const paths = (document.paths ?? {}) as Record<string, Json>;
  return Object.values(paths).flatMap((item) =>
    ['get', 'put', 'post', 'delete', 'patch']
      .filter((method) => item[method] !== undefined)
      .map((method) => ({ id: String((item[method] as Json).operationId), operation: item[method] as Json })),
  );
}

/** The request body (when there is one) and the first 2xx response each show an example, on the media type or its schema. */
function operationHasExample(operation: Json, loaded: LoadedDocument): boolean {
  const mediaShowsExample = (holder: unknown): boolean => {
    const content = (loaded.resolver.deref(holder) as Json | undefined)?.content as Record<string, Json> | undefined;
    return Object.values(content ?? {}).some(
      (media) => 'example' in media || 'examples' in media || hasOwnExample(loaded.resolver.deref(media.schema)),
    );
  };
  const responses = (operation.responses ?? {}) as Json;
  const success = Object.keys(responses).find((status) => status.startsWith('2'));
  const bodyOk = operation.requestBody === undefined || mediaShowsExample(operation.requestBody);
  // A success documented without a body (Paysafe's createWallet 201) has nothing to show.
  const answer = success === undefined ? undefined : (loaded.resolver.deref(responses[success]) as Json | undefined);
  return bodyOk && answer !== undefined && (answer.content === undefined || mediaShowsExample(answer));
}

describe('the curated schemas reject what the docs rule out', () => {
  const loads = new Map<string, Promise<LoadedDocument>>();
  const loadOnce = (provider: string) => loads.get(provider) ?? loads.set(provider, loadProvider(provider)).get(provider)!;

  it.each(violations)('$provider $schema: $why', async ({ provider, schema, change, keyword }) => {
    const loaded = await loadOnce(provider);
    const pointer = `/components/schemas/${schema}`;
    const validate = schemaCompiler(loaded)(pointer);
    const example = structuredClone(at(loaded.document, `${pointer}/example`)) as Json;
    expect(validate(example)).toBe(true);
    change(example);
    expect(validate(example)).toBe(false);
    expect(validate.errors?.map((error) => error.keyword)).toContain(keyword);
  });
});
