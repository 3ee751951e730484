import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';
import { loadDocument, parseDocument } from '../generator/src/index.js';
import { listSpecs, scenarioName } from './support/fixtures.js';
import { generateFixture } from './support/generate-fixture.js';
import { fixturesDir, repoRoot, temporaryDirectory } from './support/paths.js';

/**
 * Second opinion from openapi-typescript: for every component schema of every fixture, a value typed
 * by its output must be assignable to ours and back. readOnly/writeOnly fixtures are left out (the two
 * tools model directions differently), as is anything listed here with the reason.
 */
const skipped: Record<string, string> = {
  'read-write-only': 'request/response views differ by design',
  'discriminator-mapping': 'openapi-typescript cannot resolve a bare schema name in `mapping` (allowed by OpenAPI 3.1 §4.8.25)',
};

/** Schemas where the tools disagree on purpose. */
const skippedSchemas: Record<string, string> = {
  'additional-properties/TypedWithProperties':
    'openapi-typescript intersects declared properties with the index signature (`a` would have to be string and number); we widen the index signature to unknown',
  'discriminator-implicit/Shape':
    'ours tags each member with its literal discriminator value; openapi-typescript leaves the tag a plain string',
};

describe('types agree with openapi-typescript in both directions', () => {
  it('for every component schema of the fixtures', async () => {
    const folder = temporaryDirectory('ots');
    const checks: string[] = [];
    for (const file of listSpecs(fixturesDir)) {
      const name = scenarioName(file);
      if (name in skipped) continue;
      const spec = path.join(fixturesDir, file);
      const { outDir } = await generateFixture({ spec, label: 'ots', name });
      const text = readFileSync(spec, 'utf8');
      const ast = await openapiTS(file.endsWith('.json') ? JSON.parse(text) : text, {
        cwd: new URL(`file://${spec}`),
        defaultNonNullable: false,
      });
      writeFileSync(path.join(folder, `${name}.ot.ts`), astToString(ast));
      const loaded = await loadDocument({ entry: spec, root: repoRoot });
      if (!loaded.ok) throw new Error(`fixture ${name} did not load`);
      const model = parseDocument(loaded.loaded);
      // Component schemas of the entry file: openapi-typescript names those by their spec names.
      const componentNames = Object.keys((loaded.loaded.document.components as { schemas?: object } | undefined)?.schemas ?? {});
      const root = model.schemas.slice(0, componentNames.length);
      const lines = [
        `import type { components as C } from './${name}.ot.js';`,
        `import type * as S from '${path.relative(folder, outDir).split(path.sep).join('/')}/index.js';`,
      ];
      for (const named of root.filter((candidate) => !(`${name}/${candidate.name}` in skippedSchemas))) {
        lines.push(`export const to_${named.name} = (value: C['schemas'][${JSON.stringify(named.specName)}]): S.${named.name} => value;`);
        lines.push(`export const from_${named.name} = (value: S.${named.name}): C['schemas'][${JSON.stringify(named.specName)}] => value;`);
      }
      writeFileSync(path.join(folder, `${name}.check.ts`), `${lines.join('\n')}\n`);
      checks.push(`${name}.check.ts`);
    }
    expect(checks.length).toBeGreaterThan(10);
    const compilerOptions = { strict: true, noEmit: true, module: 'nodenext', target: 'es2022', types: [], skipLibCheck: true };
    writeFileSync(path.join(folder, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: checks }));
    const tsc = path.join(repoRoot, 'node_modules/typescript/bin/tsc');
    let output = '';
    try {
      execFileSync(process.execPath, [tsc, '-p', path.join(folder, 'tsconfig.json')], { encoding: 'utf8' });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout);
    }
    expect(output).toBe('');
  });
});
