import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, describe, expect, it } from 'vitest';
import { formats } from '../templates/runtime/checks.js';
import { loadConstructedDocument } from './support/construct-module.js';
import { repoRoot } from './support/paths.js';

/**
 * The JSON Schema Test Suite's draft 2020-12 cases (its `tests/draft2020-12/*.json`, not the optional
 * ones), run through the emitted validators in both modes wherever the emitter covers the schema. The
 * suite is not vendored: point JSON_SCHEMA_TEST_SUITE at a checkout's `tests/draft2020-12` folder (by
 * default `.tmp/json-schema-test-suite/tests/draft2020-12`); without it these tests are skipped. A schema
 * the emitter does not cover (`unevaluated*`, `$dynamicRef`, `$id`-based refs) counts as left to AJV.
 * AJV on the schema as written (the product's options: all errors, the runtime's formats) runs beside it,
 * so the summary says where the two differ; the suite is the arbiter.
 */
const folder = process.env.JSON_SCHEMA_TEST_SUITE ?? path.join(repoRoot, '.tmp/json-schema-test-suite/tests/draft2020-12');
const present = existsSync(folder);
const files = present
  ? readdirSync(folder)
      .filter((file) => file.endsWith('.json'))
      .sort()
  : [];

/** Cases the emitted code gets wrong on purpose, each with why; a listed case that passes fails the test. */
const knownFailures: Record<string, string> = {};

interface Group {
  description: string;
  schema: unknown;
  tests: { description: string; data: unknown; valid: boolean }[];
}

const summary = { cases: 0, covered: 0, passed: 0, ajvPassed: 0, notCovered: [] as string[], differences: [] as string[] };

function ajvVerdict(schema: unknown): (value: unknown) => boolean | 'error' {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  for (const [name, definition] of Object.entries(formats)) ajv.addFormat(name, definition as never);
  try {
    const validate = ajv.compile(schema as object);
    return (value) => {
      try {
        return validate(value) as boolean;
      } catch {
        return 'error';
      }
    };
  } catch {
    return () => 'error';
  }
}

describe.runIf(present)('JSON Schema Test Suite 2020-12', () => {
  const groups = files.flatMap((file) =>
    (JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as Group[]).map((group) => ({ file, group })),
  );
  it.each(groups.map(({ file, group }) => [`${file}: ${group.description}`, group] as const))('%s', async (name, group) => {
    const loaded = await loadConstructedDocument({ document: group.schema, label: 'construct-suite' });
    const ajv = ajvVerdict(group.schema);
    const failures: string[] = [];
    for (const test of group.tests) {
      const key = `${name}: ${test.description}`;
      summary.cases++;
      const byAjv = ajv(test.data) === test.valid;
      if (byAjv) summary.ajvPassed++;
      if (loaded.check === undefined) {
        summary.notCovered.push(`${key} (${loaded.gaps.map((gap) => gap.keyword || gap.reason).join(', ')})`);
        continue;
      }
      summary.covered++;
      const stopped = loaded.check(test.data, '', true);
      const collected = loaded.check(test.data);
      const passed = stopped === test.valid && collected === test.valid;
      if (passed) summary.passed++;
      if (passed !== byAjv) summary.differences.push(`${key}: ours ${passed ? 'right' : 'wrong'}, AJV ${byAjv ? 'right' : 'wrong'}`);
      if (passed === key in knownFailures)
        failures.push(passed ? `${key} passes now: drop it from knownFailures` : `${key}: stop ${stopped}, collect ${collected}`);
    }
    expect(failures).toEqual([]);
  });

  afterAll(() => {
    mkdirSync(path.join(repoRoot, '.tmp'), { recursive: true });
    writeFileSync(path.join(repoRoot, '.tmp/construct-suite-summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  });
});
