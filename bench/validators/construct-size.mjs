#!/usr/bin/env node
// Size of the validators emitted by construction (generator/src/emit/validators/construct) on GitHub's REST
// description, as a package writes them: the lowered set with identical entries shared (shared-entries.ts),
// one ES module. Prints the bytes (a CommonJS copy differs only in its import and export lines), the time
// to emit, and where the bytes go, read from the text after the fact (a measurement, not part of the
// emitter). Not part of `make bench`: run `npm run build` first, then `node bench/validators/construct-size.mjs`.
// SPECSMITH_DIST points at another build of the generator (a copy compiled elsewhere with `tsc --outDir`).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { formats } from '../../templates/runtime/checks.js';

const root = path.resolve(import.meta.dirname, '../..');
const dist = path.resolve(root, process.env.SPECSMITH_DIST ?? 'generator/dist');
const load = (relative) => import(pathToFileURL(path.join(dist, relative)).href);
const { constructedBody, constructValidators } = await load('emit/validators/construct/construct-validators.js');
const { compiledModule } = await load('emit/validators/validator-modules.js');
const runtime = await import('../../templates/runtime/index.js');
const { collectValidators } = await load('emit/validators/validator-set.js');
const { shareIdenticalEntries } = await load('emit/validators/shared-entries.js');
const { parseDocument } = await load('ir/parse-document.js');
const { loadDocument } = await load('load/load-document.js');

const spec = process.argv[2] ?? 'node_modules/@octokit/openapi/generated/api.github.com.json';
const formatTypes = new Map(Object.entries(formats).map(([name, definition]) => [name, definition.type]));

const loaded = await loadDocument({ entry: spec, root });
const set = shareIdenticalEntries(collectValidators(parseDocument(loaded.loaded), formatTypes));
const started = performance.now();
const constructed = constructValidators({
  defs: set.defs,
  entries: set.entries,
  formats: formatTypes,
  runtimeExports: Object.keys(runtime).sort(),
});
const seconds = (performance.now() - started) / 1000;
const body = constructedBody(constructed);
const text = Buffer.concat(compiledModule({ header: '', body, entries: set.entries, format: 'esm' })).toString('utf8');

const folder = path.join(root, '.tmp/bench-construct-size');
mkdirSync(folder, { recursive: true });
writeFileSync(
  path.join(folder, 'runtime.js'),
  `export * from ${JSON.stringify(new URL('../../templates/runtime/index.js', import.meta.url).href)};\n`,
);
writeFileSync(path.join(folder, 'package.json'), '{"type":"module"}');
writeFileSync(path.join(folder, 'validators-compiled.js'), text);

const bytes = (pieces) => pieces.reduce((total, piece) => total + Buffer.byteLength(piece), 0);
const all = (pattern) => text.match(pattern) ?? [];
const mb = (count) => `${(count / 1e6).toFixed(2)} MB`;
const share = (count) => `${mb(count)} (${((100 * count) / Buffer.byteLength(text)).toFixed(1)}%)`;
const rows = {
  module: mb(Buffer.byteLength(text)),
  gzip: mb(gzipSync(text, { level: 6 }).length),
  'emit seconds': seconds.toFixed(2),
  entries: `${set.entries.length}, covered ${constructed.entries.filter((name) => name !== undefined).length}`,
  functions: all(/^function /gm).length,
  lines: all(/\n/g).length,
  indentation: share(bytes(all(/^[ \t]+/gm))),
  'schema path literals': share(bytes(all(/"#[^"\n]*"/g))),
  'line comments': share(bytes(all(/^[ \t]*\/\/.*$/gm))),
  'constant declarations': share(bytes(all(/^const [^\n]*(\n[ \t][^\n]*)*\n?/gm))),
};
for (const [label, value] of Object.entries(rows)) console.log(`${label.padEnd(24)} ${value}`);
// The module must load as a package loads it.
await import(pathToFileURL(path.join(folder, 'validators-compiled.js')).href);
console.log('imports: ok');
