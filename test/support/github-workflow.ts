import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
}

export interface StepOutcome {
  name: string;
  /** Skipped by its `if`; else the exit status of its script. */
  status: 'skipped' | number;
  output: string;
}

/**
 * A stand-in for a GitHub runner, for the README's workflow: the job's `run:` steps in order, each with
 * `bash -e` (the runner's default shell) in `cwd`, `${{ … }}` replaced from `expressions`, and `if:` read as
 * the runner reads it. `uses:` steps are the caller's to stand in for (a clone, Node.js on PATH).
 */
export function runWorkflowJob({
  workflow,
  cwd,
  env,
  expressions,
}: {
  workflow: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  expressions: Record<string, string>;
}): StepOutcome[] {
  const jobs = (parse(workflow) as { jobs: Record<string, { steps: Step[] }> }).jobs;
  const [job, ...others] = Object.values(jobs);
  if (job === undefined || others.length > 0) throw new Error('the stand-in runs a workflow of one job');
  const outcomes: StepOutcome[] = [];
  for (const step of job.steps.filter((candidate) => candidate.run !== undefined)) {
    const name = step.name ?? step.run ?? '';
    const failed = outcomes.some((outcome) => outcome.status !== 'skipped' && outcome.status !== 0);
    if (!shouldRun({ condition: step.if, failed, cwd })) {
      outcomes.push({ name, status: 'skipped', output: '' });
      continue;
    }
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, substitute(value, expressions)]));
    const script = substitute(step.run ?? '', expressions);
    const child = spawnSync('bash', ['-e', '-c', script], { cwd, env: { ...env, ...stepEnv }, encoding: 'utf8' });
    outcomes.push({ name, status: child.status ?? 1, output: `${child.stdout}${child.stderr}` });
  }
  return outcomes;
}

function substitute(text: string, expressions: Record<string, string>): string {
  return text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_match, expression: string) => {
    const value = expressions[expression];
    if (value === undefined) throw new Error(`the stand-in has no value for \${{ ${expression} }}`);
    return value;
  });
}

/**
 * A step's `if:`, for the expressions the README uses: terms joined by `&&`. As on GitHub, a condition
 * without a status function (`success()`, `failure()`, `always()`, `cancelled()`) also needs `success()`.
 */
function shouldRun({ condition, failed, cwd }: { condition: string | undefined; failed: boolean; cwd: string }): boolean {
  const expression = (condition ?? 'success()').replace(/^\$\{\{([\s\S]*)\}\}$/, '$1').trim();
  const terms = expression.split('&&').map((term) => term.trim());
  if (!terms.some((term) => /^!?(success|failure|always|cancelled)\(\)$/.test(term))) terms.unshift('success()');
  return terms.every((term) => termValue({ term, failed, cwd }));
}

function termValue({ term, failed, cwd }: { term: string; failed: boolean; cwd: string }): boolean {
  if (term === 'always()' || term === '!cancelled()') return true;
  if (term === 'success()') return !failed;
  if (term === 'failure()') return failed;
  const hashed = /^hashFiles\('([^'*?[]+)'\) != ''$/.exec(term);
  if (hashed?.[1] !== undefined) return existsSync(path.join(cwd, hashed[1]));
  throw new Error(`the stand-in cannot evaluate the condition ${term}`);
}
