import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { GenerateJob, ResolvedConfig } from './config.js';
import { compareStrings } from './diagnostics/diagnostic.js';

/** Folders of `specsDir` that hold shared pieces, not a provider. */
const sharedFolders = new Set(['common']);

/** The embedded default: one job per provider folder with an `openapi.yaml`, `.yml` or `.json`. */
export function discoverJobs(config: ResolvedConfig): GenerateJob[] {
  if (config.jobs !== undefined) return config.jobs;
  const specsDir = path.resolve(config.root, config.specsDir);
  if (!existsSync(specsDir)) return [];
  const providers = readdirSync(specsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !sharedFolders.has(entry.name))
    .map((entry) => entry.name)
    .sort(compareStrings);
  return providers.flatMap((provider) => {
    const entry = ['openapi.yaml', 'openapi.yml', 'openapi.json'].find((name) => existsSync(path.join(specsDir, provider, name)));
    if (entry === undefined) return [];
    return [
      { spec: path.join(config.specsDir, provider, entry), out: path.join(config.outDir, provider), name: `${config.scope}/${provider}` },
    ];
  });
}
