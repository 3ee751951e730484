import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ValidateFunction } from 'ajv';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../generator/src/index.js';
import {
  arbitraryAsWritten,
  asWrittenNames,
  createWrittenReference,
  distinct,
  examplesOf,
  forEachSchema,
  nullableReading,
  readWritten,
  referenceIssues,
  untypedNullable,
  type WrittenSpec,
} from './support/as-written.js';
import { nearMisses } from './support/near-miss.js';
import { repoRoot, temporaryDirectory } from './support/paths.js';
import { jsonValue } from './support/schema-arbitrary.js';

/**
 * "A differential test compares against the input as the user wrote it, not our transformation of it."
 * construct-differential.test.ts holds the emitted validators to AJV on the schemas as the generator
 * lowers them; this holds a generated package (made by `generate`, as a user makes one) to AJV on each
 * component schema as the spec file writes it, read with `yaml`/`JSON.parse` and nothing of the generator
 * (support/as-written.ts): the three curated OpenAPI 3.1 specs and GitHub's REST description (OpenAPI
 * 3.0.3, 969 component schemas). The values: made from the written schema, the spec's examples and
 * arbitrary JSON, each with its near misses. `isX` must give AJV's verdict, and `assertX` too, with AJV's
 * set of (path, keyword) issues.
 */
const seed = Number(process.env.DIFF_SEED ?? 20261207);

interface Case {
  label: string;
  file: string;
  /** Values made per schema, and near misses per value (fewer on GitHub's 969 schemas, for time). */
  made: number;
  misses: number;
  /**
   * Schemas whose issue sets are not compared, only verdicts (see reachingUntypedNullable): asserted
   * exactly, so the number cannot grow unseen. GitHub's 135 reach one of the 128 places its description
   * writes `nullable: true` without `type` (`installation.account`, `simple-commit.author`, …).
   */
  verdictsOnly: number;
  /** Schemas where the only disagreements are the package's reading of 3.0 `nullable` (see the test's end). */
  nullableReading: number;
}

const cases: Case[] = [
  ...['paysafe', 'enfuce', 'gateway'].map((label) => ({
    label,
    file: `specs/${label}/openapi.yaml`,
    made: 12,
    misses: 12,
    verdictsOnly: 0,
    nullableReading: 0,
  })),
  {
    label: 'github',
    file: 'node_modules/@octokit/openapi/generated/api.github.com.json',
    made: 4,
    misses: 3,
    verdictsOnly: 135,
    nullableReading: 106,
  },
];

type Face = (value: unknown) => unknown;
const packages = new Map<string, { faces: Record<string, Face>; declarations: string }>();
let folder: string | undefined;

beforeAll(async () => {
  folder = temporaryDirectory('as-written');
  const out = folder;
  const result = await generate(
    {
      root: repoRoot,
      jobs: cases.map(({ label, file }) => ({ spec: file, out: label, name: `@as-written/${label}` })),
      progress: 'never',
      format: 'none',
    },
    { outputFor: (job) => path.join(out, job.out) },
  );
  expect(result.packages.map(({ job, ok }) => [job.out, ok])).toEqual(cases.map(({ label }) => [label, true]));
  for (const { label } of cases) {
    const at = path.join(out, label);
    // The ES declarations re-export the CommonJS ones when the package ships both.
    const types = ['types.d.cts', 'types.d.ts'].map((file) => path.join(at, file)).find(existsSync)!;
    const faces = (await import(pathToFileURL(path.join(at, 'index.js')).href)) as Record<string, Face>;
    packages.set(label, { faces, declarations: readFileSync(types, 'utf8') });
  }
}, 180_000);

afterAll(() => {
  if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
});

/**
 * The component schemas that reach (through `$ref`s) a `nullable` without `type`. The reference gives the
 * keyword no effect there (OpenAPI 3.0.3, see as-written.ts `untypedNullable`); the package checks
 * `anyOf: [schema, {type: null}]`, and on a value that fails the schema reports that `anyOf` and its
 * `type: null` beside the schema's own issues. So the issue sets of these schemas are not comparable, and
 * only their verdicts are compared (a `null` there is a disagreement of its own, see below).
 */
function reachingUntypedNullable(spec: WrittenSpec): Set<string> {
  const refs = new Map<string, string[]>();
  const own = new Set<string>();
  for (const [name, schema] of Object.entries(spec.schemas)) {
    const targets: string[] = [];
    forEachSchema(schema, (node) => {
      if (untypedNullable(node)) own.add(name);
      if (typeof node.$ref === 'string' && node.$ref.startsWith('#/components/schemas/'))
        targets.push(decodeURIComponent(node.$ref.slice('#/components/schemas/'.length)));
    });
    refs.set(name, targets);
  }
  const reaching = new Set<string>();
  for (const name of Object.keys(spec.schemas)) {
    const seen = new Set([name]);
    for (const next of seen) for (const target of refs.get(next) ?? []) seen.add(target);
    if ([...seen].some((reached) => own.has(reached))) reaching.add(name);
  }
  return reaching;
}

function valuesFor(spec: WrittenSpec, name: string, index: number, { made, misses }: Case): unknown[] {
  const arbitrary = arbitraryAsWritten(spec, name);
  const sampled = arbitrary === undefined ? [] : fc.sample(arbitrary, { seed: seed + index, numRuns: made });
  const loose = fc.sample(jsonValue, { seed: seed - index, numRuns: 2 });
  return [...sampled, ...examplesOf(spec.schemas[name]!), ...loose].flatMap((value) => [value, ...nearMisses(value, misses)]);
}

interface Verdict {
  valid: boolean;
  issues: string[];
}

/** What `assertX` says of a value: valid, or its issues as (path, keyword); a throw of anything else is a string. */
function asserted(assert: Face, value: unknown): Verdict | string {
  try {
    assert(value);
    return { valid: true, issues: [] };
  } catch (error) {
    const issues = (error as { issues?: { path: string; keyword: string }[] }).issues;
    if (!Array.isArray(issues)) return `assert threw ${String(error)}`;
    return { valid: false, issues: distinct(issues.map((issue) => `${issue.path} ${issue.keyword}`)) };
  }
}

/** How the package's answer differs from the expected one, in words, or undefined when it does not. */
function difference(expected: Verdict, stopped: unknown, collected: Verdict | string, issuesCompared: boolean): string | undefined {
  if (typeof collected === 'string') return collected;
  if (stopped !== expected.valid || collected.valid !== expected.valid)
    return `AJV says ${expected.valid} ${shown(expected.issues)}, is ${String(stopped)}, assert ${collected.valid} ${shown(collected.issues)}`;
  if (issuesCompared && JSON.stringify(collected.issues) !== JSON.stringify(expected.issues))
    return `issues ${shown(collected.issues)}, AJV's ${shown(expected.issues)}`;
  return undefined;
}

const judged = (validate: ValidateFunction, value: unknown): Verdict => {
  const valid = validate(value) as boolean;
  return { valid, issues: valid ? [] : referenceIssues(validate.errors ?? []) };
};

const shown = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
};

/** One disagreement for each schema first, then the rest: the first ten shown are as varied as they can be. */
const spread = (found: { name: string; text: string }[]) => {
  const firsts = new Map<string, string>();
  for (const { name, text } of found) if (!firsts.has(name)) firsts.set(name, text);
  const shownFirst = new Set(firsts.values());
  return [...shownFirst, ...found.map(({ text }) => text).filter((text) => !shownFirst.has(text))];
};

describe.each(cases)('$label', (testCase) => {
  it('agrees with AJV on every component schema as the spec writes it', () => {
    const spec = readWritten(path.join(repoRoot, testCase.file));
    const { faces, declarations } = packages.get(testCase.label)!;
    const reference = createWrittenReference(spec);
    const lenient = spec.version === '3.0' ? nullableReading(spec) : undefined;
    const names = asWrittenNames(declarations);
    const verdictsOnly = reachingUntypedNullable(spec);
    const missing: string[] = [];
    const disagreements: { name: string; text: string }[] = [];
    const byNullable: { name: string; text: string }[] = [];
    let compared = 0;
    let accepted = 0;
    let issueSets = 0;
    Object.keys(spec.schemas).forEach((name, index) => {
      const exported = names.get(name);
      const is = faces[`is${exported}`];
      const assert = faces[`assert${exported}`];
      // Every component schema has a validator that checks it as written (`isX`; its views, when it has
      // readOnly or writeOnly properties, are `isXRequest` and `isXResponse`): none is skipped.
      if (exported === undefined || is === undefined || assert === undefined) return void missing.push(name);
      const validate = reference(name);
      for (const value of valuesFor(spec, name, index, testCase)) {
        compared++;
        const expected = judged(validate, value);
        if (expected.valid) accepted++;
        const stopped = is(value);
        const collected = asserted(assert, value);
        const issuesCompared = !verdictsOnly.has(name);
        const found = difference(expected, stopped, collected, issuesCompared);
        if (found === undefined) {
          if (!expected.valid && issuesCompared) issueSets++;
          continue;
        }
        // The same value against the reading of `nullable` the package follows: when that reading gives
        // the package's answer, the disagreement is that reading's, and listed apart.
        const explained =
          lenient !== undefined && difference(judged(lenient(name), value), stopped, collected, issuesCompared) === undefined;
        const text = `${name} (${exported}) on ${shown(value)}: ${found}`;
        (explained ? byNullable : disagreements).push({ name, text });
      }
    });
    const total = Object.keys(spec.schemas).length;
    expect(missing).toEqual([]);
    expect(verdictsOnly.size).toBe(testCase.verdictsOnly);
    expect(spread(disagreements).slice(0, 10)).toEqual([]);
    /*
     * A reading of `nullable` kept on purpose, counted so that it cannot spread. OpenAPI 3.0.3 §4.7.24.1
     * (Schema Object, `nullable`): "A true value adds "null" to the allowed type specified by the type
     * keyword, only if type is explicitly defined within the same Schema Object. Other Schema Object
     * constraints retain their defined behavior, and therefore may disallow the use of null as a value."
     * The package lets `null` through wherever `nullable: true` is written (ir/parse-schema.ts,
     * emit/validators/lower-literal.ts `allowNull`), as 3.0.0-3.0.2 worded it ("allows sending a null
     * value"): beside an `enum` that does not list `null` (GitHub writes 69, in 55 schemas:
     * `issue.state_reason`, `check-suite.conclusion`, … and its API sends `null` there) and where no `type`
     * is written (128 places: `installation.account`, …). Through a `oneOf` it turns both ways: an issue
     * whose `state_reason` is `null` is an issue to the package, so a value that is both an issue and a
     * draft issue fails `projects-v2-item-simple.content`'s `oneOf`, and passes AJV's. Every such
     * disagreement is one a reference with the package's reading of `nullable` does not have (above); a
     * change of that reading, or of the lowering around it, moves this count.
     */
    expect(new Set(byNullable.map(({ name }) => name)).size).toBe(testCase.nullableReading);
    // Both kinds of value were compared on each schema: a sample of only invalid values would not test the valid path.
    expect(accepted).toBeGreaterThan(total * 3);
    expect(compared - accepted).toBeGreaterThan(total * 10);
    expect(issueSets).toBeGreaterThan(total * 5);
  });
});
