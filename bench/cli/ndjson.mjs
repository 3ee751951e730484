#!/usr/bin/env node
// `specsmith validate --ndjson` throughput: lines of Paysafe `CustomerPerson` payloads piped through the
// CLI, against a Node process that reads the same lines and only `JSON.parse`s them (the floor any
// validator of JSON lines pays). Two inputs: every line valid, and one line in ten invalid (a misspelt
// occupation, whose result carries the worded issue: the closest value, the spec's line). Whole processes
// reading stdin, run in turn each round (this machine's speed swings 2x every few seconds); start-up
// (an empty input) is taken off, so the ratio is of rates; medians of the per-round ratios.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { writeSection } from '../results.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const rounds = Number(process.env.BENCH_ROUNDS ?? 7);
const lines = Number(process.env.BENCH_LINES ?? 80_000);
const work = path.join(root, '.tmp/bench-ndjson');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

const person = parse(readFileSync(path.join(root, 'specs/paysafe/openapi.yaml'), 'utf8')).components.schemas.CustomerPerson.example;
/** An input of `lines` payloads, one in `invalidEvery` invalid. */
function input(name, invalidEvery) {
  const file = path.join(work, `${name}.ndjson`);
  const payload = (index) =>
    index % invalidEvery === invalidEvery - 1
      ? { ...person, occupation: 'ENGINEERIN', externalId: `x${index}` }
      : { ...person, externalId: `x${index}` };
  writeFileSync(file, `${Array.from({ length: lines }, (_, index) => JSON.stringify(payload(index))).join('\n')}\n`);
  return file;
}
const inputs = { 'every line valid': input('valid', Infinity), 'one line in ten invalid': input('mixed', 10) };
const empty = path.join(work, 'empty.ndjson');
writeFileSync(empty, '');

const parseOnly = [
  '--input-type=module',
  '-e',
  [
    "import { createInterface } from 'node:readline';",
    'let count = 0;',
    'for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) if (line !== "") { JSON.parse(line); count++; }',
    'if (count < 0) console.log(count);',
  ].join('\n'),
];
const validate = [
  'generator/dist/cli/main.js',
  'validate',
  '--spec',
  'specs/paysafe/openapi.yaml',
  '--schema',
  'CustomerPerson',
  '--ndjson',
  '-',
];
const env = { ...process.env, SPECSMITH_CACHE_DIR: path.join(work, 'cache') };

/** Wall seconds of a process reading `file` on stdin, its output discarded (exit 1: some line was invalid). */
function timed(args, file) {
  const stdin = openSync(file, 'r');
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { cwd: root, env, stdio: [stdin, 'ignore', 'pipe'] });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  closeSync(stdin);
  if (run.status !== 0 && run.status !== 1) throw new Error(`${args.join(' ')} exited ${run.status}:\n${run.stderr}`);
  return seconds;
}

// The first run compiles the validator and fills the cache; rounds measure the runs a CI job repeats.
timed(validate, empty);
const results = Object.fromEntries(Object.keys(inputs).map((name) => [name, { parse: [], validate: [], ratio: [] }]));
for (let round = 0; round < rounds; round++) {
  for (const [name, file] of Object.entries(inputs)) {
    const parseRate = lines / (timed(parseOnly, file) - timed(parseOnly, empty));
    const validateRate = lines / (timed(validate, file) - timed(validate, empty));
    results[name].parse.push(parseRate);
    results[name].validate.push(validateRate);
    results[name].ratio.push(validateRate / parseRate);
  }
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const perSecond = (values) => `${Math.round(median(values) / 1000)}k lines/s`;
const table = [
  '| input | `JSON.parse` only | `specsmith validate --ndjson` | ratio | target |',
  '| --- | ---: | ---: | ---: | --- |',
  ...Object.entries(results).map(
    ([name, { parse: parsed, validate: validated, ratio }], index) =>
      `| ${name} | ${perSecond(parsed)} | ${perSecond(validated)} | ${median(ratio).toFixed(2)}× | ${index === 0 ? 'at least 0.6×' : ''} |`,
  ),
].join('\n');
console.log(table);
await writeSection(
  'ndjson',
  `## \`specsmith validate --ndjson\` throughput\n\n\`node bench/cli/ndjson.mjs\`: ${lines.toLocaleString('en')} lines of Paysafe \`CustomerPerson\` on stdin, a result line out for each; against a process that reads the same lines and only parses them. ${rounds} rounds, start-up (an empty input) taken off; medians of the per-round ratios. Target (issue #25): at least 0.6× on valid lines. An invalid line costs about 30 µs more than a valid one: its issue is worded (the closest enum value, the spec's line and page) and written with the allowed values.\n\n${table}\n`,
);
