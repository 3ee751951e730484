import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDocument, type LoadedDocument } from '../generator/src/load/load-document.js';
import { getAtPointer, parsePointer } from '../generator/src/util/json-pointer.js';
import { repoRoot } from './support/paths.js';
import { collectExamples, schemaCompiler } from './support/spec-examples.js';

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
  return bodyOk && success !== undefined && mediaShowsExample(responses[success]);
}

/**
 * The schemas reject what the pages rule out. Each case starts from a schema's own (valid) example and
 * breaks one documented rule; the compiled schema must reject it for that rule's keyword.
 */
const violations: { provider: string; schema: string; why: string; change: (example: Json) => void; keyword: string }[] = [
  {
    provider: 'enfuce',
    schema: 'PrivateCustomer',
    why: 'misspelled property',
    change: (e) => (e.firstname = 'Matti'),
    keyword: 'additionalProperties',
  },
  { provider: 'enfuce', schema: 'PrivateCustomer', why: 'locale in the wrong case', change: (e) => (e.locale = 'fi_fi'), keyword: 'enum' },
  {
    provider: 'enfuce',
    schema: 'PrivateCustomer',
    why: 'first name of 256 characters',
    change: (e) => (e.firstName = 'M'.repeat(256)),
    keyword: 'maxLength',
  },
  {
    provider: 'enfuce',
    schema: 'PrivateCustomer',
    why: 'eleven additional values',
    change: (e) => (e.additionalValues = Array.from({ length: 11 }, (_, i) => ({ key: `k${i}`, value: 'v' }))),
    keyword: 'maxItems',
  },
  { provider: 'enfuce', schema: 'PrivateCustomer', why: 'alpha-2 nationality', change: (e) => (e.nationality = ['FI']), keyword: 'anyOf' },
  {
    provider: 'enfuce',
    schema: 'PrivateCustomer',
    why: 'phone without +',
    change: (e) => (e.mobileNumber = '0401234567'),
    keyword: 'pattern',
  },
  {
    provider: 'enfuce',
    schema: 'PrivateCustomer',
    why: 'February 29 of 1981',
    change: (e) => (e.dateOfBirth = '1981-02-29'),
    keyword: 'format',
  },
  {
    provider: 'enfuce',
    schema: 'McCard',
    why: 'a character outside the embossing set',
    change: (e) => ((e.embossing as Json).lastName = 'Łukasz'),
    keyword: 'pattern',
  },
  { provider: 'enfuce', schema: 'McCard', why: 'month 13', change: (e) => ((e.expiration as Json).month = 13), keyword: 'maximum' },
  {
    provider: 'paysafe',
    schema: 'CustomerPerson',
    why: 'first name of 51 characters',
    change: (e) => (e.firstName = 'J'.repeat(51)),
    keyword: 'maxLength',
  },
  {
    provider: 'paysafe',
    schema: 'CustomerPerson',
    why: 'a v1-only restriction reason in v2',
    change: (e) => ((e.restrictions as Json[])[0]!.reason = 'BLACKLIST'),
    keyword: 'enum',
  },
  {
    provider: 'paysafe',
    schema: 'Customer',
    why: 'a v2-only restriction name in v1',
    change: (e) => ((e.restrictions as Json[])[0]!.name = 'CRYPTO_TRANSACTIONS'),
    keyword: 'enum',
  },
  {
    provider: 'paysafe',
    schema: 'CustomerPerson',
    why: 'alpha-3 country code',
    change: (e) => (e.countryCode = 'GBR'),
    keyword: 'maxLength',
  },
  {
    provider: 'paysafe',
    schema: 'CustomerPerson',
    why: 'not an IPv4 address',
    change: (e) => (e.registrationIp = '999.1.1.1'),
    keyword: 'format',
  },
  { provider: 'paysafe', schema: 'CustomerPerson', why: 'empty external id', change: (e) => (e.externalId = ''), keyword: 'minLength' },
  {
    provider: 'paysafe',
    schema: 'CustomerPerson',
    why: 'occupation spelled correctly',
    change: (e) => (e.occupation = 'EDUCATION_AND_EDUCATIONAL_SERVICES'),
    keyword: 'enum',
  },
  {
    provider: 'paysafe',
    schema: 'CustomerPerson',
    why: 'a digit in the last name',
    change: (e) => (e.lastName = 'Smith2'),
    keyword: 'pattern',
  },
  {
    provider: 'gateway',
    schema: 'IndividualCustomer',
    why: 'PEP without an explanation',
    change: (e) => delete e.pepExplanation,
    keyword: 'required',
  },
  {
    provider: 'gateway',
    schema: 'IndividualCustomer',
    why: 'an unlisted occupation code',
    change: (e) => ((e.basicData as Json).occupation = '12'),
    keyword: 'enum',
  },
  {
    provider: 'gateway',
    schema: 'IndividualCustomer',
    why: 'alpha-3 nationality',
    change: (e) => ((e.basicData as Json).nationality = 'GBR'),
    keyword: 'enum',
  },
  {
    provider: 'gateway',
    schema: 'IndividualCustomer',
    why: 'five-digit calling code',
    change: (e) => (e.phoneCountryCode = '12345'),
    keyword: 'maxLength',
  },
  {
    provider: 'gateway',
    schema: 'IndividualCustomer',
    why: 'missing mainAddress',
    change: (e) => delete e.mainAddress,
    keyword: 'required',
  },
  {
    provider: 'gateway',
    schema: 'IndividualCustomer',
    why: 'a dot in the tax number',
    change: (e) => ((e.taxInformation as Json).taxNumber = 'QQ.12'),
    keyword: 'pattern',
  },
];

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
