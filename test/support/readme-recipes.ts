import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { recipeEnv, run, write } from './consumer-repo.js';
import { runWorkflowJob } from './github-workflow.js';
import { temporaryDirectory } from './paths.js';
import { readmeBlock } from './readme-blocks.js';

// The README's recipes, each run in a consumer repository's folder as the README writes it.

/** The README's workflow on a pull request (number 7), with a `gh` on PATH that records its calls. */
export function runWorkflow(root: string) {
  const bin = temporaryDirectory('fake-gh');
  const calls = path.join(bin, 'calls');
  write(
    bin,
    'gh',
    [
      '#!/usr/bin/env bash',
      "# Stands in for GitHub's CLI: records its calls, and fails as gh would without a token or a body file.",
      'echo "GH_TOKEN=$GH_TOKEN $*" >> "$GH_CALLS"',
      '[ -n "$GH_TOKEN" ] || exit 4',
      'while [ $# -gt 0 ]; do',
      '  if [ "$1" = --body-file ] && [ ! -f "$2" ]; then echo "gh: no file $2" >&2; exit 1; fi',
      '  shift',
      'done',
      '',
    ].join('\n'),
  );
  chmodSync(path.join(bin, 'gh'), 0o755);
  const outcomes = runWorkflowJob({
    workflow: readmeBlock({ marker: '`.github/workflows/api-contracts.yml`', language: 'yaml' }),
    cwd: root,
    env: recipeEnv({ PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`, GH_CALLS: calls }),
    expressions: { 'github.event.pull_request.number': '7', 'github.token': 'token-7' },
  });
  return {
    statuses: Object.fromEntries(outcomes.map((outcome) => [outcome.name, outcome.status])),
    output: (name: string) => outcomes.find((outcome) => outcome.name === name)?.output ?? '',
    ghCalls: existsSync(calls) ? readFileSync(calls, 'utf8') : '',
  };
}

/** The README's plain-shell recipe, run as Jenkins and GitLab run scripts (`sh -e`). */
export function runPlainShell(root: string) {
  const script = readmeBlock({ marker: 'The same as plain shell', language: 'sh' });
  const child = spawnSync('sh', ['-e', '-c', script], { cwd: root, env: recipeEnv(), encoding: 'utf8' });
  const report = (file: string) => (existsSync(path.join(root, file)) ? readFileSync(path.join(root, file), 'utf8') : undefined);
  return { status: child.status, output: `${child.stdout}${child.stderr}`, fixtures: report('fixtures.xml'), diff: report('api-diff.xml') };
}

/** The names of the workflow's `run:` steps. */
export const steps = {
  install: 'npm ci',
  check: 'Generated packages match their specs',
  fixtures: 'Fixtures still match the spec',
  diff: 'Breaking changes since the last release',
  comment: 'Comment the report on the pull request',
};

/**
 * The README's release recipe on the consumer's main branch, with `npm publish` as a dry run against a
 * registry that is not there: what the registry holds under the package's name cannot change the outcome.
 */
export function runRelease(root: string) {
  run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], root);
  const script = readmeBlock({ marker: 'and at release time', language: 'sh' });
  const npmDryRun = { npm_config_dry_run: 'true', npm_config_registry: 'http://127.0.0.1:9/', npm_config_fetch_retries: '0' };
  const child = spawnSync('sh', ['-c', script], { cwd: root, env: recipeEnv(npmDryRun), encoding: 'utf8' });
  return { status: child.status, output: `${child.stdout}${child.stderr}` };
}
