#!/usr/bin/env node
// The generator's rooms stand in layers, and an import only runs down: a file imports files of its own
// folder or of a lower layer, never of its own layer's other folders or of a higher one. `make check` runs
// this; exit 1 lists every import that breaks the rule, 2 a file no layer names.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Lowest first. A name is a folder of generator/src (`emit/types`), or a file at its top (`generate.ts`). */
export const layers = [
  ['util', 'shared'], // helpers and the types and catalogs that many rooms share
  ['diagnostics', 'report'], // problems as data; findings and their report formats
  ['load'], // text → a checked document with source positions
  ['config'], // settings: types, defaults, the settings file, which specs to generate
  ['ir'], // document → model
  ['diff', 'docs-check'], // model against model; spec against doc pages
  ['release'], // versions and changelogs from the diff's verdict
  ['emit'], // model → files: what the emitters share
  ['emit/types'],
  ['emit/validators'],
  ['emit/client', 'emit/webhooks'],
  ['emit/package'],
  ['write'], // a package folder replaced as one step
  ['generate.ts'], // load → ir → emit → write
  ['drift', 'validate'], // generated packages against their specs; values against a spec
  ['traffic'], // HTTP exchanges against a spec: routes, parameters read back, requests and responses checked
  ['mock', 'proxy'], // a server for a spec; a checking proxy in front of a real one
  ['cli', 'index.ts'], // the command line and the library's face
];

const sourceRoot = fileURLToPath(new URL('../generator/src/', import.meta.url));

/** The most specific layer entry that holds the file (`emit/types/x.ts` is in `emit/types`, not `emit`). */
export function roomOf(relative) {
  const names = layers.flat().filter((name) => relative === name || relative.startsWith(`${name}/`));
  return names.sort((a, b) => b.length - a.length)[0];
}

const rankOf = (room) => layers.findIndex((names) => names.includes(room));

/** Static `import`/`export … from` specifiers, side-effect imports and `import()` calls with a literal path. */
export function importsOf(text) {
  const found = [];
  const pattern =
    /(?:^|\n)\s*(?:import|export)\b[^'";]*?\bfrom\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const match of text.matchAll(pattern)) found.push(match[1] ?? match[2] ?? match[3]);
  return found.filter((specifier) => specifier.startsWith('.'));
}

export function layerViolations(root = sourceRoot) {
  const problems = [];
  for (const relative of listSources(root)) {
    const from = roomOf(relative);
    if (from === undefined) {
      problems.push({ file: relative, message: 'stands in no layer: add its folder to scripts/check-layers.mjs' });
      continue;
    }
    const text = readFileSync(path.join(root, relative), 'utf8');
    for (const specifier of importsOf(text)) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(relative), specifier)).replace(/\.js$/, '.ts');
      const to = roomOf(target);
      if (to === undefined) {
        // Outside generator/src (templates/, a package's file) or a folder no layer names.
        if (!target.startsWith('../')) problems.push({ file: relative, message: `imports ${target}, which stands in no layer` });
        continue;
      }
      if (to === from) continue;
      if (rankOf(to) < rankOf(from)) continue;
      const why = rankOf(to) === rankOf(from) ? 'a room of the same layer as' : 'a higher layer than';
      problems.push({ file: relative, message: `imports ${target} (${to}), ${why} ${from}` });
    }
  }
  return problems;
}

function listSources(root, folder = '') {
  return readdirSync(path.join(root, folder), { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const relative = folder === '' ? entry.name : `${folder}/${entry.name}`;
      if (entry.isDirectory()) return listSources(root, relative);
      return entry.name.endsWith('.ts') ? [relative] : [];
    });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const problems = layerViolations();
  for (const problem of problems) process.stderr.write(`generator/src/${problem.file}: ${problem.message}\n`);
  if (problems.length > 0) {
    process.stderr.write(`${problems.length} import(s) against the layers (scripts/check-layers.mjs)\n`);
    process.exit(1);
  }
  process.stdout.write(`imports run down the layers (${layers.length} layers)\n`);
}
