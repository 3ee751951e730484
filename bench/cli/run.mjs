#!/usr/bin/env node
// `specsmith validate` start-up: the wall time of one run on a small valid file, first run over a spec
// (compiles, fills the cache) and later runs (cache hit), against `node -e 0` as the floor. The three
// run in turn, round after round (this machine's speed swings 2x every few seconds), and the table
// reports medians and each row's ratio to the floor within its round.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { writeSection } from '../results.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const rounds = Number(process.env.BENCH_ROUNDS ?? 15);
const work = path.join(root, '.tmp/bench-cli');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const input = path.join(work, 'person.json');
const person = parse(readFileSync(path.join(root, 'specs/paysafe/openapi.yaml'), 'utf8')).components.schemas.CustomerPerson.example;
writeFileSync(input, JSON.stringify(person));
const args = ['generator/dist/cli/main.js', 'validate', '--spec', 'specs/paysafe/openapi.yaml', '--schema', 'CustomerPerson', input];

/** Wall seconds of one run; a failed run stops the benchmark. */
function timed(command, env = {}) {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, command, { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) throw new Error(`${command.join(' ')} failed:\n${run.stdout}${run.stderr}`);
  return seconds;
}

const rows = {
  'node -e 0 (the floor)': () => timed(['-e', '0']),
  'first run over the spec (compiles, writes the cache)': (round) => timed(args, { SPECSMITH_CACHE_DIR: path.join(work, `cold-${round}`) }),
  'later runs (cache hit)': () => timed(args, { SPECSMITH_CACHE_DIR: path.join(work, 'warm') }),
};
timed(args, { SPECSMITH_CACHE_DIR: path.join(work, 'warm') });

const times = Object.fromEntries(Object.keys(rows).map((name) => [name, []]));
const ratios = Object.fromEntries(Object.keys(rows).map((name) => [name, []]));
for (let round = 0; round < rounds; round += 1) {
  const measured = Object.fromEntries(Object.entries(rows).map(([name, run]) => [name, run(round)]));
  for (const name of Object.keys(rows)) {
    times[name].push(measured[name]);
    ratios[name].push(measured[name] / measured['node -e 0 (the floor)']);
  }
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const table = [
  '| run | median wall | ratio to `node -e 0` |',
  '| --- | ---: | ---: |',
  ...Object.keys(rows).map((name) => `| ${name} | ${median(times[name]).toFixed(3)} s | ${median(ratios[name]).toFixed(2)}× |`),
].join('\n');
console.log(table);
await writeSection(
  'cli',
  `## \`specsmith validate\` start-up\n\nOne valid \`CustomerPerson\` file checked against specs/paysafe/openapi.yaml; median of ${rounds} rounds, the three runs in turn each round. Target: well under half a second.\n\n${table}\n`,
);
