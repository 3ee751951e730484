#!/usr/bin/env node
// `specsmith mock` start-up: wall time from spawning the CLI to the line that prints its URL, per curated spec,
// against `node -e 0` as the floor, round after round (this machine's speed swings 2x every few seconds).
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { writeSection } from '../results.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const rounds = Number(process.env.BENCH_ROUNDS ?? 10);
const specs = ['enfuce', 'gateway', 'paysafe'];

function floor() {
  const started = performance.now();
  spawnSync(process.execPath, ['-e', '0']);
  return (performance.now() - started) / 1000;
}

/** Seconds until the mock prints its URL; then it is stopped with SIGTERM. */
function start(provider) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const args = ['generator/dist/cli/main.js', 'mock', '--spec', `specs/${provider}/openapi.yaml`, '--port', '0'];
    const child = spawn(process.execPath, args, { cwd: root });
    let printed = '';
    child.stdout.on('data', (chunk) => {
      printed += chunk;
      if (!/ at http:\S+\n/.test(printed)) return;
      const seconds = (performance.now() - started) / 1000;
      child.kill('SIGTERM');
      child.once('exit', () => resolve(seconds));
    });
    child.once('exit', (code) => code !== null && code !== 0 && reject(new Error(`mock ${provider} exited ${code}`)));
  });
}

const times = Object.fromEntries(['floor', ...specs].map((name) => [name, []]));
for (let round = 0; round < rounds; round++) {
  times.floor.push(floor());
  for (const provider of specs) times[provider].push(await start(provider));
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ratio = (name) => median(times[name].map((value, index) => value / times.floor[index]));
const table = [
  '| spec | median to the printed URL | ratio to `node -e 0` |',
  '| --- | ---: | ---: |',
  `| \`node -e 0\` (the floor) | ${median(times.floor).toFixed(3)} s | 1.00× |`,
  ...specs.map(
    (provider) => `| specs/${provider}/openapi.yaml | ${median(times[provider]).toFixed(3)} s | ${ratio(provider).toFixed(2)}× |`,
  ),
].join('\n');
console.log(table);
await writeSection(
  'mock',
  `## \`specsmith mock\` start-up\n\nFrom spawning the CLI to its printed URL (the spec read, its validators compiled, the port bound); median of ${rounds} rounds. Target: well under a second.\n\n${table}\n`,
);
