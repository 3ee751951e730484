import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { formatGitHub } from '../generator/src/report/github.js';
import { baseSpec, writePair, type Doc } from './support/diff-specs.js';
import { gitRepository } from './support/git-repo.js';
import { junitSchemaErrors, sarifSchemaErrors } from './support/ci-formats.js';
import { repoRoot } from './support/paths.js';

const built = path.join(repoRoot, 'generator/dist/cli/main.js');
const cli = (root: string, args: string[]) => spawnSync(process.execPath, [built, ...args], { cwd: root, encoding: 'utf8' });

/** A pair with one breaking, one warning and one info change. */
function mixedPair() {
  const [old, next] = [baseSpec(), baseSpec()];
  const props = next.components.schemas.In.properties;
  props.id.maxLength = 5; // request-max-length-decreased: error
  next.paths['/items/{id}'].put.responses['409'] = { description: 'conflict' }; // response-status-added: warning
  props.note.description = 'Say "hi", 100% <free> & plain\non two lines'; // documentation-changed: info
  next.info.version = '2.0.0'; // api-version-changed: info (a new major, so no api-version-not-bumped)
  props['say "hi" <&>'] = { type: 'string' }; // request-property-added: info, with characters to escape
  return writePair(old, next);
}

describe('specsmith diff on the command line', () => {
  it('prints text and exits 1 on a breaking change; --fail-on moves the line', () => {
    const pair = mixedPair();
    const run = cli(pair.root, ['diff', pair.old, pair.new]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^error {3}request-max-length-decreased {2}new\.yaml:\d+:\d+ \(was old\.yaml:\d+:\d+\)$/m);
    expect(run.stdout).toContain(
      '        PUT /items/{id} (putItem) request body.id (schema In.id): maxLength is lower (or was added): maxLength 10 -> 5\n',
    );
    expect(run.stdout).toContain(
      '5 change(s): 1 error(s), 1 warning(s), 3 info. Breaking for clients. The generated package needs a major release.',
    );
    expect(cli(pair.root, ['diff', pair.old, pair.new, '--fail-on', 'never']).status).toBe(0);
    const relaxed = writePair(
      baseSpec(),
      ((d: Doc) => ((d.paths['/items/{id}'].put.responses['409'] = { description: 'c' }), d))(baseSpec()),
    );
    expect(cli(relaxed.root, ['diff', relaxed.old, relaxed.new]).status).toBe(0);
    expect(cli(relaxed.root, ['diff', relaxed.old, relaxed.new, '--fail-on', 'warning']).status).toBe(1);
  });

  it('exits 2 on bad input: a version with errors, a missing file, an unknown format or revision', () => {
    const broken = baseSpec();
    broken.paths['/items/{id}'].put.requestBody.content['application/json'].schema.$ref = '#/components/schemas/Nope';
    const pair = writePair(baseSpec(), broken);
    const run = cli(pair.root, ['diff', pair.old, pair.new]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('new.yaml');
    expect(run.stderr).toContain('ref-unresolved');
    expect(cli(pair.root, ['diff', pair.old, 'absent.yaml']).status).toBe(2);
    expect(cli(pair.root, ['diff', pair.old, pair.old, '--format', 'xml']).stderr).toContain('--format must be one of');
    const repo = gitRepository('diff-bad-rev');
    repo.write('a.yaml', stringify(baseSpec()));
    repo.commit('one');
    const unknown = cli(repo.root, ['diff', 'no-such-rev:a.yaml', 'a.yaml']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('cannot read no-such-rev:a.yaml');
  });

  it('takes severities from the settings file, and names a mistyped check id with its line', () => {
    const pair = mixedPair();
    const write = (settings: object) => writeFileSync(path.join(pair.root, 'specsmith.config.json'), JSON.stringify(settings, null, 2));
    write({ diff: { severity: { 'request-max-length-decreased': 'warning' } } });
    const run = cli(pair.root, ['diff', pair.old, pair.new]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^warning request-max-length-decreased/m);
    write({ diff: { severity: { 'request-max-lenght-decreased': 'off' } } });
    const typo = cli(pair.root, ['diff', pair.old, pair.new]);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('specsmith.config.json:4:');
    expect(typo.stderr).toContain('no check is named "request-max-lenght-decreased". Did you mean "request-max-length-decreased"?');
  });

  it('reads REV:path with git, every referenced file at that revision', () => {
    const repo = gitRepository('diff-git');
    const spec = baseSpec();
    spec.components.schemas.In.properties.code = { $ref: 'common.yaml#/Code' };
    repo.write('api/main.yaml', stringify(spec));
    repo.write('api/common.yaml', 'Code:\n  type: string\n  maxLength: 8\n');
    repo.commit('first release', 'v1');
    repo.write('api/common.yaml', 'Code:\n  type: string\n  maxLength: 4\n');
    const working = cli(repo.root, ['diff', 'v1:api/main.yaml', 'api/main.yaml', '--format', 'json']);
    expect(working.status).toBe(1);
    const report = JSON.parse(working.stdout);
    expect(report.old.source).toBe('v1:api/main.yaml');
    const mainLines = stringify(spec).split('\n');
    expect(
      report.changes.map((change: { id: string; new: { file: string; line: number } }) => [change.id, change.new.file, change.new.line]),
    ).toEqual([
      ['request-max-length-decreased', 'api/common.yaml', 3],
      ['api-version-not-bumped', 'api/main.yaml', mainLines.findIndex((line) => line.trim() === 'version: 1.0.0') + 1],
    ]);
    expect(report.changes[0]).toMatchObject({ location: 'body.code', fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/) });
    repo.commit('narrower code');
    // From a subfolder, paths after the colon are read from the working directory, as git show REV:./path does.
    const both = cli(path.join(repo.root, 'api'), ['diff', 'v1:main.yaml', 'HEAD:main.yaml', '--format', 'json']);
    expect(JSON.parse(both.stdout).changes[0].id).toBe('request-max-length-decreased');
    expect(cli(repo.root, ['diff', 'v1:api/main.yaml', 'v1:api/main.yaml']).stdout).toContain('0 change(s)');
  });
});

describe('specsmith diff reports for CI systems', () => {
  it('the schema checks refuse a broken report (so the tests below can fail)', async () => {
    expect(await junitSchemaErrors('<testsuites><testsuite tests="1"><testcase/></testsuite></testsuites>')).not.toEqual([]);
    expect(sarifSchemaErrors({ version: '2.1.0', runs: [{ results: [] }] })).not.toEqual([]);
  });

  it('junit: valid against the JUnit XML schema (Jenkins junit-4.xsd), a failure per breaking change', async () => {
    const pair = mixedPair();
    const xml = cli(pair.root, ['diff', pair.old, pair.new, '--format', 'junit']).stdout;
    expect(await junitSchemaErrors(xml)).toEqual([]);
    expect(xml).toContain('<testsuites name="specsmith diff" tests="5" failures="1" errors="0">');
    expect(xml).toMatch(
      /<testcase name="request-max-length-decreased PUT \/items\/\{id\} \(putItem\) request body\.id \(schema In\.id\)" [^>]*>\s*<failure message="PUT \/items\/\{id\} \(putItem\) request body\.id[^"]*maxLength 10 -&gt; 5" type="request-max-length-decreased">new\.yaml:\d+:\d+: /,
    );
    expect(xml).toContain(
      'name="request-property-added PUT /items/{id} (putItem) request body[&quot;say \\&quot;hi\\&quot; &lt;&amp;&gt;&quot;] (schema In[&quot;say \\&quot;hi\\&quot; &lt;&amp;&gt;&quot;])"',
    );
    expect(xml).toContain('property "say \\"hi\\" &lt;&amp;&gt;"</system-out>');
  });

  it('sarif: valid against the SARIF 2.1.0 schema, each result at its file and line', () => {
    const pair = mixedPair();
    const log = JSON.parse(cli(pair.root, ['diff', pair.old, pair.new, '--format', 'sarif']).stdout);
    expect(sarifSchemaErrors(log)).toEqual([]);
    const results = log.runs[0].results;
    expect(results.map((result: { ruleId: string; level: string }) => [result.ruleId, result.level])).toEqual([
      ['request-max-length-decreased', 'error'],
      ['response-status-added', 'warning'],
    ]);
    const text = readFileSync(path.join(pair.root, 'new.yaml'), 'utf8').split('\n');
    const line = text.findIndex((entry) => entry.trim() === 'maxLength: 5') + 1;
    expect(results[0].locations[0]).toEqual({
      physicalLocation: {
        artifactLocation: { uri: 'new.yaml' },
        region: { startLine: line, startColumn: text[line - 1]!.indexOf('maxLength') + 1 },
      },
      logicalLocations: [{ fullyQualifiedName: 'PUT /items/{id} (putItem) request body.id (schema In.id)' }],
    });
    // The JSON report's fingerprint, so code scanning follows the finding across commits.
    const json = JSON.parse(cli(pair.root, ['diff', pair.old, pair.new, '--format', 'json']).stdout);
    expect(results[0].partialFingerprints).toEqual({ 'specsmith/v1': json.changes[0].fingerprint });
    expect(json.changes[0].fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(log.runs[0].tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual([
      'request-max-length-decreased',
      'response-status-added',
    ]);
  });

  it('github: workflow annotations at the changed keyword, titled by the operation and payload path (no repeated id)', () => {
    const pair = mixedPair();
    const text = readFileSync(path.join(pair.root, 'new.yaml'), 'utf8').split('\n');
    const line = text.findIndex((entry) => entry.trim() === 'maxLength: 5') + 1;
    const column = text[line - 1]!.indexOf('maxLength') + 1;
    const out = cli(pair.root, ['diff', pair.old, pair.new, '--format', 'github']).stdout;
    expect(out.split('\n')).toEqual([
      `::error file=new.yaml,line=${line},col=${column},title=request-max-length-decreased%3A PUT /items/{id} (putItem) request body.id (schema In.id)::PUT /items/{id} (putItem) request body.id (schema In.id): maxLength is lower (or was added): maxLength 10 -> 5`,
      expect.stringMatching(
        /^::warning file=new\.yaml,line=\d+,col=\d+,title=response-status-added%3A PUT \/items\/\{id\} \(putItem\) response 409::PUT \/items\/\{id\} \(putItem\) response 409: a response status was documented \(clients may not handle it\): status 409$/,
      ),
      '',
    ]);
  });

  it('github: escapes % and line breaks in messages, and : and , in properties, as the runner unescapes them', () => {
    const finding = {
      suite: 's',
      name: 'a:b,c',
      ruleId: 'r',
      level: 'warning' as const,
      failed: false,
      message: '100%\r\ndone',
      file: 'x,y.yaml',
      line: 3,
    };
    expect(formatGitHub([finding, { ...finding, level: 'note' }])).toBe(
      '::warning file=x%2Cy.yaml,line=3,title=r%3A a%3Ab%2Cc::100%25%0D%0Adone\n',
    );
  });

  it('--explain prints a check, exits 0; a typo exits 2 with the nearest id', () => {
    const pair = mixedPair();
    const run = cli(pair.root, ['diff', '--explain', 'request-enum-value-removed']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('request-enum-value-removed: request: a value was removed from an enum\n');
    expect(run.stdout).toContain('Default severity: error');
    expect(run.stdout).toContain('Package release: major');
    expect(run.stdout).toContain('  before: enum: [A, B]\n  after:  enum: [A]\n');
    expect(cli(pair.root, ['diff', '--explain', 'api-version-not-bumped']).stdout).toContain('Default severity: warning');
    const typo = cli(pair.root, ['diff', '--explain', 'request-enum-value-remove']);
    expect(typo.status).toBe(2);
    expect(typo.stdout).toBe('');
    expect(typo.stderr).toBe('specsmith diff: no check is named "request-enum-value-remove". Did you mean "request-enum-value-removed"?\n');
  });

  it('markdown: most severe first, rows beyond the first ten folded', () => {
    const [old, next] = [baseSpec(), baseSpec()];
    for (let index = 0; index < 12; index += 1) next.components.schemas.In.properties[`p${index}`] = { type: 'string' };
    next.components.schemas.In.properties.id.maxLength = 5;
    next.info.version = '2.0.0';
    const pair = writePair(old, next);
    const markdown = cli(pair.root, ['diff', pair.old, pair.new, '--format', 'markdown']).stdout;
    const rows = markdown.split('\n').filter((line) => line.startsWith('| 🔴') || line.startsWith('| ⚪'));
    expect(rows).toHaveLength(14);
    expect(rows[0]).toMatch(
      /^\| 🔴 error \| `request-max-length-decreased` \| `new\.yaml:\d+:\d+` \| PUT \/items\/\{id\} \(putItem\) request body\.id \(schema In\.id\): maxLength is lower \(or was added\): maxLength 10 -> 5 \|$/,
    );
    expect(markdown).toContain('### specsmith diff: 1 breaking change(s)');
    expect(markdown).toContain('<details><summary>4 more change(s)</summary>');
    expect(markdown.indexOf('<details>')).toBeGreaterThan(markdown.indexOf(rows[9]!));
  });
});

describe('specsmith diff --since: every spec of a repository at once (#26 point 7)', () => {
  /** Two providers at v1 (tagged), then one changed in a breaking way, one in a harmless way, and a third added. */
  function repository() {
    const repo = gitRepository('diff-since');
    const spec = (title: string): Doc => ({ ...baseSpec(), info: { title, version: '1.0.0' } });
    repo.write('specs/alpha/openapi.yaml', stringify(spec('Alpha')));
    repo.write('specs/beta/openapi.yaml', stringify(spec('Beta')));
    repo.commit('v1', 'v1');
    const alpha = spec('Alpha');
    alpha.components.schemas.In.properties.status.enum = ['A']; // request-enum-value-removed: error
    repo.write('specs/alpha/openapi.yaml', stringify(alpha));
    const beta = spec('Beta');
    beta.components.schemas.Out.properties.note.description = 'Free text.'; // documentation-changed: info
    repo.write('specs/beta/openapi.yaml', stringify(beta));
    repo.write('specs/gamma/openapi.yaml', stringify(spec('Gamma')));
    return repo;
  }

  it('one report and one exit code: json lists each spec, and the specs new since the revision', () => {
    const repo = repository();
    const run = cli(repo.root, ['diff', '--since', 'v1', '--format', 'json']);
    expect(run.status, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as { since: string; breaking: boolean; specs: Doc[]; added: string[] };
    expect(report.since).toBe('v1');
    expect(report.breaking).toBe(true);
    expect(report.added).toEqual(['specs/gamma/openapi.yaml']);
    expect(report.specs.map((spec) => [spec.new.source, spec.breaking, spec.changes.map((change: Doc) => change.id)])).toEqual([
      ['specs/alpha/openapi.yaml', true, ['request-enum-value-removed', 'api-version-not-bumped']],
      ['specs/beta/openapi.yaml', false, ['documentation-changed']],
    ]);
    // Without the breaking change, the repository passes.
    repo.write('specs/alpha/openapi.yaml', stringify({ ...baseSpec(), info: { title: 'Alpha', version: '1.0.0' } }));
    expect(cli(repo.root, ['diff', '--since', 'v1']).status).toBe(0);
  });

  it('github, markdown and junit name the spec file, the operation, the payload path and the enum line', () => {
    const repo = repository();
    const enumLine =
      readFileSync(path.join(repo.root, 'specs/alpha/openapi.yaml'), 'utf8')
        .split('\n')
        .findIndex((line) => line.trimStart().startsWith('enum:')) + 1;
    const github = cli(repo.root, ['diff', '--since', 'v1', '--format', 'github']);
    expect(github.status).toBe(1);
    expect(github.stdout).toMatch(
      new RegExp(
        `^::error file=specs/alpha/openapi\\.yaml,line=${enumLine},col=\\d+,title=request-enum-value-removed%3A PUT /items/\\{id\\} \\(putItem\\) request body\\.status`,
        'm',
      ),
    );
    const markdown = cli(repo.root, ['diff', '--since', 'v1', '--format', 'markdown']).stdout;
    expect(markdown).toContain('### specsmith diff: 1 breaking change(s)');
    expect(markdown).toContain('`specs/gamma/openapi.yaml`: new, nothing to compare with.');
    expect(markdown).toContain(`\`specs/alpha/openapi.yaml:${enumLine}:`);
    expect(markdown).toContain('PUT /items/{id} (putItem) request body.status');
    const junit = cli(repo.root, ['diff', '--since', 'v1', '--format', 'junit']).stdout;
    expect(junit).toContain('request-enum-value-removed PUT /items/{id} (putItem) request body.status');
    expect(junit).toContain(`specs/alpha/openapi.yaml:${enumLine}`);
  });

  it('a spec removed since the revision is an error in every format: its package is gone', () => {
    const repo = repository();
    repo.git('rm', '--quiet', '--force', 'specs/beta/openapi.yaml');
    repo.write('specs/alpha/openapi.yaml', stringify({ ...baseSpec(), info: { title: 'Alpha', version: '1.0.0' } }));
    const json = cli(repo.root, ['diff', '--since', 'v1', '--format', 'json']);
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ breaking: true, removed: ['specs/beta/openapi.yaml'] });
    expect(cli(repo.root, ['diff', '--since', 'v1']).stdout).toContain(
      'error   specs/beta/openapi.yaml: removed since v1 (its package is gone)',
    );
    expect(cli(repo.root, ['diff', '--since', 'v1', '--format', 'markdown']).stdout).toContain('🔴 `specs/beta/openapi.yaml`: removed');
    expect(cli(repo.root, ['diff', '--since', 'v1', '--format', 'github']).stdout).toMatch(
      /^::error file=specs\/beta\/openapi\.yaml,title=spec-removed/m,
    );
  });

  it('usage: --since takes no OLD NEW; an unknown revision exits 2', () => {
    const repo = repository();
    expect(cli(repo.root, ['diff', '--since', 'v1', 'a.yaml', 'b.yaml']).stderr).toContain('--since compares every spec');
    const unknown = cli(repo.root, ['diff', '--since', 'v9']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('cannot read revision v9');
  });
});
