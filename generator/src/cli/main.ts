#!/usr/bin/env node
import { untilStopped } from './until-stopped.js';

// The commands that run until stopped take SIGINT and SIGTERM from the first moment (exit 0), not only
// once their spec is loaded.
if (process.argv[2] === 'mock' || process.argv[2] === 'proxy') untilStopped();
const { runCli } = await import('./run-cli.js');
process.exitCode = await runCli(process.argv.slice(2));
