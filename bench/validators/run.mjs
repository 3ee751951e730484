#!/usr/bin/env node
// Validator benchmark: operations per second on valid and invalid Paysafe `CustomerPerson` and Enfuce
// `createPrivateCustomer` bodies, for specsmith's generated validators and its peers, each as a ratio to a
// straight-line hand-written check of the same constraints. This machine's speed swings 2x every few
// seconds, so every implementation runs in the same process in short alternating slices (order shuffled
// each round), each round yields ratios to the hand-written check, and the table reports the medians.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { parse } from 'yaml';
import * as enfuce from '../../generated/enfuce/index.js';
import * as paysafe from '../../generated/paysafe/index.js';
import { writeSection } from '../results.mjs';
import * as handwritten from './handwritten.mjs';
import { ajvValidators, valibotValidators, zodValidators } from './peers.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const rounds = Number(process.env.BENCH_ROUNDS ?? 30);
const sliceMs = 15;

const exampleOf = (provider, schema) =>
  structuredClone(parse(readFileSync(path.join(root, `specs/${provider}/openapi.yaml`), 'utf8')).components.schemas[schema].example);
const person = exampleOf('paysafe', 'CustomerPerson');
const customer = exampleOf('enfuce', 'PrivateCustomer');

const scenarios = [
  { schema: 'CustomerPerson', payload: 'valid', value: person, valid: true },
  { schema: 'CustomerPerson', payload: 'invalid (occupation misspelled)', value: { ...person, occupation: 'ENGINEERIN' }, valid: false },
  { schema: 'PrivateCustomer', payload: 'valid', value: customer, valid: true },
  { schema: 'PrivateCustomer', payload: 'invalid (locale in the wrong case)', value: { ...customer, locale: 'fi_fi' }, valid: false },
];

/**
 * typia's checks, generated ahead of time (typia 12: `typia generate`, then tsc) from the packages' own
 * declarations, whose JSDoc carries the constraints. typia builds patterns without the `u` flag, where
 * `\p{Script=Latin}` is no character class and every name fails; for typia the Latin letters are spelled
 * as ranges (Latin-1 and Latin Extended-A/B), which is recorded as a disagreement below.
 */
async function typiaChecks() {
  const out = path.join(root, '.tmp/bench-typia');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(path.join(out, 'input'), { recursive: true });
  mkdirSync(path.join(out, 'types'), { recursive: true });
  for (const provider of ['enfuce', 'paysafe']) {
    const declarations = readFileSync(path.join(root, `generated/${provider}/types.d.cts`), 'utf8').replaceAll(
      '\\p{Script=Latin}',
      'A-Za-zÀ-ÖØ-öø-ɏ',
    );
    writeFileSync(path.join(out, 'types', `${provider}.d.ts`), declarations);
  }
  const checks = [
    "import typia from 'typia';",
    "import type { PrivateCustomer } from '../types/enfuce.js';",
    "import type { CustomerPerson } from '../types/paysafe.js';",
    'export const isCustomerPerson = typia.createIs<CustomerPerson>();',
    // PrivateCustomer and every object in it are closed (additionalProperties: false): typia's `equals`.
    'export const isPrivateCustomer = typia.createEquals<PrivateCustomer>();',
  ];
  writeFileSync(path.join(out, 'input/checks.ts'), `${checks.join('\n')}\n`);
  const compilerOptions = {
    strict: true,
    module: 'nodenext',
    target: 'es2022',
    skipLibCheck: true,
    types: [],
    outDir: 'js',
    rootDir: 'ts',
  };
  writeFileSync(path.join(out, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['ts/*.ts'] }));
  const steps = [
    [
      'node_modules/typia/lib/executable/typia.js',
      'generate',
      '--input',
      '.tmp/bench-typia/input',
      '--output',
      '.tmp/bench-typia/ts',
      '--project',
      '.tmp/bench-typia/tsconfig.json',
    ],
    ['node_modules/typescript/bin/tsc', '-p', '.tmp/bench-typia/tsconfig.json'],
  ];
  for (const args of steps) {
    const run = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`${args.join(' ')} failed:\n${run.stdout}${run.stderr}`);
  }
  return import(pathToFileURL(path.join(out, 'js/checks.js')).href);
}
const typia = await typiaChecks();

const ajv = {
  CustomerPerson: await ajvValidators('specs/paysafe/openapi.yaml', ['CustomerPerson']),
  PrivateCustomer: await ajvValidators('specs/enfuce/openapi.yaml', ['PrivateCustomer']),
};
const specsmith = { CustomerPerson: paysafe, PrivateCustomer: enfuce };
const implementations = (schema) => ({
  'hand-written': handwritten[`is${schema}`],
  'specsmith, first error': specsmith[schema][`is${schema}`],
  'specsmith, all errors': (value) => specsmith[schema][`${schema}Schema`]['~standard'].validate(value).issues === undefined,
  'AJV at run time, first error': ajv[schema].first[schema],
  'AJV at run time, all errors': ajv[schema].all[schema],
  'typia (ahead of time)': typia[`is${schema}`],
  'zod 4': zodValidators[schema],
  valibot: valibotValidators[schema],
});

/** Calls `check` for about `sliceMs`; returns calls per second. */
function slice(check, value) {
  let calls = 0;
  let sink = 0;
  const started = performance.now();
  const end = started + sliceMs;
  let now = started;
  while (now < end) {
    for (let index = 0; index < 32; index++) sink += check(value) ? 1 : 0;
    calls += 32;
    now = performance.now();
  }
  if (sink < 0) console.log(sink);
  return (calls / (now - started)) * 1000;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const shuffle = (items) =>
  items
    .map((item) => [Math.random(), item])
    .sort(([a], [b]) => a - b)
    .map(([, item]) => item);

const results = [];
/** specsmith's `is*` against typia, paired in each round: issue #25's targets (1.2× on valid payloads, 1.0× on invalid ones). */
const againstTypia = [];
const firstError = 'specsmith, first error';
const typiaName = 'typia (ahead of time)';
for (const scenario of scenarios) {
  const checks = implementations(scenario.schema);
  for (const [name, check] of Object.entries(checks)) {
    if (check(scenario.value) !== scenario.valid)
      console.error(`warning: ${name} judges the ${scenario.payload} ${scenario.schema} wrongly`);
  }
  const ratios = Object.fromEntries(Object.keys(checks).map((name) => [name, []]));
  const rates = Object.fromEntries(Object.keys(checks).map((name) => [name, []]));
  const toTypia = [];
  for (let round = 0; round <= rounds; round += 1) {
    const measured = Object.fromEntries(shuffle(Object.keys(checks)).map((name) => [name, slice(checks[name], scenario.value)]));
    if (round === 0) continue; // warm-up
    for (const name of Object.keys(checks)) {
      ratios[name].push(measured[name] / measured['hand-written']);
      rates[name].push(measured[name]);
    }
    toTypia.push(measured[firstError] / measured[typiaName]);
  }
  for (const name of Object.keys(checks)) results.push({ ...scenario, name, ratio: median(ratios[name]), rate: median(rates[name]) });
  againstTypia.push({ ...scenario, ratio: median(toTypia) });
  console.error(`${scenario.schema} ${scenario.payload}: done`);
}

/** Where each implementation's verdict differs from what the spec says. */
const semantics = [
  { schema: 'CustomerPerson', case: '`birthDate: 2023-02-29` (no such day)', value: { ...person, birthDate: '2023-02-29' }, valid: false },
  { schema: 'CustomerPerson', case: '`title` of 15 emoji (15 characters)', value: { ...person, title: '🙂'.repeat(15) }, valid: true },
  {
    schema: 'CustomerPerson',
    case: 'date-time with lower-case `t` and `z` (RFC 3339 §5.6)',
    value: { ...person, registrationDate: '2024-07-29t15:51:28z' },
    valid: true,
  },
  { schema: 'CustomerPerson', case: '`registrationIp: 1.2.3.256`', value: { ...person, registrationIp: '1.2.3.256' }, valid: false },
  {
    schema: 'CustomerPerson',
    case: 'date-time with a space for `T`',
    value: { ...person, registrationDate: '2024-07-29 15:51:28Z' },
    valid: false,
  },
  {
    schema: 'PrivateCustomer',
    case: 'a property the closed `PrivateCustomer` does not declare',
    value: { ...customer, nickname: 'Matti' },
    valid: false,
  },
];
const disagreements = Object.fromEntries(
  Object.keys(implementations('CustomerPerson')).map((name) => [
    name,
    semantics
      .filter((item) => implementations(item.schema)[name](item.value) !== item.valid)
      .map((item) => `${item.valid ? 'rejects' : 'accepts'} ${item.case}`),
  ]),
);

const names = Object.keys(implementations('CustomerPerson'));
const header = ['implementation', ...scenarios.map((scenario) => `${scenario.schema}, ${scenario.payload}`), 'disagrees with the spec'];
const rows = names.map((name) => [
  name,
  ...scenarios.map((scenario) => {
    const result = results.find((item) => item.name === name && item.schema === scenario.schema && item.payload === scenario.payload);
    return `${result.ratio.toFixed(2)}× (${(1e6 / result.rate).toFixed(2)} µs)`;
  }),
  disagreements[name].join('; ') || 'none found',
]);
const table = [
  `| ${header.join(' | ')} |`,
  `| --- | ${scenarios.map(() => '---:').join(' | ')} | --- |`,
  ...rows.map((row) => `| ${row.join(' | ')} |`),
].join('\n');
const typiaTable = [
  '| payload | specsmith `is*` to typia | target |',
  '| --- | ---: | --- |',
  ...againstTypia.map(
    (item) => `| ${item.schema}, ${item.payload} | ${item.ratio.toFixed(2)}× | at least ${item.valid ? '1.2' : '1.0'}× |`,
  ),
].join('\n');
console.log(table);
console.log(typiaTable);
await writeSection(
  'validators',
  `## Validators: speed relative to a hand-written check\n\nEach cell: median over ${rounds} rounds of the speed ratio to the hand-written check of the same constraints in the same round (higher is faster), and the median time per call. Targets (issue #25): specsmith's \`is*\` (first error) at least 1.2× typia's speed on valid payloads and 1.0× on invalid ones, as the ratio of the two in each round (the second table). typia (12, ahead of time) checks the constraints the generated declarations' JSDoc states (\`createIs\`, and \`createEquals\` for the closed \`PrivateCustomer\`, whose unknown properties the spec forbids); it compiles patterns without the \`u\` flag, so for it the name pattern's \`\\p{Script=Latin}\` is spelled as Latin-1 and Latin Extended ranges.\n\n${table}\n\n${typiaTable}\n`,
);
