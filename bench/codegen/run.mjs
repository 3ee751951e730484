#!/usr/bin/env node
// Codegen benchmark: GitHub's REST description (@octokit/openapi), specsmith against openapi-typescript.
// Runs A B A B in one process tree (this machine's speed swings 2x every few seconds, so only
// interleaved medians and their ratio mean anything) and writes bench/RESULTS.md's codegen section.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { writeSection } from '../results.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const spec = 'node_modules/@octokit/openapi/generated/api.github.com.json';
const work = path.join(root, '.tmp/bench-codegen');
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Runs a command, returning wall seconds and peak RSS in MB (from GNU time when present). */
function measure(command, args) {
  const started = process.hrtime.bigint();
  const run = timeBin
    ? spawnSync(timeBin, ['-f', '%M', command, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 })
    : spawnSync(command, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${run.stderr}`);
  const kilobytes = timeBin ? Number(run.stderr.trim().split('\n').pop()) : NaN;
  return { seconds, megabytes: kilobytes / 1024 };
}

const specsmith = (folder, validators, options = []) => ({
  out: path.join(work, folder),
  run: () =>
    measure(process.execPath, [
      'generator/dist/cli/main.js',
      'generate',
      '--spec',
      spec,
      '--out',
      path.join(work, folder),
      '--name',
      '@bench/github',
      '--progress',
      'never',
      '--validators',
      validators,
      ...options,
    ]),
  consumer: `import type { Repository, ReposGetResponse200 } from './${folder}/index.js';\nexport const pick = (value: ReposGetResponse200): Repository['name'] => value.name;\n`,
});

// `specsmith` (types only) is the like-for-like row against openapi-typescript; `specsmith + validators`
// is the full output, whose cost issue #12 has to bring down, with the default CommonJS copy of every
// module and with `--commonjs require-esm` (the CommonJS entries load the ES modules).
const fullRequireEsm = 'specsmith + validators, --commonjs require-esm';
const tools = {
  specsmith: specsmith('specsmith', 'none'),
  'specsmith + validators': specsmith('specsmith-full', 'all'),
  [fullRequireEsm]: specsmith('specsmith-require-esm', 'all', ['--commonjs', 'require-esm']),
  'openapi-typescript': {
    out: path.join(work, 'openapi-typescript'),
    run: () => {
      mkdirSync(path.join(work, 'openapi-typescript'), { recursive: true });
      return measure(process.execPath, [
        'node_modules/openapi-typescript/bin/cli.js',
        spec,
        '-o',
        path.join(work, 'openapi-typescript/schema.d.ts'),
        '--silent',
      ]);
    },
    consumer: `import type { components, operations } from './openapi-typescript/schema.js';\nexport const pick = (value: operations['repos/get']['responses'][200]['content']['application/json']): components['schemas']['repository']['name'] => value.name;\n`,
  },
};

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
/** Every file of the package folder, both module formats, as it sits on disk. */
const folderSize = (folder) =>
  readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((total, entry) => total + statSync(path.join(entry.parentPath, entry.name)).size, 0);

/** What a front end ships for one validator of the full package: esbuild's minified bundle of the import, gzipped. */
async function bundledImport(folder, name) {
  const { build } = await import('esbuild');
  const result = await build({
    stdin: { contents: `import { ${name} } from './index.js';\nconsole.log(${name});`, resolveDir: folder },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  return gzipSync(result.outputFiles[0].text).length;
}

const sizeOf = (folder) => {
  let raw = 0;
  let gzip = 0;
  for (const name of readdirSync(folder)) {
    // The ES modules and the declarations (the `.d.ts` of a package re-export its `.d.cts`).
    if (!/\.(d\.c?ts|js)$/.test(name)) continue;
    const file = path.join(folder, name);
    raw += statSync(file).size;
    gzip += gzipSync(readFileSync(file)).length;
  }
  return { raw, gzip };
};

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const samples = Object.fromEntries(Object.keys(tools).map((name) => [name, { seconds: [], megabytes: [], tsc: [] }]));
const names = Object.keys(tools);
for (let round = 0; round < rounds; round += 1) {
  for (const name of round % 2 === 0 ? names : [...names].reverse()) {
    const result = tools[name].run();
    samples[name].seconds.push(result.seconds);
    samples[name].megabytes.push(result.megabytes);
    console.error(`round ${round + 1}: ${name} ${result.seconds.toFixed(2)} s, ${result.megabytes.toFixed(0)} MB`);
  }
}
// A consumer who only needs types imports the full package's `/types` entry (types.js and its declarations).
const typesEntry = 'specsmith + validators, /types';
const consumers = {
  ...Object.fromEntries(names.map((name) => [name, tools[name].consumer])),
  [typesEntry]: `import type { Repository, ReposGetResponse200 } from './specsmith-full/types.js';\nexport const pick = (value: ReposGetResponse200): Repository['name'] => value.name;\n`,
};
samples[typesEntry] = { tsc: [] };
const tscConfig = (name) => {
  const file = `consumer-${name.replace(/\W+/g, '-')}`;
  writeFileSync(path.join(work, `${file}.ts`), consumers[name]);
  const config = path.join(work, `tsconfig.${file}.json`);
  const compilerOptions = { strict: true, noEmit: true, module: 'nodenext', target: 'es2022', types: [], skipLibCheck: true };
  writeFileSync(config, JSON.stringify({ compilerOptions, files: [`${file}.ts`] }));
  return config;
};
// The consumer check is short (about 1.5 s), so it gets more rounds: its noise is larger than its effect.
const tscRounds = Math.max(rounds, 7);
const consumerNames = Object.keys(consumers);
for (let round = 0; round < tscRounds; round += 1) {
  for (const name of round % 2 === 0 ? consumerNames : [...consumerNames].reverse()) {
    const result = measure(process.execPath, ['node_modules/typescript/bin/tsc', '-p', tscConfig(name)]);
    samples[name].tsc.push(result.seconds);
  }
}
/** Median of the per-round ratios: each pair ran back to back, so a slow spell affects both sides. */
const pairedRatio = (name, key) => median(samples[name][key].map((value, index) => value / samples['openapi-typescript'][key][index]));

const rows = names.map((name) => {
  const size = sizeOf(tools[name].out);
  const folder = folderSize(tools[name].out);
  return {
    name,
    wall: median(samples[name].seconds),
    memory: Math.max(...samples[name].megabytes),
    tsc: median(samples[name].tsc),
    size,
    folder,
  };
});
/** The full package's folder by file, largest first: where its size is. */
const fullFolder = tools['specsmith + validators'].out;
const byFile = readdirSync(fullFolder)
  .map((name) => ({ name, size: statSync(path.join(fullFolder, name)).size }))
  .filter(({ size }) => size >= 1e6)
  .sort((a, b) => b.size - a.size)
  .map(({ name, size }) => `\`${name}\` ${(size / 1e6).toFixed(1)}`)
  .join(', ');
const enumImport = await bundledImport(tools['specsmith + validators'].out, 'isSecurityAdvisoryEcosystems');
const table = [
  '| tool | median wall | peak RSS | output (.js + declarations) | gzip | folder on disk | consumer `tsc --noEmit` |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map(
    (row) =>
      `| ${row.name} | ${row.wall.toFixed(2)} s | ${row.memory.toFixed(0)} MB | ${(row.size.raw / 1e6).toFixed(1)} MB | ${(row.size.gzip / 1e6).toFixed(2)} MB | ${(row.folder / 1e6).toFixed(1)} MB | ${row.tsc.toFixed(2)} s |`,
  ),
  '',
  `The full package's folder by file (MB, files of 1 MB and more): ${byFile}.`,
  '',
  `Bundling \`import { isSecurityAdvisoryEcosystems }\` from the full package (esbuild, minified): ${(enumImport / 1024).toFixed(1)} kB gzip.`,
  '',
  `Ratios to openapi-typescript (median of per-round ratios; ${rounds} interleaved rounds for generation, ${tscRounds} for the type-check):`,
  ...['specsmith', 'specsmith + validators', fullRequireEsm].map(
    (name) => `- ${name}: wall ${pairedRatio(name, 'seconds').toFixed(2)}×, consumer type-check ${pairedRatio(name, 'tsc').toFixed(2)}×`,
  ),
  `- ${typesEntry}: consumer type-check ${pairedRatio(typesEntry, 'tsc').toFixed(2)}× (median ${median(samples[typesEntry].tsc).toFixed(2)} s)`,
].join('\n');
console.log(table);
await writeSection(
  'codegen',
  `## Codegen: GitHub REST API (\`@octokit/openapi\`, ${spec.split('/').pop()})\n\nspecsmith: types only (like for like), and types with validators (\`is*\`/\`assert*\`/Standard Schema for every schema and operation part); openapi-typescript: types only. Output counts the ES module files and the declarations; the folder, every file the package has (both module formats with the default \`--commonjs copy\`; with \`require-esm\`, the ES modules and two one-line CommonJS entries). Targets (issue #25): the full package at most 1.0× openapi-typescript's wall time, under 500 MB peak, a folder of at most 50 MB (issue #12's were 1.5×, 1 GB and 100 MB); types only at most 0.8×; a consumer of the \`/types\` entry type-checks no slower than openapi-typescript's.\n\n${table}\n`,
);
