#!/usr/bin/env node
// Valid-path cost of the validators emitted by construction (generator/src/emit/validators/construct),
// against AJV's compiled code on the same lowered schemas: today's package functions (AJV's standalone
// code, rewritten, called with `stop`) and AJV compiled at run time in first-error mode. Every example of
// the curated specs that AJV accepts is a payload. As in run.mjs, the implementations run in short
// alternating slices, each payload in a process of its own (a call site that had seen other payloads'
// functions would measure its own polymorphism), and each round gives ratios; the medians are printed. Not part of
// `make bench` yet: run `npm run build` first, then `node bench/validators/construct-valid-path.mjs`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { constructedBody, constructValidators } from '../../generator/dist/emit/validators/construct/construct-validators.js';
import { compiledModule, runtimeModule, templateExports } from '../../generator/dist/emit/validators/validator-modules.js';
import { collectValidators } from '../../generator/dist/emit/validators/validator-set.js';
import { parseDocument } from '../../generator/dist/ir/parse-document.js';
import { loadDocument } from '../../generator/dist/load/load-document.js';
import { formats } from '../../templates/validators/runtime.js';

const root = path.resolve(import.meta.dirname, '../..');
const rounds = Number(process.env.BENCH_ROUNDS ?? 20);
const sliceMs = 10;
const formatTypes = new Map(Object.entries(formats).map(([name, definition]) => [name, definition.type]));
const templates = ['runtime.js', 'api.js'].map((file) => readFileSync(path.join(root, 'templates/validators', file), 'utf8'));

async function constructedChecks(provider, set) {
  const constructed = constructValidators({
    defs: set.defs,
    entries: set.entries,
    formats: formatTypes,
    runtimeExports: templates.flatMap(templateExports),
  });
  const folder = path.join(root, '.tmp/bench-construct', provider);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'validators-runtime.js'), runtimeModule(templates, 'esm'));
  writeFileSync(path.join(folder, 'package.json'), '{"type":"module"}');
  const body = constructedBody(constructed);
  const file = path.join(folder, 'validators-compiled.js');
  writeFileSync(file, Buffer.concat(compiledModule({ header: '', body, entries: set.entries, format: 'esm' })));
  return import(pathToFileURL(file).href);
}

function ajvChecks(set) {
  const ajv = new Ajv2020({ allErrors: false, strict: false, allowUnionTypes: true });
  for (const [name, definition] of Object.entries(formats)) ajv.addFormat(name, definition);
  ajv.addSchema({ $id: 'bench', $defs: set.defs });
  return (def) => ajv.getSchema(`bench#/$defs/${encodeURIComponent(def)}`);
}

/** Calls `check` for about `sliceMs`; returns calls per second. */
function slice(check, value) {
  let calls = 0;
  const started = performance.now();
  let now = started;
  while (now - started < sliceMs) {
    for (let index = 0; index < 200; index++) if (!check(value)) throw new Error('a valid payload failed');
    calls += 200;
    now = performance.now();
  }
  return (calls * 1000) / (now - started);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const shuffle = (list) =>
  list
    .map((item) => [Math.random(), item])
    .sort((a, b) => a[0] - b[0])
    .map(([, item]) => item);

const scenarios = [];
for (const provider of ['paysafe', 'enfuce', 'gateway']) {
  const spec = `specs/${provider}/openapi.yaml`;
  const loaded = await loadDocument({ entry: spec, root });
  const set = collectValidators(parseDocument(loaded.loaded), formatTypes);
  const ours = await constructedChecks(provider, set);
  const today = await import(pathToFileURL(path.join(root, 'generated', provider, 'validators-compiled.js')).href);
  const ajv = ajvChecks(set);
  const schemas = parse(readFileSync(path.join(root, spec), 'utf8')).components?.schemas ?? {};
  for (const [name, written] of Object.entries(schemas)) {
    const reference = set.entries.some((entry) => entry.def === name) ? ajv(name) : undefined;
    if (written.example === undefined || reference === undefined || !reference(written.example) || today[name] === undefined) continue;
    scenarios.push({
      label: `${provider} ${name}`,
      value: structuredClone(written.example),
      checks: {
        ours: (value) => ours[name](value, '', true),
        today: (value) => today[name](value, '', true),
        ajv: (value) => reference(value),
      },
    });
  }
}

/** One payload's median ratios, measured in a process of its own so that every call site sees one function. */
function measure(scenario) {
  const ratios = { today: [], ajv: [] };
  for (let round = 0; round < rounds; round++) {
    const rates = Object.fromEntries(
      shuffle(Object.keys(scenario.checks)).map((name) => [name, slice(scenario.checks[name], scenario.value)]),
    );
    ratios.today.push(rates.ours / rates.today);
    ratios.ajv.push(rates.ours / rates.ajv);
  }
  return { payload: scenario.label, 'ours / today (AJV rewritten)': median(ratios.today), 'ours / AJV first-error': median(ratios.ajv) };
}

const only = process.argv.indexOf('--only');
if (only !== -1) {
  process.stdout.write(JSON.stringify(measure(scenarios[Number(process.argv[only + 1])])));
} else {
  const rows = scenarios.map((_, index) => {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--only', String(index)], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(child.stderr);
    return JSON.parse(child.stdout);
  });
  console.table(
    rows.map((row) =>
      Object.fromEntries(Object.entries(row).map(([key, value]) => [key, typeof value === 'number' ? value.toFixed(2) : value])),
    ),
  );
  const all = (key) => median(rows.map((row) => row[key]));
  console.log(
    `median over ${rows.length} payloads: ours/today ${all('ours / today (AJV rewritten)').toFixed(2)}, ours/AJV ${all('ours / AJV first-error').toFixed(2)}`,
  );
}
