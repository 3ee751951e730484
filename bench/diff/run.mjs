#!/usr/bin/env node
// `specsmith diff` on two GitHub-sized specs (GitHub Enterprise Server 3.18 and 3.19, the two newest
// descriptions @octokit/openapi ships side by side), against loading both (read, parse, check): the diff
// should cost at most twice the load. Each measurement runs in a fresh process, loads and diffs alternate
// round after round, and the ratio is taken per round (this machine's speed swings 2x every few seconds).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { writeSection } from '../results.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const folder = path.join(root, 'node_modules/@octokit/openapi/generated');
const [old, next] = ['ghes-3.18.json', 'ghes-3.19.json'].map((name) => path.join(folder, name));

/** Milliseconds the child spends on one task, its imports done before the clock starts. */
function measure(task) {
  const script = `
    const { loadDocument } = await import(${JSON.stringify(path.join(root, 'generator/dist/load/load-document.js'))});
    const { OpenApiSchemas } = await import(${JSON.stringify(path.join(root, 'generator/dist/load/openapi-schema.js'))});
    const { diffSpecs } = await import(${JSON.stringify(path.join(root, 'generator/dist/diff/diff-specs.js'))});
    const started = performance.now();
    let count = 0;
    if (${JSON.stringify(task)} === 'load') {
      const schemas = new OpenApiSchemas();
      for (const entry of ${JSON.stringify([old, next])}) if ((await loadDocument({ entry, schemas })).ok) count += 1;
    } else {
      const result = await diffSpecs({ old: ${JSON.stringify(old)}, new: ${JSON.stringify(next)} });
      count = result.ok ? result.changes.length : -1;
    }
    console.log(JSON.stringify({ ms: performance.now() - started, count, rss: process.resourceUsage().maxRSS * 1024 }));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 1 << 26 }));
}

const runs = [];
for (let round = 0; round < rounds; round++) runs.push({ load: measure('load'), diff: measure('diff') });
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ratios = runs.map((run) => run.diff.ms / run.load.ms);
const table = [
  '| | median | per-round ratio to loading both (median, range) | peak RSS |',
  '| --- | ---: | ---: | ---: |',
  `| load both (read, parse, check) | ${(median(runs.map((run) => run.load.ms)) / 1000).toFixed(2)} s | 1.00× | ${Math.round(median(runs.map((run) => run.load.rss)) / 1e6)} MB |`,
  `| \`specsmith diff\` (${runs[0].diff.count} changes) | ${(median(runs.map((run) => run.diff.ms)) / 1000).toFixed(2)} s | ${median(ratios).toFixed(2)}× (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}) | ${Math.round(median(runs.map((run) => run.diff.rss)) / 1e6)} MB |`,
].join('\n');
console.log(table);
await writeSection(
  'diff',
  `## \`specsmith diff\` at GitHub scale\n\nGHES 3.18 → 3.19 (\`@octokit/openapi\`, 11 MB of JSON each); ${rounds} rounds, each task in a fresh process, loads and diffs alternating. Target: the diff within twice the time to load both.\n\n${table}\n`,
);
