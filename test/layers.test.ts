import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, layerViolations, roomOf } from '../scripts/check-layers.mjs';

type Problem = { file: string; message: string };
const violations = layerViolations as (root?: string) => Problem[];

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'specsmith-layers-'));
  for (const [relative, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    writeFileSync(path.join(root, relative), text);
  }
  return root;
}

describe('the layers of generator/src', () => {
  it('hold today: every import runs down', () => {
    expect(violations()).toEqual([]);
  });

  it('name an import that runs up, or across to another room of the same layer', () => {
    const root = tree({
      'config/config.ts': "import type { Change } from '../diff/change-log.js';\n",
      'diff/change-log.ts': "import { x } from '../docs-check/facts.js';\nexport type Change = string;\n",
      'docs-check/facts.ts': 'export const x = 1;\n',
      'emit/types/a.ts': "import {\n  y,\n} from '../package/readme.js';\nconst later = () => import('../../cli/run-cli.js');\n",
      'emit/package/readme.ts': "import { Change } from '../../diff/change-log.js';\nexport const y = 1;\n",
      'cli/run-cli.ts': '',
    });
    expect(violations(root).map((problem) => `${problem.file}: ${problem.message}`)).toEqual([
      'config/config.ts: imports diff/change-log.ts (diff), a higher layer than config',
      'diff/change-log.ts: imports docs-check/facts.ts (docs-check), a room of the same layer as diff',
      'emit/types/a.ts: imports emit/package/readme.ts (emit/package), a higher layer than emit/types',
      'emit/types/a.ts: imports cli/run-cli.ts (cli), a higher layer than emit/types',
    ]);
  });

  it('refuse a file that stands in no layer, and an import of one', () => {
    const root = tree({ 'elsewhere/thing.ts': '', 'util/a.ts': "import '../elsewhere/thing.js';\n" });
    expect(violations(root)).toEqual([
      { file: 'elsewhere/thing.ts', message: expect.stringContaining('stands in no layer') },
      { file: 'util/a.ts', message: 'imports elsewhere/thing.ts, which stands in no layer' },
    ]);
  });

  it('read a file of a subfolder as that subfolder, and only relative specifiers', () => {
    expect(roomOf('emit/types/jsdoc.ts')).toBe('emit/types');
    expect(roomOf('emit/ts-text.ts')).toBe('emit');
    expect(roomOf('generate.ts')).toBe('generate.ts');
    expect(importsOf("import path from 'node:path';\nexport { a } from './a.js';\nexport * from '../b.js';\nimport './c.js';")).toEqual([
      './a.js',
      '../b.js',
      './c.js',
    ]);
  });
});
