import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runtimeBundlePath } from '../generator/src/emit/template-path.js';
import { repoRoot } from './support/paths.js';

/**
 * Every package ships the runtime (templates/runtime, real modules) as one file a format, bundled by
 * esbuild, with declarations tsc and dts-bundle-generator make from the sources (scripts/build-runtime.mjs).
 */
type Classes = Record<string, new (...args: never[]) => Error>;
const esm = (await import(pathToFileURL(path.join(repoRoot, 'generated/enfuce/runtime.js')).href)) as Classes;
const commonJs = createRequire(import.meta.url)(path.join(repoRoot, 'generated/enfuce/runtime.cjs')) as Classes;
const place = { operationId: 'getCard', method: 'GET', url: 'https://api.example/v4/1' };

describe('the package runtime', () => {
  it('is the build of templates/runtime: the package holds the bundle as built, behind its header', () => {
    for (const file of ['runtime.js', 'runtime.cjs'])
      expect(readFileSync(path.join(repoRoot, 'generated/enfuce', file), 'utf8')).toContain(readFileSync(runtimeBundlePath(file), 'utf8'));
    expect(readFileSync(runtimeBundlePath('runtime.js'), 'utf8')).toContain('// templates/runtime/client.js');
  });

  it('has two copies of each class, one a format, and instanceof holds across them by the registered brand', () => {
    expect(esm.ValidationError).not.toBe(commonJs.ValidationError);
    const fromCommonJs = new (commonJs.ValidationError as unknown as new (subject: string, issues: unknown[]) => Error)('Card', []);
    const fromEsm = new (esm.ValidationError as unknown as new (subject: string, issues: unknown[]) => Error)('Card', []);
    expect(fromCommonJs).toBeInstanceOf(esm.ValidationError);
    expect(fromEsm).toBeInstanceOf(commonJs.ValidationError);
    expect(fromEsm).toBeInstanceOf(Error);
    for (const name of ['UnexpectedStatusError', 'NetworkError', 'TimeoutError', 'ResponseValidationError']) {
      const Made = commonJs[name] as unknown as new (details: object) => Error;
      const error = new Made({
        ...place,
        status: 500,
        headers: new Headers(),
        body: '',
        issues: [],
        reason: '',
        timeoutMs: 5,
        cause: new Error('x'),
      });
      expect(error, name).toBeInstanceOf(esm[name]!);
      expect(error, name).toBeInstanceOf(esm.ClientError!);
      expect(error, name).not.toBeInstanceOf(esm.ValidationError!);
      expect(error.name).toBe(name);
    }
    const timeout = new (esm.TimeoutError as unknown as new (details: object) => Error)({ ...place, timeoutMs: 5 });
    expect(timeout).not.toBeInstanceOf(commonJs.NetworkError!);
    expect({ message: 'not an error' }).not.toBeInstanceOf(esm.ClientError!);
    expect(null).not.toBeInstanceOf(esm.ClientError!);
  });

  it("keeps the prototype check for a caller's own subclass, and the brand out of enumeration", () => {
    const ClientError = esm.ClientError as unknown as new (message: string, place: object) => Error;
    class RateLimited extends ClientError {}
    const own = new RateLimited('slow down', place);
    expect(own).toBeInstanceOf(RateLimited);
    expect(own).toBeInstanceOf(esm.ClientError!);
    expect(own).toBeInstanceOf(commonJs.ClientError!);
    expect(new (ClientError as new (message: string, place: object) => Error)('x', place)).not.toBeInstanceOf(RateLimited);
    expect(Object.keys(own)).toEqual(['name', 'operationId', 'method', 'url']);
    expect(JSON.stringify(new (esm.ValidationError as unknown as new (subject: string, issues: unknown[]) => Error)('Card', []))).toBe(
      '{"name":"ValidationError","issues":[]}',
    );
  });

  it('says what a network failure was: code, host and port, as data and in the message', () => {
    const cause = Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4010'), { code: 'ECONNREFUSED', address: '127.0.0.1', port: 4010 }),
    });
    const error = new (esm.NetworkError as unknown as new (details: object) => Error & Record<string, unknown>)({ ...place, cause });
    expect(error.message).toBe('getCard: GET https://api.example/v4/1 failed: ECONNREFUSED 127.0.0.1:4010');
    expect([error.code, error.host, error.port]).toEqual(['ECONNREFUSED', '127.0.0.1', 4010]);
    expect(error.cause).toBe(cause);
  });
});
