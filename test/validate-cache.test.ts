import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpecValidator } from '../generator/src/validate/spec-validator.js';
import { cacheDirectory } from '../generator/src/validate/validator-cache.js';
import { repoRoot, temporaryDirectory } from './support/paths.js';
import { curatedExample } from './support/violations.js';

/** The line of CustomerPerson's `lastName` in the curated spec (the rule's place a message names). */
function lastNameLine(): number {
  const lines = readFileSync(path.join(repoRoot, 'specs/paysafe/openapi.yaml'), 'utf8').split('\n');
  return lines.indexOf('        lastName:', lines.indexOf('    CustomerPerson:')) + 1;
}

/** A copy of specs/ (so its files can change) with an empty cache folder beside it. */
function workspace() {
  const root = temporaryDirectory('validate-cache');
  cpSync(path.join(repoRoot, 'specs'), path.join(root, 'specs'), { recursive: true });
  return { root, cache: path.join(root, 'cache') };
}

const target = { schema: 'CustomerPerson' };
const spec = 'specs/paysafe/openapi.yaml';

describe('the compiled-validator cache of `specsmith validate`', () => {
  it('compiles on the first run, reuses the entry while the spec files are unchanged, and recompiles when one changes', async () => {
    const { root, cache } = workspace();
    const person = curatedExample('paysafe', 'CustomerPerson');
    const first = await loadSpecValidator({ spec, target, root, cache });
    expect(first.ok && first.cache).toBe('miss');
    const entries = readdirSync(cache);
    expect(entries).toHaveLength(1);
    const written = statSync(path.join(cache, entries[0] ?? '')).mtimeMs;

    const second = await loadSpecValidator({ spec, target, root, cache });
    expect(second.ok && second.cache).toBe('hit');
    expect(statSync(path.join(cache, entries[0] ?? '')).mtimeMs).toBe(written);
    if (!second.ok) return;
    expect(second.validator.name).toBe('CustomerPerson');
    expect(second.validator.check(person)).toBeUndefined();
    expect(second.validator.check({ ...person, lastName: 'S'.repeat(51) })?.map((issue) => issue.message)).toEqual([
      `/lastName must be at most 50 characters (spec: specs/paysafe/openapi.yaml:${lastNameLine()}; see https://docs.paysafe.com/api/embedded-wallets/business/2.0.0/wallet/schemas/customerperson)`,
    ]);

    // A change to a file the spec refers to (GB struck from the country list) is a change to the spec.
    const countries = path.join(root, 'specs/common/iso-3166-alpha2.yaml');
    writeFileSync(countries, readFileSync(countries, 'utf8').replace(/^ {4}- GB\n/m, ''));
    const third = await loadSpecValidator({ spec, target, root, cache });
    expect(third.ok && third.cache).toBe('miss');
    if (!third.ok) return;
    expect(third.validator.check(person)?.map((issue) => issue.path)).toEqual(['/countryCode', '/nationality']);
  });

  it('keys entries by target and ignores a damaged entry', async () => {
    const { root, cache } = workspace();
    await loadSpecValidator({ spec, target, root, cache });
    await loadSpecValidator({ spec, target: { schema: 'Customer' }, root, cache });
    const entries = readdirSync(cache);
    expect(entries).toHaveLength(2);
    for (const entry of entries) writeFileSync(path.join(cache, entry), 'export const name = "wrong";\n');
    const again = await loadSpecValidator({ spec, target, root, cache });
    expect(again.ok && again.cache).toBe('miss');
    expect(again.ok && again.validator.check({})?.[0]?.keyword).toBe('required');
  });

  it('compiles without a cache when told to, or when the folder cannot be written', async () => {
    const { root, cache } = workspace();
    const off = await loadSpecValidator({ spec, target, root, cache: false });
    expect(off.ok && off.cache).toBe('off');
    expect(off.ok && off.validator.check(curatedExample('paysafe', 'CustomerPerson'))).toBeUndefined();
    writeFileSync(cache, 'a file where the cache folder would be');
    const unwritable = await loadSpecValidator({ spec, target, root, cache });
    expect(unwritable.ok && unwritable.validator.check({ ...curatedExample('paysafe', 'CustomerPerson'), zip: 7 })?.[0]?.path).toBe('/zip');
  });

  it('lives in $SPECSMITH_CACHE_DIR, else in the nearest node_modules/.cache', () => {
    expect(cacheDirectory('/anywhere', { SPECSMITH_CACHE_DIR: '/tmp/x' })).toBe('/tmp/x');
    expect(cacheDirectory(path.join(repoRoot, 'specs/paysafe'), {})).toBe(path.join(repoRoot, 'node_modules/.cache/specsmith'));
  });
});
