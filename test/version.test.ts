import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { addEntry } from '../generator/src/release/changelog.js';
import { nextVersion } from '../generator/src/release/next-version.js';
import { baseSpec, type Doc } from './support/diff-specs.js';
import { gitRepository } from './support/git-repo.js';
import { repoRoot } from './support/paths.js';

const built = path.join(repoRoot, 'generator/dist/cli/main.js');
const cli = (root: string, args: string[]) => spawnSync(process.execPath, [built, ...args], { cwd: root, encoding: 'utf8' });

/** A consumer repository: one spec, its generated package committed and tagged as released. */
function releasedProject(version = '1.0.0') {
  const repo = gitRepository('version');
  const spec = baseSpec();
  spec.info.version = version;
  repo.write('api/openapi.yaml', stringify(spec));
  repo.write(
    'specsmith.config.json',
    JSON.stringify({ jobs: [{ spec: 'api/openapi.yaml', out: 'gen/api', name: '@acme/api' }], progress: 'never', validators: 'none' }),
  );
  expect(cli(repo.root, ['generate']).status).toBe(0);
  repo.commit('release', 'v1');
  const change = (edit: (doc: Doc) => void) => {
    edit(spec);
    repo.write('api/openapi.yaml', stringify(spec));
  };
  const manifest = () =>
    JSON.parse(readFileSync(path.join(repo.root, 'gen/api/package.json'), 'utf8')) as { version: string; files: string[] };
  const changelog = () => readFileSync(path.join(repo.root, 'gen/api/CHANGELOG.md'), 'utf8');
  return { ...repo, spec, change, manifest, changelog };
}

describe('specsmith version', () => {
  it('raises the package version by the verdict, writes the changelog, and generate and check keep both', () => {
    const project = releasedProject();
    expect(project.manifest().version).toBe('1.0.0');
    project.change((d) => {
      d.components.schemas.In.properties.id.maxLength = 5;
      d.components.schemas.Out.properties.extra = { type: 'string' };
    });
    const run = cli(project.root, ['version', '--since', 'v1']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('gen/api: 1.0.0 -> 2.0.0 (major, 3 change(s), CHANGELOG.md updated)\n');
    expect(project.manifest().version).toBe('2.0.0');
    expect(project.changelog()).toBe(
      [
        '# Changelog',
        '',
        '## 2.0.0',
        '',
        '`api/openapi.yaml` compared with `v1` (API version 1.0.0).',
        '',
        '### Breaking changes',
        '',
        '- PUT /items/{id} (putItem) request body.id (schema In.id): maxLength is lower (or was added): maxLength 10 -> 5 (`request-max-length-decreased`, api/openapi.yaml:48:11)',
        '',
        '### Additions and other changes',
        '',
        '- PUT /items/{id} (putItem) response 200 body.extra (schema Out.extra): an optional property was added: property "extra" (`response-property-added`, api/openapi.yaml:107:9)',
        '',
      ].join('\n'),
    );
    expect(cli(project.root, ['generate']).status).toBe(0);
    expect(project.manifest().version).toBe('2.0.0');
    expect(project.manifest().files).toContain('CHANGELOG.md');
    expect(project.changelog()).toContain('## 2.0.0');
    expect(cli(project.root, ['check']).status).toBe(0);
    // Again for the same revision: the same version, and still one entry for it.
    const again = cli(project.root, ['version', '--since', 'v1']);
    expect(again.stdout).toContain('1.0.0 -> 2.0.0');
    expect(project.changelog().match(/^## 2\.0\.0$/gm)).toHaveLength(1);
  });

  it('a minor for additions, a patch for documentation, nothing without changes', () => {
    const project = releasedProject();
    expect(cli(project.root, ['version', '--since', 'v1']).stdout).toBe('gen/api: no changes since v1, stays 1.0.0\n');
    project.change((d) => (d.info.description = 'Described now.'));
    expect(cli(project.root, ['version', '--since', 'v1']).stdout).toContain('1.0.0 -> 1.0.1 (patch');
    project.change((d) => (d.components.schemas.Extra = { type: 'string' }));
    expect(cli(project.root, ['version', '--since', 'v1']).stdout).toContain('1.0.0 -> 1.1.0 (minor');
    expect(project.changelog().match(/^## /gm)).toHaveLength(2);
  });

  it('below 1.0.0 a breaking change raises the minor', () => {
    const project = releasedProject('0.3.1');
    project.change((d) => delete d.paths['/items/{id}'].put.responses['404']);
    expect(cli(project.root, ['version', '--since', 'v1']).stdout).toContain('0.3.1 -> 0.4.0 (major');
  });

  it('exits 2 on an unknown revision and on a package not generated yet', () => {
    const project = releasedProject();
    const unknown = cli(project.root, ['version', '--since', 'v9']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('cannot read revision v9');
    project.git('rm', '-r', '--quiet', 'gen');
    const missing = cli(project.root, ['version', '--since', 'v1']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('gen/api has no package.json with a version: run specsmith generate first');
  });
});

describe('versions and changelogs', () => {
  it('follows semver, with 0.y.z treated as npm caret ranges do', () => {
    expect(nextVersion('1.2.3', 'major')).toBe('2.0.0');
    expect(nextVersion('1.2.3', 'minor')).toBe('1.3.0');
    expect(nextVersion('1.2.3', 'patch')).toBe('1.2.4');
    expect(nextVersion('1.2.3', 'none')).toBe('1.2.3');
    expect(nextVersion('0.2.3', 'major')).toBe('0.3.0');
    expect(nextVersion('0.2.3', 'minor')).toBe('0.2.4');
    expect(nextVersion('2.0.0-rc.1', 'major')).toBe('2.0.0');
    expect(() => nextVersion('v1', 'major')).toThrow('"v1" is not a semver version');
  });

  it('puts the newest entry first and replaces an entry of the same version', () => {
    const first = addEntry(undefined, '## 1.1.0\n\nA.\n');
    expect(first).toBe('# Changelog\n\n## 1.1.0\n\nA.\n');
    const second = addEntry(first, '## 2.0.0\n\nB.\n');
    expect(second).toBe('# Changelog\n\n## 2.0.0\n\nB.\n\n## 1.1.0\n\nA.\n');
    expect(addEntry(second, '## 2.0.0\n\nC.\n')).toBe('# Changelog\n\n## 2.0.0\n\nC.\n\n## 1.1.0\n\nA.\n');
  });
});
