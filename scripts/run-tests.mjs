#!/usr/bin/env node
// Runs the vitest suite and ends with one plain summary line ("N passed, N failed, N skipped"),
// which CI reads to know that tests ran.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

mkdirSync('.tmp', { recursive: true });
const report = '.tmp/vitest-report.json';
const run = spawnSync(
  process.execPath,
  [
    'node_modules/vitest/vitest.mjs',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
);
let summary = 'vitest: no report written';
try {
  const result = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = result.numPendingTests + result.numTodoTests;
  // A file that fails before its tests run (a throwing beforeAll, an import error) has no failed test:
  // it counts as one failure, so the line never says "0 failed" for a red run.
  const brokenFiles = result.testResults.filter(
    (file) => file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'),
  ).length;
  summary = `${result.numPassedTests} passed, ${result.numFailedTests + brokenFiles} failed, ${skipped} skipped`;
} catch {
  // The summary says that no report was written; the exit code below says the rest.
}
console.log(`\ntests: ${summary}`);
process.exit(run.status ?? 1);
