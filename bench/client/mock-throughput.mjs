#!/usr/bin/env node
// `specsmith mock` under load: requests per second against a bare node:http server that parses the same
// JSON body and answers 201 (the floor any mock pays), stateless and `--stateful`. Each server runs in a
// child process; one load generator here keeps 10 keep-alive connections busy for a few seconds per round;
// the servers take turns round after round and the ratio is taken per round (this machine's speed swings
// 2x every few seconds). Target: the mock at 0.6x the bare server or better.
import { spawn } from 'node:child_process';
import { request, Agent } from 'node:http';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { writeSection } from '../results.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const rounds = Number(process.env.BENCH_ROUNDS ?? 4);
const seconds = Number(process.env.BENCH_SECONDS ?? 3);
const connections = 10;
const spec = parse(readFileSync(path.join(root, 'specs/enfuce/openapi.yaml'), 'utf8'));
const body = JSON.stringify(spec.components.schemas.PrivateCustomer.example);
const headers = { 'content-type': 'application/json', authorization: `Basic ${Buffer.from('bench:bench').toString('base64')}` };

const bare = `
  import { createServer } from 'node:http';
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const value = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ description: 'Customer created', id: String(Object.keys(value).length) }));
    });
  });
  server.listen(0, '127.0.0.1', () => console.log('specsmith mock: bare at http://127.0.0.1:' + server.address().port));
  process.on('SIGTERM', () => server.close(() => process.exit(0)));`;

const servers = {
  'bare node:http': ['--input-type=module', '-e', bare],
  'specsmith mock': ['generator/dist/cli/main.js', 'mock', '--spec', 'specs/enfuce/openapi.yaml', '--port', '0'],
  'specsmith mock --stateful': ['generator/dist/cli/main.js', 'mock', '--spec', 'specs/enfuce/openapi.yaml', '--port', '0', '--stateful'],
};

function startServer(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let printed = '';
    child.stdout.on('data', (chunk) => {
      printed += chunk;
      const url = / at (http:\S+)\n/.exec(printed)?.[1];
      if (url !== undefined) {
        child.stdout.removeAllListeners('data');
        child.stdout.resume();
        resolve({ child, url });
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${printed}`)));
  });
}

/** Requests answered 201 per second over `seconds`, from `connections` loops on keep-alive sockets. */
async function load(url) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const target = new URL('/v3/PRIVATE?auditUser=bench', url);
  const deadline = performance.now() + seconds * 1000;
  let done = 0;
  const one = () =>
    new Promise((resolve, reject) => {
      const sent = request(target, { method: 'POST', agent, headers }, (response) => {
        if (response.statusCode !== 201) reject(new Error(`answered ${response.statusCode}`));
        response.resume();
        response.on('end', resolve);
      });
      sent.on('error', reject);
      sent.end(body);
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        await one();
        done += 1;
      }
    }),
  );
  agent.destroy();
  return done / ((performance.now() - started) / 1000);
}

const rates = Object.fromEntries(Object.keys(servers).map((name) => [name, []]));
for (let round = 0; round < rounds; round++) {
  for (const [name, args] of Object.entries(servers)) {
    const { child, url } = await startServer(args);
    await load(url); // warm-up: the first requests compile and fill caches
    rates[name].push(await load(url));
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ratios = (name) => rates[name].map((rate, index) => rate / rates['bare node:http'][index]);
const table = [
  '| server | median requests/s | per-round ratio to bare node:http (median, range) |',
  '| --- | ---: | ---: |',
  ...Object.keys(servers).map((name) => {
    const r = ratios(name);
    return `| ${name} | ${Math.round(median(rates[name]))} | ${median(r).toFixed(2)}× (${Math.min(...r).toFixed(2)}–${Math.max(...r).toFixed(2)}) |`;
  }),
].join('\n');
console.log(table);
await writeSection(
  'mock-throughput',
  `## \`specsmith mock\` under load\n\nPOST /v3/PRIVATE (Enfuce's createPrivateCustomer: security, every part validated, the documented answer) from ${connections} keep-alive connections for ${seconds} s, after a warm-up; ${rounds} rounds, the servers taking turns. The floor is a bare node:http server that parses the same JSON body and answers 201. Target: 0.6× or better.\n\n${table}\n`,
);
