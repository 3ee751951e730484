import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from './paths.js';

type Json = Record<string, unknown>;

/** A fresh copy of the `example` a curated spec gives a component schema. */
export function curatedExample(provider: string, schema: string): Json {
  const document = parse(readFileSync(path.join(repoRoot, `specs/${provider}/openapi.yaml`), 'utf8')) as {
    components: { schemas: Record<string, { example?: unknown }> };
  };
  return structuredClone(document.components.schemas[schema]?.example) as Json;
}

/**
 * One documented rule broken at a time, starting from a schema's own (valid) example: the curated
 * schemas (test/curated-specs.test.ts), the generated validators (test/validators.test.ts) and
 * `specsmith validate` (test/cli.test.ts) must all reject each value for that rule's keyword.
 */
export const violations: { provider: string; schema: string; why: string; change: (example: Json) => void; keyword: string }[] = [
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
  {
    provider: 'gateway',
    schema: 'IndividualCustomer',
    why: 'an empty PEP explanation',
    change: (e) => (e.pepExplanation = ''),
    keyword: 'minLength',
  },
];
