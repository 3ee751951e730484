import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/paths.js';

/** What a front end ships for one import: esbuild's bundle of it, minified, as an ES module. */
async function bundle(names: string[], from = 'generated/paysafe/validators.js'): Promise<{ code: string; gzip: number }> {
  const result = await build({
    stdin: {
      contents: `import { ${names.join(', ')} } from ${JSON.stringify(path.join(repoRoot, from))};\nconsole.log(${names.join(', ')});`,
      resolveDir: repoRoot,
    },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.text;
  return { code, gzip: gzipSync(code).length };
}

describe('validators are tree-shakable', () => {
  it('one validator bundles to its own functions and the runtime helpers they use', async () => {
    const isError = await bundle(['isError']);
    expect(isError.gzip).toBeLessThanOrEqual(3 * 1024);
    const all = await bundle(['isError', 'isCustomerPerson', 'assertCustomerPerson', 'isCustomer']);
    expect(all.gzip).toBeGreaterThan(4 * isError.gzip);
  });

  it("a validator's bundle holds no other schema's checks or rule tables", async () => {
    // BLACKLIST is a restriction of the v1 Customer only; CustomerPerson (v2) does not reach it.
    expect((await bundle(['isCustomer'])).code).toContain('BLACKLIST');
    const person = await bundle(['isCustomerPerson', 'assertCustomerPerson']);
    expect(person.code).not.toContain('BLACKLIST');
    expect(person.code).toContain('CRYPTO_TRANSACTIONS');
    expect(person.code).toContain('/components/schemas/CustomerPerson');
    expect(person.code).not.toContain('/components/schemas/Error');
  });

  it('is* alone carries neither the all-errors checks nor the messages', async () => {
    const is = await bundle(['isCustomerPerson']);
    const assert = await bundle(['assertCustomerPerson']);
    expect(is.code).not.toContain('did you mean');
    expect(assert.code).toContain('did you mean');
    expect(is.gzip).toBeLessThan(assert.gzip);
  });
});
