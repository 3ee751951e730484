#!/usr/bin/env node
// Client benchmark: requests per second of one GET (Enfuce getCard) through (a) plain fetch, (b) openapi-fetch,
// (c) the specsmith client with validation off and (d) with request and response validation on. Once with an
// in-process fetch that returns a ready Response (the libraries' own overhead), once against a local node:http
// server in another process. This machine's speed swings 2x every few seconds, so the four run in short
// alternating slices (order shuffled each round), each round yields ratios to openapi-fetch, and the table
// reports medians.
import { fork } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import createOpenApiFetch from 'openapi-fetch';
import * as enfuce from '../../generated/enfuce/index.js';
import { writeSection } from '../results.mjs';
import { cardBody as body } from './card.mjs';

const rounds = Number(process.env.BENCH_ROUNDS ?? 20);
const sliceMs = 60;
const auth = { username: 'bench', password: 'secret' };
const authorization = `Basic ${Buffer.from('bench:secret').toString('base64')}`;
const input = { path: { id: '1234567' }, query: { auditUser: 'bench' } };

/** The four ways to make the call, against one base URL and one fetch. */
function contenders(baseUrl, fetchImpl) {
  const openapiFetch = createOpenApiFetch({ baseUrl, fetch: fetchImpl, headers: { authorization } });
  const off = enfuce.createClient({ baseUrl, fetch: fetchImpl, auth, validateRequests: false, validateResponses: false });
  const on = enfuce.createClient({ baseUrl, fetch: fetchImpl, auth });
  return {
    'plain fetch': async () => {
      const response = await fetchImpl(`${baseUrl}/v4/1234567?auditUser=bench`, { headers: { authorization, accept: 'application/json' } });
      return response.json();
    },
    'openapi-fetch': async () =>
      (await openapiFetch.GET('/v4/{id}', { params: { path: { id: '1234567' }, query: { auditUser: 'bench' } } })).data,
    'specsmith, validation off': async () => (await off.getCard(input)).data,
    'specsmith, validation on': async () => (await on.getCard(input)).data,
  };
}

/** Calls per second over one slice, `concurrency` calls in flight. */
async function slice(call, concurrency) {
  let count = 0;
  const end = performance.now() + sliceMs;
  const worker = async () => {
    while (performance.now() < end) {
      await call();
      count++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return (count * 1000) / (performance.now() - started);
}

async function measure(calls, concurrency) {
  const names = Object.keys(calls);
  for (const name of names) for (let warm = 0; warm < 3; warm++) await slice(calls[name], concurrency);
  const ratios = Object.fromEntries(names.map((name) => [name, []]));
  const rates = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    const order = [...names].sort(() => Math.random() - 0.5);
    const got = {};
    for (const name of order) got[name] = await slice(calls[name], concurrency);
    for (const name of names) {
      rates[name].push(got[name]);
      ratios[name].push(got[name] / got['openapi-fetch']);
    }
  }
  return Object.fromEntries(
    names.map((name) => [
      name,
      { rate: median(rates[name]), ratio: median(ratios[name]), toFetch: medianOf(rates[name], rates['plain fetch']) },
    ]),
  );
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const medianOf = (values, baseline) => median(values.map((value, index) => value / baseline[index]));

const ready = () => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
const inProcess = await measure(
  contenders('http://bench.invalid', async () => ready()),
  1,
);

const server = fork(path.join(import.meta.dirname, 'server.mjs'), { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
const [chunk] = await once(server.stdout, 'data');
const port = Number(String(chunk).trim());
const local = await measure(contenders(`http://127.0.0.1:${port}`, globalThis.fetch), 4);
server.disconnect();

const rows = (results) =>
  Object.entries(results)
    .map(
      ([name, { rate, ratio, toFetch }]) =>
        `| ${name} | ${Math.round(rate).toLocaleString('en')} | ${ratio.toFixed(2)}× | ${toFetch.toFixed(2)}× |`,
    )
    .join('\n');
const table = (title, results) =>
  `${title}\n\n| | calls/s (median) | to openapi-fetch | to plain fetch |\n| --- | --- | --- | --- |\n${rows(results)}\n`;

const text = `## Client

\`node bench/client/run.mjs\`: one GET (Enfuce \`getCard\`, a path and a query parameter, HTTP Basic, a small JSON
card back), ${rounds} rounds of ${sliceMs} ms slices, the four contenders interleaved in shuffled order each round;
ratios are per-round medians. openapi-fetch ${(await import('openapi-fetch/package.json', { with: { type: 'json' } })).default.version} is the anchor (at run time its
types play no part). Node ${process.version}.

${table('In-process fetch returning a ready `Response` (library overhead only), one call at a time:', inProcess)}
${table('Against a local `node:http` server in another process, keep-alive, four calls in flight:', local)}
Targets (issue #28, in-process): validation off at least 1.4× openapi-fetch, validation on at least 1.3×; against the
local server, validation on within 5% of plain fetch. Against the server the ratios move by about ±10% between
runs here (the server and the client share two cores); the in-process table is the steadier measure of overhead.
`;
console.log(text);
await writeSection('client', text);
