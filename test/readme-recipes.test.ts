import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  acmeSpec,
  cloneOf,
  commitAll,
  createConsumerRepo,
  git,
  npmInstall,
  packToolkit,
  run,
  write,
  writeSpec,
  type AcmeSpec,
} from './support/consumer-repo.js';
import { junitSchemaErrors } from './support/ci-formats.js';
import { importedPackages, startServerCommand } from './support/installed-toolkit.js';
import { repoRoot, temporaryDirectory } from './support/paths.js';
import { runPlainShell, runRelease, runWorkflow, steps } from './support/readme-recipes.js';

/**
 * What a user outside this repository does, from the packed toolkit: install it in an empty project, follow
 * a generated package's README, and run the README's CI and release recipes, extracted from README.md
 * itself, in a consumer repository. The toolkit is packed and installed once, for all of them.
 */
let tarball = '';
/** The copy of the checkout the toolkit was packed from. */
let stage = '';
let consumer = { root: '', version: '', generated: '' };
/** The consumer's repository as its git host holds it: clones start from here and releases push here. */
let remote = '';

beforeAll(() => {
  ({ tarball, stage } = packToolkit());
  consumer = createConsumerRepo(tarball);
  remote = path.join(temporaryDirectory('consumer-remote'), 'acme-apis.git');
  git(consumer.root, 'clone', '--quiet', '--bare', consumer.root, remote);
}, 600_000);

const toolkitManifest = () =>
  JSON.parse(readFileSync(path.join(repoRoot, 'generator/package.json'), 'utf8')) as { version: string; dependencies: object };

describe('the specsmith toolkit, packed and installed as a devDependency of an empty project', () => {
  it('ships its compiled code, the precompiled OpenAPI schemas and the templates, and cleans up after packing', () => {
    const files = run('tar', ['-tzf', tarball], repoRoot).split('\n');
    expect(files).toEqual(
      expect.arrayContaining([
        'package/dist/cli/main.js',
        'package/dist/index.js',
        'package/dist/load/openapi-schemas/3.1-dialect.cjs',
        'package/templates/package/README.md',
        'package/dist/runtime/runtime.js',
        'package/dist/runtime/runtime.cjs',
        'package/dist/runtime/runtime.d.ts',
        'package/templates/runtime/index.js',
        'package/templates/runtime/client.js',
      ]),
    );
    expect(files.filter((file) => /^package\/(src|test)\//.test(file))).toEqual([]);
    expect(existsSync(path.join(stage, 'generator/templates'))).toBe(false);
  });

  it('declares as dependencies every package its code imports at run time', () => {
    const installed = path.join(consumer.root, 'node_modules/specsmith');
    const declared = Object.keys(toolkitManifest().dependencies);
    expect(importedPackages(path.join(installed, 'dist')).filter((name) => !declared.includes(name))).toEqual([]);
  });

  it('runs its bin: --version and generate', () => {
    expect(consumer.version.trim()).toBe(toolkitManifest().version);
    expect(consumer.generated).toContain('wrote generated/acme (@acme/acme)');
    expect(readdirSync(path.join(consumer.root, 'generated/acme'))).toEqual(expect.arrayContaining(['index.js', 'openapi.json']));
  });
});

describe('npm pack ./generated/<name>', () => {
  it("packs each of this repository's packages (npm 11 reads generated/<name> without ./ as a GitHub repository)", () => {
    for (const name of readdirSync(path.join(repoRoot, 'generated'))) {
      const packed = JSON.parse(run('npm', ['pack', `./generated/${name}`, '--dry-run', '--json'], repoRoot)) as { name: string }[];
      const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'generated', name, 'package.json'), 'utf8')) as { name: string };
      expect(packed[0]?.name).toBe(manifest.name);
    }
  });
});

describe("a generated package's README, followed by its user", () => {
  it('says to install specsmith as a devDependency, and its mock command serves the installed spec', async () => {
    const user = temporaryDirectory('package-user');
    write(user, 'package.json', JSON.stringify({ name: 'acme-app', private: true }));
    const [packed] = JSON.parse(run('npm', ['pack', './generated/acme', '--pack-destination', user, '--json'], consumer.root)) as {
      filename: string;
    }[];
    run('npm', [...npmInstall, `./${packed?.filename}`], user);
    const readme = readFileSync(path.join(user, 'node_modules/@acme/acme/README.md'), 'utf8');
    expect(readme).toMatch(/npm install --save-dev specsmith\b/);
    // What that line does once specsmith is on the registry: the same tarball, installed the same way.
    run('npm', [...npmInstall, '--save-dev', tarball], user);
    const command = /npx specsmith mock [^`\n]+/.exec(readme)?.[0] ?? '';
    expect(command).toBe('npx specsmith mock --spec node_modules/@acme/acme/openapi.json --port 0');
    const mock = await startServerCommand(command, user);
    try {
      const response = await fetch(`${mock.url}/v1/orders/o1`);
      expect({ status: response.status, body: await response.json() }).toEqual({
        status: 200,
        body: { id: 'o1', item: 'pen', quantity: 2, status: 'OPEN' },
      });
    } finally {
      mock.stop();
    }
  });
});

/**
 * A change to the spec committed on a branch of a fresh clone, as a pull request brings it: with the package
 * regenerated by the consumer's specsmith, or not (its author forgot).
 */
function pullRequest(change: (spec: AcmeSpec) => void, { branch = 'change', regenerate = true } = {}): string {
  const root = cloneOf(remote);
  if (branch !== 'main') git(root, 'switch', '--quiet', '--create', branch);
  const spec = acmeSpec();
  change(spec);
  writeSpec(root, spec);
  if (regenerate) run(path.join(consumer.root, 'node_modules/.bin/specsmith'), ['generate'], root);
  commitAll(root, 'Change the spec');
  return root;
}

const addNote = (spec: AcmeSpec) => (spec.components.schemas.Order.properties.note = { type: 'string' });
/** A required request property: breaking for clients (`request-property-required-added`), and the pen.json fixture lacks it. */
const requireCurrency = (spec: AcmeSpec) => {
  spec.components.schemas.NewOrder.required.push('currency');
  spec.components.schemas.NewOrder.properties.currency = { type: 'string', pattern: '^[A-Z]{3}$' };
};

describe("the README's CI recipes on a pull request that adds an optional response property", () => {
  let root = '';
  beforeAll(() => {
    root = pullRequest(addNote);
  }, 300_000);

  it('the workflow passes every step and comments the diff on the pull request', () => {
    const { statuses, ghCalls } = runWorkflow(root);
    expect(statuses).toEqual({ [steps.install]: 0, [steps.check]: 0, [steps.fixtures]: 0, [steps.diff]: 0, [steps.comment]: 0 });
    expect(readFileSync(path.join(root, 'diff.md'), 'utf8')).toContain('response-property-added');
    expect(ghCalls).toBe('GH_TOKEN=token-7 pr comment 7 --body-file diff.md\n');
  });

  it('the plain-shell recipe exits 0 and writes both JUnit files, without failures', async () => {
    const { status, output, fixtures, diff } = runPlainShell(root);
    expect(status, output).toBe(0);
    for (const report of [fixtures, diff]) {
      expect(report).toMatch(/^<\?xml/);
      expect(report).not.toContain('<failure');
      expect(await junitSchemaErrors(report ?? '')).toEqual([]);
    }
  });
});

describe("the README's CI recipes on a pull request with a breaking change, a fixture it breaks, and a stale package", () => {
  let root = '';
  beforeAll(() => {
    root = pullRequest(requireCurrency, { regenerate: false });
  }, 300_000);

  it('the workflow runs every check, comments the diff, and fails', () => {
    const { statuses, output, ghCalls } = runWorkflow(root);
    expect(statuses).toEqual({ [steps.install]: 0, [steps.check]: 1, [steps.fixtures]: 1, [steps.diff]: 1, [steps.comment]: 0 });
    expect(output(steps.check)).toContain('stale generated/acme/');
    expect(output(steps.fixtures)).toContain('::error file=fixtures/acme/createOrder/body/pen.json');
    expect(output(steps.diff)).toContain('::error file=specs/acme/openapi.yaml');
    expect(readFileSync(path.join(root, 'diff.md'), 'utf8')).toContain('request-property-required-added');
    expect(ghCalls).toBe('GH_TOKEN=token-7 pr comment 7 --body-file diff.md\n');
  });

  it('the annotation, the pull request comment and the JUnit file say where: operation, payload place and the changed keyword', () => {
    const { output } = runWorkflow(root);
    const annotation = /^::error file=specs\/acme\/openapi\.yaml,line=(\d+),col=\d+,title=request-property-required-added\b.*$/m.exec(
      output(steps.diff),
    );
    expect(annotation?.[0]).toContain('POST /orders (createOrder)');
    expect(annotation?.[0]).toContain('request body.currency');
    const specLines = readFileSync(path.join(root, 'specs/acme/openapi.yaml'), 'utf8').split('\n');
    // The new property's own line, where a reader sees what was added.
    expect(specLines[Number(annotation?.[1]) - 1]?.trim()).toMatch(/^currency:/);
    expect(readFileSync(path.join(root, 'diff.md'), 'utf8')).toContain('POST /orders (createOrder)');
    const { diff } = runPlainShell(root);
    expect(diff).toMatch(/<failure [^>]*type="request-property-required-added"[^>]*>[^<]*POST \/orders \(createOrder\)/);
    expect(diff).toContain(`specs/acme/openapi.yaml:${annotation?.[1]}:`);
  });

  it('the plain-shell recipe writes both JUnit files with the failures, and exits 1', async () => {
    const { status, output, fixtures, diff } = runPlainShell(root);
    expect(status, output).toBe(1);
    expect(output).toContain('stale generated/acme/');
    expect(fixtures).toMatch(/<failure[^>]*>[^<]*pen\.json/);
    expect(diff).toMatch(/<failure [^>]*type="request-property-required-added"/);
    for (const report of [fixtures, diff]) expect(await junitSchemaErrors(report ?? '')).toEqual([]);
  });
});

const packedFiles = (root: string) =>
  (JSON.parse(run('npm', ['pack', './generated/acme', '--dry-run', '--json'], root)) as { files: { path: string }[] }[])[0]?.files.map(
    (file) => file.path,
  ) ?? [];

describe("the README's release recipe", () => {
  it('releases twice, each from a fresh clone: the first release commits the new CHANGELOG.md, and each tag is the next one’s base', () => {
    const first = pullRequest(requireCurrency, { branch: 'main' });
    const firstRelease = runRelease(first);
    expect(firstRelease.status, firstRelease.output).toBe(0);
    expect(firstRelease.output).toContain('generated/acme: 1.0.0 -> 2.0.0 (major');
    expect(firstRelease.output).toContain('+ @acme/acme@2.0.0');
    expect(git(first, 'status', '--porcelain')).toBe('');

    const second = pullRequest((spec) => [requireCurrency, addNote].forEach((change) => change(spec)), { branch: 'main' });
    expect(git(second, 'describe', '--tags', '--abbrev=0')).toBe('v2.0.0\n');
    expect(packedFiles(second)).toContain('CHANGELOG.md');
    const secondRelease = runRelease(second);
    expect(secondRelease.status, secondRelease.output).toBe(0);
    expect(secondRelease.output).toContain('generated/acme: 2.0.0 -> 2.1.0 (minor');

    const after = cloneOf(remote);
    expect(git(after, 'describe', '--tags', '--abbrev=0')).toBe('v2.1.0\n');
    const changelog = readFileSync(path.join(after, 'generated/acme/CHANGELOG.md'), 'utf8');
    expect(changelog.match(/^## .*$/gm)).toEqual(['## 2.1.0', '## 2.0.0']);
    expect(changelog).toContain('compared with `v2.0.0`');
  });
});
