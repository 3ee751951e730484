// Writes one marked section of bench/RESULTS.md, leaving the other benchmarks' sections as they are.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';

const file = path.resolve(import.meta.dirname, 'RESULTS.md');

/** Replaces the `<!-- key:start -->`…`<!-- key:end -->` block (or appends it), formatted by prettier. */
export async function writeSection(key, body) {
  const current = existsSync(file)
    ? readFileSync(file, 'utf8')
    : '# Benchmarks\n\nWritten by `make bench`; numbers from the machine that ran it.\n';
  const start = `<!-- ${key}:start -->`;
  const end = `<!-- ${key}:end -->`;
  const block = `${start}\n${body}${end}`;
  const next = current.includes(start)
    ? current.replace(new RegExp(`${start}[\\s\\S]*?${end}`), block)
    : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, await format(next, { ...(await resolveConfig(file)), filepath: file }));
}
