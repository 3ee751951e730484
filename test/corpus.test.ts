import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareStrings } from '../generator/src/diagnostics/diagnostic.js';
import { generate, type Diagnostic } from '../generator/src/index.js';
import { repoRoot } from './support/paths.js';

/**
 * Real-world corpus: every OpenAPI 3.x document of @readme/oas-examples (its JSON copies; the YAML
 * folders hold the same documents). Each either becomes a package whose types compile under
 * `tsc --strict`, or is refused for a real defect listed here with the diagnostic that names it.
 */
const corpusRoot = path.join(repoRoot, 'node_modules/@readme/oas-examples');
const expectedRefusals: Record<string, string[]> = {
  // `responses: {}`: a Responses Object must hold at least one response (OpenAPI 3.0.3 §4.7.16).
  '3.0/json/openapi-workshop/post.json': ['openapi-schema'],
};

function corpusDocuments(): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.json')) found.push(path.relative(corpusRoot, full).split(path.sep).join('/'));
    }
  };
  for (const version of ['3.0', '3.1']) walk(path.join(corpusRoot, version, 'json'));
  return found.sort(compareStrings);
}

describe('real-world corpus (@readme/oas-examples)', () => {
  it('generates a strict-compiling package for every document or refuses it for a listed defect', async () => {
    const documents = corpusDocuments();
    expect(documents.length).toBeGreaterThan(50);
    const outRoot = path.join(repoRoot, '.tmp/corpus');
    rmSync(outRoot, { recursive: true, force: true });
    const generated: string[] = [];
    const refused: Record<string, Diagnostic[]> = {};
    for (const document of documents) {
      const name = document
        .replace(/\/json\//, '-')
        .replace(/\.json$/, '')
        .replace(/[^A-Za-z0-9.-]+/g, '-');
      const spec = path.relative(repoRoot, path.join(corpusRoot, document));
      const result = await generate({
        root: repoRoot,
        jobs: [{ spec, out: path.join('.tmp/corpus', name), name: `@corpus/${name.toLowerCase()}` }],
        format: 'none',
        progress: 'never',
      });
      if (result.ok) generated.push(name);
      else refused[document] = result.diagnostics;
    }
    const reasons = Object.entries(refused).map(
      ([document, diagnostics]) => `  ${document}: ${diagnostics.map((d) => `${d.code} at ${d.pointer}: ${d.message}`).join('; ')}`,
    );
    console.log(
      `corpus: ${documents.length} documents, ${generated.length} generated, ${Object.keys(refused).length} refused${reasons.length > 0 ? `\n${reasons.join('\n')}` : ''}`,
    );
    expect(
      Object.fromEntries(Object.entries(refused).map(([document, diagnostics]) => [document, diagnostics.map((d) => d.code)])),
    ).toEqual(expectedRefusals);

    const config = path.join(outRoot, 'tsconfig.json');
    const compilerOptions = { strict: true, noEmit: true, skipLibCheck: false, module: 'nodenext', target: 'es2022', types: [] };
    writeFileSync(config, JSON.stringify({ compilerOptions, include: ['*/index.d.ts', '*/index.d.cts'] }));
    const tsc = path.join(repoRoot, 'node_modules/typescript/bin/tsc');
    expect(() => execFileSync(process.execPath, [tsc, '-p', config], { encoding: 'utf8' })).not.toThrow();
  });
});
