import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { constructedBody, constructValidators } from '../generator/src/emit/validators/construct/construct-validators.js';
import { shareIdenticalEntries } from '../generator/src/emit/validators/shared-entries.js';
import { compiledModule, facadeModules, validatorModules } from '../generator/src/emit/validators/validator-modules.js';
import { collectValidators } from '../generator/src/emit/validators/validator-set.js';
import { parseDocument } from '../generator/src/ir/parse-document.js';
import { loadDocument } from '../generator/src/load/load-document.js';
import { arbitraryFor } from './support/arbitrary.js';
import { runtimeExports, runtimeFormats, runtimeModuleFile } from './support/construct-module.js';
import { generateFixture } from './support/generate-fixture.js';
import { nearMisses } from './support/near-miss.js';
import { repoRoot, temporaryDirectory } from './support/paths.js';

type Faces = Record<string, (value: unknown) => unknown>;
type Schema = boolean | Record<string, unknown>;

/**
 * The emitted module plugs into the package as it is written today: validator-modules.ts writes it
 * (`compiledModule`) and its facade (`facadeModules`, with rule-origins.ts's table), and the runtime's validation.js words the
 * issues. For the same values, `assert*` must throw the same issues, word for word (place, keyword,
 * message with the spec's file and line), as the package `generate` writes with AJV's code.
 */
const specs = ['specs/paysafe/openapi.yaml', 'test/fixtures/specs/read-write-only.yaml', 'test/fixtures/specs/discriminator-mapping.yaml'];

async function constructedFacade(
  spec: string,
): Promise<{ faces: Faces; entries: { name: string; def: string }[]; defs: Record<string, Schema> }> {
  const loaded = await loadDocument({ entry: spec, root: repoRoot });
  if (!loaded.ok) throw new Error(`${spec} does not load`);
  const set = shareIdenticalEntries(collectValidators(parseDocument(loaded.loaded), await runtimeFormats()));
  const constructed = constructValidators({ defs: set.defs, entries: set.entries, formats: await runtimeFormats(), runtimeExports });
  expect(constructed.uncovered).toEqual([]);
  const folder = temporaryDirectory('construct-wiring');
  writeFileSync(path.join(folder, 'package.json'), '{"type":"module"}');
  writeFileSync(path.join(folder, `${validatorModules.runtime}.js`), runtimeModuleFile);
  const body = constructedBody(constructed);
  writeFileSync(
    path.join(folder, `${validatorModules.compiled}.js`),
    Buffer.concat(compiledModule({ header: '', body, entries: set.entries, format: 'esm' })),
  );
  const facade = facadeModules({ entries: set.entries, defs: set.defs, origins: set.origins(), formats: ['esm'] }).get('esm')!;
  writeFileSync(path.join(folder, `${validatorModules.facade}.js`), facade);
  const faces = (await import(pathToFileURL(path.join(folder, `${validatorModules.facade}.js`)).href)) as Faces;
  return { faces, entries: set.entries, defs: set.defs as Record<string, Schema> };
}

/** What `assert*` says of a value: nothing, or its issues (path, keyword, message), sorted. */
function verdict(assert: (value: unknown) => unknown, value: unknown): string[] | 'valid' {
  try {
    assert(value);
    return 'valid';
  } catch (error) {
    const issues = (error as { issues: { path: string; keyword: string; message: string }[] }).issues;
    return issues.map((issue) => `${issue.path} ${issue.keyword} ${issue.message}`).sort();
  }
}

describe.each(specs)('%s', (spec) => {
  it('throws the same issues, word for word, as the package generate writes today', async () => {
    const name = path.basename(path.dirname(spec)) === 'specs' ? path.basename(spec, '.yaml') : path.basename(path.dirname(spec));
    const { outDir } = await generateFixture({ spec: path.join(repoRoot, spec), label: 'construct-wiring', name });
    const today = (await import(pathToFileURL(path.join(outDir, 'validators.js')).href)) as Faces;
    const { faces, entries, defs } = await constructedFacade(spec);
    const differences: string[] = [];
    let invalid = 0;
    entries.forEach((entry, index) => {
      let values: unknown[] = fc.sample(fc.jsonValue({ maxDepth: 2 }), { seed: index, numRuns: 3 });
      try {
        values = [...fc.sample(arbitraryFor(defs[entry.def]!, defs), { seed: index, numRuns: 3 }), ...values];
      } catch {
        // A shape support/arbitrary.ts does not know: arbitrary JSON stands in.
      }
      for (const value of values.flatMap((valid) => [valid, ...nearMisses(valid, 8)])) {
        const expected = verdict(today[`assert${entry.name}`]!, value);
        const actual = verdict(faces[`assert${entry.name}`]!, value);
        if (expected !== 'valid') invalid++;
        if (JSON.stringify(actual) !== JSON.stringify(expected))
          differences.push(`${entry.name} on ${JSON.stringify(value)}: ${JSON.stringify(actual)} instead of ${JSON.stringify(expected)}`);
        if (faces[`is${entry.name}`]!(value) !== (expected === 'valid')) differences.push(`is${entry.name} on ${JSON.stringify(value)}`);
      }
    });
    expect(differences.slice(0, 5)).toEqual([]);
    expect(invalid).toBeGreaterThan(entries.length);
  }, 120_000);
});
