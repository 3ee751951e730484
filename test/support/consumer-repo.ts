import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { repoRoot, temporaryDirectory } from './paths.js';

/**
 * The environment a recipe runs in: this process's, less what `npm test` or `npm run` put there for
 * the workspace (an npm child would take the workspace for its project), with git needing no user config.
 */
export function recipeEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const kept = Object.entries(process.env).filter(([key]) => !/^npm_(?!config_(cache|registry|userconfig)$)|^INIT_CWD$/i.test(key));
  return {
    ...Object.fromEntries(kept),
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Acme CI',
    GIT_AUTHOR_EMAIL: 'ci@acme.invalid',
    GIT_COMMITTER_NAME: 'Acme CI',
    GIT_COMMITTER_EMAIL: 'ci@acme.invalid',
    ...extra,
  };
}

/** Runs a command to completion; throws with its output when it fails. Returns stdout. */
export function run(command: string, args: string[], cwd: string, env = recipeEnv()): string {
  const child = spawnSync(command, args, { cwd, env, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${child.status}\n${child.stdout}${child.stderr}`);
  return child.stdout;
}

/**
 * `npm pack ./generator` as a maintainer runs it after `make build`, its prepack and postpack included, from
 * a copy of the checkout's layout (generator/ beside templates/): the prepack's copy of the templates then
 * never lands in the checkout, which other test files generate from at the same time.
 */
export function packToolkit(): { tarball: string; stage: string } {
  const stage = temporaryDirectory('toolkit-stage');
  cpSync(path.join(repoRoot, 'templates'), path.join(stage, 'templates'), { recursive: true });
  for (const file of ['package.json', 'dist'])
    cpSync(path.join(repoRoot, 'generator', file), path.join(stage, 'generator', file), { recursive: true });
  const destination = temporaryDirectory('toolkit-pack');
  const packed = JSON.parse(run('npm', ['pack', './generator', '--pack-destination', destination, '--json'], stage)) as {
    filename: string;
  }[];
  return { tarball: path.join(destination, packed[0]?.filename ?? ''), stage };
}

export const npmInstall = ['install', '--prefer-offline', '--no-audit', '--no-fund'];

/** A small spec of the kind a consumer keeps: two operations, two schemas, an enum. */
export function acmeSpec() {
  const order = { id: 'o1', item: 'pen', quantity: 2, status: 'OPEN' };
  const json = (schema: string, example?: object) => ({
    'application/json': { schema: { $ref: `#/components/schemas/${schema}` }, ...(example === undefined ? {} : { example }) },
  });
  const newOrder = { item: { type: 'string', maxLength: 40 }, quantity: { type: 'integer', minimum: 1 } } as Record<string, object>;
  return {
    openapi: '3.1.0',
    info: { title: 'Acme Orders', version: '1.0.0' },
    servers: [{ url: 'https://api.acme.example/v1' }],
    paths: {
      '/orders': {
        post: {
          operationId: 'createOrder',
          requestBody: { required: true, content: json('NewOrder') },
          responses: { '201': { description: 'The order', content: json('Order', order) } },
        },
      },
      '/orders/{id}': {
        get: {
          operationId: 'getOrder',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'The order', content: json('Order', order) } },
        },
      },
    },
    components: {
      schemas: {
        NewOrder: { type: 'object', required: ['item', 'quantity'], properties: newOrder },
        Order: {
          type: 'object',
          required: ['id', 'item', 'quantity', 'status'],
          properties: { id: { type: 'string' }, ...newOrder, status: { type: 'string', enum: ['OPEN', 'SHIPPED'] } } as Record<
            string,
            object
          >,
        },
      },
    },
  };
}
export type AcmeSpec = ReturnType<typeof acmeSpec>;

/** Fixtures as `specsmith validate --fixtures` reads them: one refused on purpose. */
const fixtures: Record<string, object> = {
  'createOrder/body/pen.json': { item: 'pen', quantity: 2 },
  'createOrder/body/zero-quantity.invalid.json': { item: 'pen', quantity: 0 },
  'getOrder/response.200/open.json': { id: 'o1', item: 'pen', quantity: 2, status: 'OPEN' },
};

export function write(root: string, file: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

export const writeSpec = (root: string, spec: AcmeSpec) => write(root, 'specs/acme/openapi.yaml', stringify(spec));

/**
 * A consumer repository at its first release, tagged v1.0.0: specsmith installed from `tarball` as a
 * devDependency (the tarball kept in the repository, so that `npm ci` in a clone finds it), the spec, its
 * fixtures and the package `specsmith generate` made (named `@acme/acme`: the packages take the scope of the
 * repository's package.json). Returns its folder and what the toolkit printed.
 */
export function createConsumerRepo(tarball: string): { root: string; version: string; generated: string } {
  const root = temporaryDirectory('consumer-repo');
  const vendored = path.join('vendor', path.basename(tarball));
  mkdirSync(path.join(root, 'vendor'));
  copyFileSync(tarball, path.join(root, vendored));
  write(root, 'package.json', JSON.stringify({ name: '@acme/apis', private: true }, null, 2));
  write(root, '.gitignore', 'node_modules/\n');
  run('npm', [...npmInstall, '--save-dev', `./${vendored}`], root);
  writeSpec(root, acmeSpec());
  for (const [file, value] of Object.entries(fixtures)) write(root, `fixtures/acme/${file}`, JSON.stringify(value, null, 2));
  const version = run('npx', ['specsmith', '--version'], root);
  const generated = run('npx', ['specsmith', 'generate'], root);
  git(root, 'init', '--quiet', '--initial-branch=main');
  commitAll(root, 'Acme APIs');
  git(root, 'tag', 'v1.0.0');
  return { root, version, generated };
}

export const git = (root: string, ...args: string[]) =>
  execFileSync('git', args, { cwd: root, env: recipeEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

export function commitAll(root: string, message: string): void {
  git(root, 'add', '--all');
  git(root, 'commit', '--quiet', '--message', message);
}

/** A fresh clone of `remote`, as CI or a release job starts from. */
export function cloneOf(remote: string): string {
  const root = path.join(temporaryDirectory('consumer-clone'), 'acme-apis');
  git(path.dirname(root), 'clone', '--quiet', remote, root);
  return root;
}
