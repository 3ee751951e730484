import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { compareStrings } from '../diagnostics/diagnostic.js';
import { locate, OriginIndex } from '../load/origins.js';
import { parseJsonText } from '../load/parse-json.js';
import { displayPathOf } from '../load/source-set.js';
import { parsePointer } from '../util/json-pointer.js';
import { dataUrl } from '../util/data-url.js';
import { importChecks, type Check } from './checks.js';
import { compileSpecTargets } from './compile-spec-validator.js';
import type { ValidateTarget, ValidationIssue } from './validate-target.js';

/** An issue of a fixture, with where in the fixture file it is (the deepest node of its path that exists). */
export interface FixtureIssue extends ValidationIssue {
  line: number;
  column: number;
}

export interface FixtureResult {
  /** The fixture file, relative to the root. */
  file: string;
  /** `createCustomer body`, `getCard response.200`, `schema CustomerPerson`. */
  target: string;
  /** `*.invalid.json` files are expected to be refused. */
  expected: 'valid' | 'invalid';
  /** `unreadable`: not JSON; `no-target`: its folder names nothing in the spec. */
  outcome: 'valid' | 'invalid' | 'unreadable' | 'no-target';
  /** Not what was expected: the build fails. */
  surprise: boolean;
  issues: FixtureIssue[];
  /** Why it could not be checked. */
  problem?: string;
  line: number;
  column: number;
}

/**
 * `ok`: every fixture is as expected. `ran` tells a fixture that surprised (`ran: true`, each result
 * there) from a check that could not run: the spec has errors (its diagnostics), or the folder cannot be
 * read or holds no fixture (`problem`).
 */
export type FixturesResult =
  | { ok: boolean; ran: true; results: FixtureResult[]; diagnostics: Diagnostic[] }
  | { ok: false; ran: false; diagnostics: Diagnostic[]; problem?: string };

interface FixtureFile {
  absolutePath: string;
  /** What its folders name; `misplaced` when it is not two folders deep. */
  target: ValidateTarget | { misplaced: true };
  label: string;
}

const placement = 'is not where fixtures go: DIR/<operationId>/<part>/*.json or DIR/schemas/<Name>/*.json';

/**
 * Checks a folder of example payloads against a spec: `DIR/<operationId>/<part>/*.json` (part as for
 * `validate --part`: body, path, query, headers, response.<status>) and `DIR/schemas/<Name>/*.json`. A file
 * named `*.invalid.json` must be refused, any other must be accepted. Every target is compiled once, in one module.
 */
export async function checkFixtures({
  spec,
  dir,
  root = process.cwd(),
}: {
  spec: string;
  dir: string;
  root?: string;
}): Promise<FixturesResult> {
  const base = path.resolve(root);
  let files: FixtureFile[];
  try {
    files = await findFixtures(path.resolve(base, dir));
  } catch (error) {
    return {
      ok: false,
      ran: false,
      diagnostics: [],
      problem: `cannot read ${dir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    };
  }
  // An empty folder checks nothing: a CI job pointed at the wrong one must not pass.
  if (files.length === 0) return { ok: false, ran: false, diagnostics: [], problem: `no fixture in ${dir}: it holds no .json file` };
  const placed = files.filter((file) => !('misplaced' in file.target));
  const keys = [...new Set(placed.map((file) => JSON.stringify(file.target)))];
  const compiled = await compileSpecTargets({ spec, targets: keys.map((key) => JSON.parse(key) as ValidateTarget), root: base });
  if (!compiled.ok) return { ...compiled, ran: false };
  const checks = compiled.code === '' ? new Map<string, Check>() : await importChecks(dataUrl(compiled.code));
  const results: FixtureResult[] = [];
  for (const fixture of files) {
    const index = keys.indexOf(JSON.stringify(fixture.target));
    const name = compiled.names[index];
    const check = index === -1 ? placement : name === undefined ? compiled.problems[index]! : checks.get(name)!;
    results.push(await checkFixture({ fixture, root: base, check }));
  }
  return { ok: results.every((result) => !result.surprise), ran: true, results, diagnostics: compiled.diagnostics };
}

async function checkFixture({
  fixture,
  root,
  check,
}: {
  fixture: FixtureFile;
  root: string;
  check: string | ((value: unknown) => ValidationIssue[] | undefined);
}): Promise<FixtureResult> {
  const file = displayPathOf(fixture.absolutePath, root);
  const expected: FixtureResult['expected'] = fixture.absolutePath.endsWith('.invalid.json') ? 'invalid' : 'valid';
  const base = { file, target: fixture.label, expected, issues: [] as FixtureIssue[], line: 0, column: 0 };
  if (typeof check === 'string') return { ...base, outcome: 'no-target', surprise: true, problem: check };
  const origins = new OriginIndex();
  const parsed = parseJsonText({ text: await readFile(fixture.absolutePath, 'utf8'), file, origins });
  const syntax = parsed.diagnostics[0];
  if (syntax !== undefined)
    return { ...base, outcome: 'unreadable', surprise: true, problem: syntax.message, line: syntax.line, column: syntax.column };
  const issues = (check(parsed.value) ?? []).map((issue) => {
    const origin = locate(origins, parsed.value, parsePointer(issue.path) ?? []);
    return { ...issue, line: origin?.line ?? 1, column: origin?.column ?? 1 };
  });
  const outcome = issues.length === 0 ? 'valid' : 'invalid';
  return { ...base, outcome, surprise: outcome !== expected, issues, line: issues[0]?.line ?? 0, column: issues[0]?.column ?? 0 };
}

/**
 * Every `.json` file under a folder, in code-unit order, each with the target its two folders name. A file
 * at another depth names no target: it is listed all the same (as a surprise), so that a fixture put in the
 * wrong place fails the build instead of never being checked.
 */
async function findFixtures(folder: string): Promise<FixtureFile[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const paths = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort(compareStrings);
  return paths.map((absolutePath) => {
    const segments = path.relative(folder, absolutePath).split(path.sep);
    const [first, second] = segments;
    if (segments.length !== 3 || first === undefined || second === undefined)
      return { absolutePath, target: { misplaced: true }, label: 'misplaced' };
    const target: ValidateTarget = first === 'schemas' ? { schema: second } : { operation: first, part: second };
    return { absolutePath, target, label: first === 'schemas' ? `schema ${second}` : `${first} ${second}` };
  });
}
