#!/usr/bin/env node
// `specsmith mock` start-up: wall time from spawning the CLI to the line that prints its URL, and its peak
// memory, per curated spec and for GitHub REST's description (1,000+ operations), against `node -e 0` as the
// floor, round after round (this machine's speed swings 2x every few seconds). Targets: the curated specs
// well under a second; GitHub REST within 1.5 s and 300 MB.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeSection } from '../results.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const rounds = Number(process.env.BENCH_ROUNDS ?? 10);
const specs = {
  enfuce: 'specs/enfuce/openapi.yaml',
  gateway: 'specs/gateway/openapi.yaml',
  paysafe: 'specs/paysafe/openapi.yaml',
  'GitHub REST': 'node_modules/@octokit/openapi/generated/api.github.com.json',
};

function floor() {
  const started = performance.now();
  spawnSync(process.execPath, ['-e', '0']);
  return (performance.now() - started) / 1000;
}

/** Seconds until the mock prints its URL, and its peak resident memory then; then it is stopped with SIGTERM. */
function start(provider) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const args = ['generator/dist/cli/main.js', 'mock', '--spec', specs[provider], '--port', '0'];
    const child = spawn(process.execPath, args, { cwd: root });
    let printed = '';
    child.stdout.on('data', (chunk) => {
      printed += chunk;
      if (!/ at http:\S+\n/.test(printed)) return;
      const seconds = (performance.now() - started) / 1000;
      const peak = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
      child.kill('SIGTERM');
      child.once('exit', () => resolve({ seconds, peak }));
    });
    child.once('exit', (code) => code !== null && code !== 0 && reject(new Error(`mock ${provider} exited ${code}`)));
  });
}

const names = Object.keys(specs);
const times = Object.fromEntries(['floor', ...names].map((name) => [name, []]));
const peaks = Object.fromEntries(names.map((name) => [name, []]));
for (let round = 0; round < rounds; round++) {
  times.floor.push(floor());
  for (const provider of names) {
    const { seconds, peak } = await start(provider);
    times[provider].push(seconds);
    peaks[provider].push(peak);
  }
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ratio = (name) => median(times[name].map((value, index) => value / times.floor[index]));
const table = [
  '| spec | median to the printed URL | ratio to `node -e 0` | peak memory |',
  '| --- | ---: | ---: | ---: |',
  `| \`node -e 0\` (the floor) | ${median(times.floor).toFixed(3)} s | 1.00× | |`,
  ...names.map(
    (provider) =>
      `| ${specs[provider]} | ${median(times[provider]).toFixed(3)} s | ${ratio(provider).toFixed(2)}× | ${Math.round(median(peaks[provider]) / 1e6)} MB |`,
  ),
].join('\n');
console.log(table);
await writeSection(
  'mock',
  `## \`specsmith mock\` start-up\n\nFrom spawning the CLI to its printed URL (the spec read and modelled, the port bound; each operation's validators are compiled on its first request), and the peak memory then; median of ${rounds} rounds. Targets: the curated specs well under a second; GitHub REST within 1.5 s and 300 MB.\n\n${table}\n`,
);
