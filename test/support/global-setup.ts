import { buildRuntime, isStale } from '../../scripts/build-runtime.mjs';

/**
 * The package runtime is bundled from templates/runtime when specsmith is built (`make build`); a test run
 * after an edit there, without a build, rebuilds it first, so that no test generates a package from a
 * stale bundle.
 */
export default async function setup(): Promise<void> {
  if (isStale()) await buildRuntime();
}
