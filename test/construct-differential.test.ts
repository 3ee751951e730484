import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { collectValidators, type ValidatorSet } from '../generator/src/emit/validators/validator-set.js';
import { parseDocument } from '../generator/src/ir/parse-document.js';
import { loadDocument } from '../generator/src/load/load-document.js';
import { arbitraryFor } from './support/arbitrary.js';
import { loadConstructed, runtimeFormats, type CompiledCheck } from './support/construct-module.js';
import { createReference, disagreement } from './support/construct-reference.js';
import { listSpecs } from './support/fixtures.js';
import { nearMisses } from './support/near-miss.js';
import { fixturesDir, repoRoot } from './support/paths.js';

type Schema = boolean | Record<string, unknown>;

/**
 * The emitted validators of every schema of the curated specs and the feature fixtures, lowered as the
 * product lowers them, held to AJV on those same schemas: values generated from each schema (valid ones,
 * by support/arbitrary.ts where it knows the shape), every near miss of them, and arbitrary JSON. Both
 * modes must give AJV's verdict, and collect mode AJV's set of (instancePath, keyword) issues.
 */
const specs = [
  ...['paysafe', 'enfuce', 'gateway'].map((provider) => `specs/${provider}/openapi.yaml`),
  ...listSpecs(fixturesDir).map((file) => path.relative(repoRoot, path.join(fixturesDir, file))),
];
const seed = Number(process.env.DIFF_SEED ?? 20261207);

interface Loaded {
  spec: string;
  set: ValidatorSet;
  checks: Record<string, CompiledCheck>;
  uncovered: string[];
}

const loaded: Loaded[] = [];

beforeAll(async () => {
  const formats = await runtimeFormats();
  for (const spec of specs) {
    const document = await loadDocument({ entry: spec, root: repoRoot });
    if (!document.ok) throw new Error(`${spec} does not load`);
    const set = collectValidators(parseDocument(document.loaded), formats);
    const { checks, constructed } = await loadConstructed({ defs: set.defs, entries: set.entries, label: 'construct-diff' });
    loaded.push({ spec, set, checks, uncovered: constructed.uncovered.map(({ entry }) => entry.name) });
  }
}, 120_000);

/** Valid values where the arbitrary knows the shape, each with its near misses, and arbitrary JSON. */
function valuesFor(schema: Schema, defs: Record<string, Schema>, index: number): unknown[] {
  let valid: unknown[] = [];
  try {
    valid = fc.sample(arbitraryFor(schema, defs), { seed: seed + index, numRuns: 4 });
  } catch {
    // A shape the arbitrary does not know: arbitrary JSON and its near misses stand in.
  }
  const loose = fc.sample(fc.jsonValue({ maxDepth: 3 }), { seed: seed - index, numRuns: 4 });
  return [...valid, ...loose].flatMap((value) => [value, ...nearMisses(value, 12)]);
}

describe.each(specs)('%s', (spec) => {
  it('covers every entry, and agrees with AJV on each', () => {
    const { set, checks, uncovered } = loaded.find((entry) => entry.spec === spec)!;
    expect(uncovered).toEqual([]);
    const ajv = createReference();
    ajv.addSchema({ $id: 'specsmith:differential', $defs: set.defs });
    const defs = set.defs as Record<string, Schema>;
    const disagreements: string[] = [];
    let compared = 0;
    let accepted = 0;
    set.entries.forEach((entry, index) => {
      const reference = ajv.getSchema(`specsmith:differential#/$defs/${encodeURIComponent(entry.def)}`)!;
      for (const value of valuesFor(defs[entry.def]!, defs, index)) {
        compared++;
        if (reference(value)) accepted++;
        const found = disagreement(checks[entry.name]!, reference, value);
        if (found !== undefined) disagreements.push(`${entry.name} on ${JSON.stringify(value)?.slice(0, 300)}: ${found}`);
      }
    });
    expect(disagreements.slice(0, 8)).toEqual([]);
    // Both kinds of value were compared: a sample of only invalid values would not test the valid path.
    expect(accepted).toBeGreaterThan(0);
    expect(compared - accepted).toBeGreaterThan(set.entries.length * 5);
  });
});
