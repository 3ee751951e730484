import { rmSync } from 'node:fs';
import path from 'node:path';
import { generate, type GenerateResult } from '../../generator/src/index.js';
import { repoRoot } from './paths.js';

/**
 * Generates one fixture spec into `.tmp/<label>/<name>` inside the repository, so that the paths
 * printed in generated headers are relative and the same on every machine.
 */
export async function generateFixture({
  spec,
  label,
  name,
}: {
  spec: string;
  label: string;
  name: string;
}): Promise<{ result: GenerateResult; outDir: string }> {
  const out = path.join('.tmp', label, name);
  const outDir = path.join(repoRoot, out);
  rmSync(outDir, { recursive: true, force: true });
  const result = await generate({
    root: repoRoot,
    jobs: [{ spec: path.relative(repoRoot, spec), out, name: `@fixtures/${name}` }],
    progress: 'never',
  });
  return { result, outDir };
}
