import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffSpecs } from '../generator/src/diff/diff-specs.js';

const require = createRequire(import.meta.url);
const folder = path.join(path.dirname(require.resolve('@octokit/openapi/package.json')), 'generated');

/**
 * Two real versions of a GitHub-sized API: GitHub Enterprise Server 3.18 and 3.19 as @octokit/openapi
 * describes them (11 MB of JSON each). Its cost against loading both is measured by `make bench` (bench/diff).
 */
describe('specsmith diff on GitHub Enterprise Server 3.18 -> 3.19', () => {
  it('finds their real changes, at their places, without crashing', async () => {
    const result = await diffSpecs({ old: path.join(folder, 'ghes-3.18.json'), new: path.join(folder, 'ghes-3.19.json'), root: folder });
    if (!result.ok) throw new Error(result.problem ?? JSON.stringify(result.diagnostics.slice(0, 5)));
    const ids = (id: string) => result.changes.filter((change) => change.id === id);
    // 3.19 adds endpoints (60 of them) and component schemas; nothing is removed.
    expect(ids('operation-added').length).toBeGreaterThan(40);
    expect(ids('operation-removed')).toEqual([]);
    expect(ids('schema-added').length).toBeGreaterThan(10);
    // Detaching code-security configurations now takes 1 to 250 repository ids, where any count was accepted.
    const detach = result.changes.filter(
      (change) => change.operation?.includes('code-security/detach-configuration') && change.id !== 'documentation-changed',
    );
    // In the order of their keywords' lines, each at its keyword, named by its payload path.
    expect(detach.map((change) => [change.id, change.message, change.location, change.keyword])).toEqual([
      ['request-min-items-increased', 'minItems none -> 1', 'body.selected_repository_ids', 'minItems'],
      ['request-max-items-decreased', 'maxItems none -> 250', 'body.selected_repository_ids', 'maxItems'],
    ]);
    expect(detach[0]?.new).toMatchObject({
      file: 'ghes-3.19.json',
      pointer: expect.stringMatching(/\/selected_repository_ids\/minItems$/),
    });
    expect(detach[0]?.new?.line).toBeGreaterThan(0);
    // Secret-scanning alerts gained `assigned_to`: a property added to a response model.
    expect(ids('response-property-added').map((change) => change.new?.pointer)).toContain(
      '/components/schemas/secret-scanning-alert/properties/assigned_to',
    );
    // `$ref: X` that became `allOf: [$ref: X, {…}]` is read as the property it adds, not as a type change.
    expect(ids('request-type-changed')).toEqual([]);
    expect(ids('unclassified-change')).toEqual([]);
    expect(result.breaking).toBe(true);
    expect(result.bump).toBe('major');
  });
});
