#!/usr/bin/env node
// Holds the validators to the newest AJV 8 on the registry: installs it in place of the locked one (no
// change to package.json or the lock), then runs the tests that compare the emitted checks with AJV and
// the ones that run the AJV fallback. `ajv` is a caret range (generator/package.json), so a new 8.x reaches
// users before the lock moves; this is how CI learns first. It changes node_modules while it runs (and puts
// the locked AJV back after); CI runs it last, in a scratch clone (.ci/run).
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import semver from 'semver';

const npm = (args, options = {}) => execFileSync('npm', args, { encoding: 'utf8', ...options });
// Every published 8.x, highest by semver (the registry lists them in publish order, not by version).
const listed = [JSON.parse(npm(['view', 'ajv@8', 'version', '--json']))].flat();
const newest = semver.maxSatisfying(listed, '^8.0.0');
const installed = () => JSON.parse(readFileSync('node_modules/ajv/package.json', 'utf8')).version;
const locked = installed();
if (newest !== locked) npm(['install', '--no-save', '--no-audit', '--no-fund', `ajv@${newest}`], { stdio: 'inherit' });
if (installed() !== newest) throw new Error(`ajv ${newest} did not install (node_modules holds ${installed()})`);
console.log(`ajv ${newest}, the newest 8.x (the lock holds ${locked})`);
const tests = [
  'test/conformance.test.ts',
  'test/construct-differential.test.ts',
  'test/construct-random-schemas.test.ts',
  'test/differential-as-written.test.ts',
  'test/validate-fallback.test.ts',
  'test/validators-differential.test.ts',
  'test/validators.test.ts',
];
const run = spawnSync(process.execPath, ['scripts/run-tests.mjs', ...tests], { stdio: 'inherit' });
// The locked AJV back in place, for a developer's tree (CI's scratch clone is thrown away).
if (newest !== locked) npm(['install', '--no-save', '--no-audit', '--no-fund', `ajv@${locked}`], { stdio: 'inherit' });
process.exit(run.status ?? 1);
