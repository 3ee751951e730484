#!/usr/bin/env node
// What request signing (`x-request-signing`, Paysafe's createWallet) adds to a call: the same call with a
// 1 kB body through the generated client and an in-process `fetch`, signed (the Paysafe package) and
// unsigned (the same spec without `x-signed`, generated here), interleaved in blocks (this machine's speed
// swings 2x every few seconds); the difference per call is the signing cost.
// Target: at most 10 µs for a 1 kB body.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeSection } from '../results.mjs';

const root = path.resolve(import.meta.dirname, '../..');
// The same spec without `x-signed`, generated beside it: the same operation, unsigned.
const folder = mkdtempSync(path.join(tmpdir(), 'specsmith-signing-'));
const spec = JSON.parse(readFileSync(path.join(root, 'generated/paysafe/openapi.json'), 'utf8'));
delete spec.paths['/v2/wallets'].post['x-signed'];
writeFileSync(path.join(folder, 'openapi.json'), JSON.stringify(spec));
const cli = path.join(root, 'generator/dist/cli/main.js');
execFileSync(
  process.execPath,
  [cli, 'generate', '--spec', path.join(folder, 'openapi.json'), '--out', path.join(folder, 'unsigned'), '--name', 'unsigned'],
  {
    cwd: root,
  },
);
const signedPackage = await import(pathToFileURL(path.join(root, 'generated/paysafe/index.js')).href);
const unsignedPackage = await import(pathToFileURL(path.join(folder, 'unsigned/index.js')).href);
const key = Buffer.alloc(256, 7).toString('base64');
const body = { customer: { note: 'x'.repeat(1000) } };
const answer = () => Promise.resolve(new Response(null, { status: 201 }));
const common = { baseUrl: 'https://api.example.com', auth: { token: 't' }, fetch: answer, validateRequests: false };
const signed = signedPackage.createClient({ ...common, signing: { key } });
const unsigned = unsignedPackage.createClient(common);
const call = (client) => client.createWallet({ body });
const calls = 20_000;
const blocks = Number(process.env.BENCH_ROUNDS ?? 7);
const time = async (client) => {
  const started = performance.now();
  for (let index = 0; index < calls; index++) await call(client);
  return ((performance.now() - started) * 1000) / calls;
};
// Warm-up.
await time(signed);
await time(unsigned);
const differences = [];
for (let block = 0; block < blocks; block++) {
  const withSignature = await time(signed);
  const without = await time(unsigned);
  differences.push(withSignature - without);
}
const median = [...differences].sort((a, b) => a - b)[Math.floor(differences.length / 2)];
const table = [
  '| | µs per call (median of the per-block differences, range) |',
  '| --- | ---: |',
  `| signing a 1 kB body | ${median.toFixed(1)} (${Math.min(...differences).toFixed(1)}–${Math.max(...differences).toFixed(1)}) |`,
].join('\n');
console.log(table);
await writeSection(
  'signing',
  `## Request signing\n\nPaysafe's createWallet with a 1 kB body through the generated client and an in-process fetch, signed and unsigned (the same spec without \`x-signed\`), ${blocks} interleaved blocks of ${calls} calls: what signing adds per call. Target: at most 10 µs.\n\n${table}\n`,
);
