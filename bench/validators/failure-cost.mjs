#!/usr/bin/env node
// The cost of a failure: a one-error `assert*` (a misspelt occupation, whose message suggests the closest
// value; a too-long zip) against constructing a plain `Error`, and the Standard Schema object against `is*`
// on the same payloads. Interleaved rounds (this machine's speed swings 2x every few seconds); medians of
// the per-round ratios.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import * as paysafe from '../../generated/paysafe/index.js';
import { writeSection } from '../results.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const rounds = Number(process.env.BENCH_ROUNDS ?? 30);
const person = parse(readFileSync(path.join(root, 'specs/paysafe/openapi.yaml'), 'utf8')).components.schemas.CustomerPerson.example;
const misspelt = { ...person, occupation: 'ENGINEERIN' };
const tooLong = { ...person, zip: 'x'.repeat(40) };
const standard = paysafe.CustomerPersonSchema['~standard'];
const caught = (value) => {
  try {
    paysafe.assertCustomerPerson(value);
  } catch (error) {
    return error;
  }
  throw new Error('the payload was expected to fail');
};

/** Microseconds per call over a slice. */
function perCall(fn, calls = 4000) {
  const started = performance.now();
  for (let index = 0; index < calls; index++) fn();
  return ((performance.now() - started) * 1000) / calls;
}

const runs = {
  error: () => new Error('plain'),
  assertMisspelt: () => caught(misspelt),
  assertTooLong: () => caught(tooLong),
  isValid: () => paysafe.isCustomerPerson(person),
  standardValid: () => standard.validate(person),
  isInvalid: () => paysafe.isCustomerPerson(misspelt),
  standardInvalid: () => standard.validate(misspelt),
};
for (const run of Object.values(runs)) perCall(run, 20_000);
const times = Object.fromEntries(Object.keys(runs).map((name) => [name, []]));
for (let round = 0; round < rounds; round++) for (const [name, run] of Object.entries(runs)) times[name].push(perCall(run));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ratio = (name, base) => median(times[name].map((value, index) => value / times[base][index]));
const us = (name) => `${median(times[name]).toFixed(2)} µs`;
const table = [
  '| call | median | ratio | target |',
  '| --- | ---: | ---: | --- |',
  `| \`new Error()\` | ${us('error')} | 1.00× | |`,
  `| \`assertCustomerPerson\`, misspelt occupation | ${us('assertMisspelt')} | ${ratio('assertMisspelt', 'error').toFixed(2)}× a plain Error | at most 2× |`,
  `| \`assertCustomerPerson\`, too-long zip | ${us('assertTooLong')} | ${ratio('assertTooLong', 'error').toFixed(2)}× a plain Error | at most 2× |`,
  `| \`isCustomerPerson\`, valid | ${us('isValid')} | 1.00× | |`,
  `| Standard Schema \`validate\`, valid | ${us('standardValid')} | ${ratio('standardValid', 'isValid').toFixed(2)}× \`is*\` | at most 5× |`,
  `| \`isCustomerPerson\`, misspelt occupation | ${us('isInvalid')} | 1.00× | |`,
  `| Standard Schema \`validate\`, misspelt occupation | ${us('standardInvalid')} | ${ratio('standardInvalid', 'isInvalid').toFixed(2)}× \`is*\` | at most 5× |`,
].join('\n');
console.log(table);
await writeSection(
  'failure-cost',
  `## The cost of a failure\n\n\`node bench/validators/failure-cost.mjs\`: Paysafe \`CustomerPerson\` with one error, ${rounds} interleaved rounds, medians of per-round ratios. Messages (the closest enum value, the place in the spec) are worded when first read, so the numbers are what catching the error costs.\n\n${table}\n`,
);
