#!/usr/bin/env node
// What a front end ships for one imported operation of a generated client: esbuild's bundle of the import,
// minified, as an ES module, gzip-compressed; then its parts (the runtime's pipeline alone, the operation's
// validators with and without their messages). Sizes do not swing with the machine: one run is enough.
// Issue #28's targets: one operation at most 6 kB with validation, 3 kB without.
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { build } from 'esbuild';
import { writeSection } from '../results.mjs';

const root = path.resolve(import.meta.dirname, '../..');

async function gzipOf(names, from) {
  const result = await build({
    stdin: {
      contents: `import { ${names.join(', ')} } from ${JSON.stringify(path.join(root, from))};\nconsole.log(${names.join(', ')});`,
      resolveDir: root,
    },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  return gzipSync(result.outputFiles[0].text).length;
}

const kB = (bytes) => (bytes / 1024).toFixed(1);
const rows = [];
for (const [operation, parts] of [
  ['getCard', ['Response200', 'PathParams', 'QueryParams']],
  ['createMcCard', ['Response201', 'PathParams', 'QueryParams', 'HeaderParams', 'RequestBody']],
]) {
  const type = operation[0].toUpperCase() + operation.slice(1);
  const whole = await gzipOf(['createClientCore', operation], 'generated/enfuce/client.js');
  const is = await gzipOf(
    parts.map((part) => `is${type}${part}`),
    'generated/enfuce/validators.js',
  );
  const both = await gzipOf(
    parts.flatMap((part) => [`is${type}${part}`, `assert${type}${part}`]),
    'generated/enfuce/validators.js',
  );
  rows.push(`| Enfuce \`${operation}\` | ${kB(whole)} | ${kB(is)} | ${kB(both)} |`);
}
const pipeline = await gzipOf(['createCore', 'callOperation'], 'generated/enfuce/runtime.js');
const errors = await gzipOf(['ValidationError', 'createAssert'], 'generated/enfuce/runtime.js');
const body = `
## Client bundle size

\`node bench/client/bundle-size.mjs\`: \`import { createClientCore, <operation> } from '@specsmith/enfuce'\` bundled by
esbuild (minified, ES module), gzip; then the operation's validators alone (\`is*\` only, and \`is*\` with
\`assert*\`). Issue #28's targets: 6 kB with validation, 3 kB without.

| operation | whole import (kB) | its \`is*\` checks (kB) | its \`is*\` and \`assert*\` (kB) |
| --- | --- | --- | --- |
${rows.join('\n')}

The client's pipeline alone (\`createCore\` and \`callOperation\`: serialization, auth, idempotency keys,
signing, retries, timeouts, hooks, the errors), what an operation costs before any validator: ${kB(pipeline)} kB.
\`ValidationError\` with \`createAssert\` (messages, suggestions, rule origins): ${kB(errors)} kB.
`;
await writeSection('bundle-size', body);
console.log(body);
