import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixturesDir, repoRoot, temporaryDirectory } from './support/paths.js';
import { generateFixture } from './support/generate-fixture.js';
import { typeCheck } from './support/type-check.js';

/**
 * A spec whose schemas are named as the runtime's own types (`validation-error`, `ApiResult`, `ClientCore`,
 * `HttpStatusCode`): the package root gives each name to the spec, and the runtime's stay reachable from
 * the `./runtime` entry, as the same classes the validators and the client throw.
 */
let outDir = '';
beforeAll(async () => {
  const generated = await generateFixture({
    spec: path.join(fixturesDir, 'runtime-names.yaml'),
    label: 'runtime-names',
    name: 'runtime-names',
  });
  expect(generated.result.diagnostics).toEqual([]);
  outDir = generated.outDir;
});

const consumer = (index: string, runtime: string) => `
import { assertValidationError, createClient, type ApiResult, type ClientCore, type HttpStatusCode, type RunCheckResult, type ValidationError } from ${JSON.stringify(index)};
import { ValidationError as RuntimeValidationError, type ApiResult as RuntimeApiResult } from ${JSON.stringify(runtime)};

export const problem: ValidationError = { field: 'iban', reason: 'too-long' };
// @ts-expect-error: the root's ValidationError is the spec's schema, not the runtime's class
export const notTheClass: ValidationError = { issues: [] };
export const passed: ApiResult = { passed: true };
export const core: ClientCore = { core: 'x' };
export const status: HttpStatusCode = { code: 500 };
export const wrapped: RuntimeApiResult<200, ApiResult> = { status: 200, data: { passed: true }, headers: new Headers(), response: new Response() };

export async function call(): Promise<string> {
  const result: RunCheckResult = await createClient({ baseUrl: 'http://localhost' }).runCheck({ body: { core: 'x' } });
  if (result.status === 200) return String(result.data.passed);
  if (result.status === 422) return result.data.reason;
  return String(result.data.code);
}

export function check(value: unknown): readonly string[] {
  try {
    assertValidationError(value);
    return [];
  } catch (error) {
    if (error instanceof RuntimeValidationError) return error.issues.map((issue) => issue.path);
    throw error;
  }
}
`;

describe('runtime names a spec takes', () => {
  it('belong to the spec at the root; the runtime keeps them under ./runtime, and both type-check under --strict', () => {
    const folder = temporaryDirectory('runtime-names');
    const file = path.join(folder, 'consumer.mts');
    writeFileSync(file, consumer(path.join(outDir, 'index.js'), path.join(outDir, 'runtime.js')));
    expect(typeCheck([file], folder)).toBe('');
  });

  it('export the classes the validators throw, in both module formats', async () => {
    const esm = (await import(pathToFileURL(path.join(outDir, 'index.js')).href)) as Record<string, (value: unknown) => void>;
    const runtime = (await import(pathToFileURL(path.join(outDir, 'runtime.js')).href)) as Record<string, new () => Error>;
    expect(() => esm.assertValidationError!({ field: 'iban' })).toThrow(runtime.ValidationError!);
    const require = createRequire(import.meta.url);
    const commonJs = require(path.join(outDir, 'index.cjs')) as Record<string, (value: unknown) => void>;
    const commonJsRuntime = require(path.join(outDir, 'runtime.cjs')) as Record<string, new () => Error>;
    expect(() => commonJs.assertValidationError!({})).toThrow(commonJsRuntime.ValidationError!);
    expect(Object.keys(commonJsRuntime).sort()).toEqual(Object.keys(runtime).sort());
  });

  it('export at run time every class and function the runtime declares, in both module formats', async () => {
    const declarations = readFileSync(path.join(outDir, 'runtime.d.cts'), 'utf8');
    const declared = [...declarations.matchAll(/^export (?:declare )?(?:class|function) (\w+)/gm)].map((match) => match[1]!);
    expect(declared).toEqual(expect.arrayContaining(['ValidationError', 'ClientError', 'NetworkError', 'verifySignature']));
    const runtime = (await import(pathToFileURL(path.join(outDir, 'runtime.js')).href)) as Record<string, unknown>;
    const commonJs = createRequire(import.meta.url)(path.join(outDir, 'runtime.cjs')) as Record<string, unknown>;
    for (const name of declared) {
      expect(typeof runtime[name], name).toBe('function');
      expect(typeof commonJs[name], name).toBe('function');
    }
  });

  it("leave the package README's examples compiling: the class comes from ./runtime", () => {
    const project = temporaryDirectory('runtime-names-readme');
    mkdirSync(path.join(project, 'node_modules/@fixtures'), { recursive: true });
    symlinkSync(outDir, path.join(project, 'node_modules/@fixtures/runtime-names'));
    symlinkSync(path.join(repoRoot, 'node_modules/@standard-schema'), path.join(project, 'node_modules/@standard-schema'));
    const readme = readFileSync(path.join(outDir, 'README.md'), 'utf8');
    const examples = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
    expect(examples.join('\n')).toContain("from '@fixtures/runtime-names/runtime'");
    const files = examples.map((example, index) => {
      writeFileSync(path.join(project, `readme-${index}.mts`), example);
      return `readme-${index}.mts`;
    });
    expect(typeCheck(files, project)).toBe('');
  });
});
