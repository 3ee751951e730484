import { pathToFileURL } from 'node:url';
import { templatePath } from '../emit/template-path.js';
import type { ValidationIssue } from './validate-target.js';

/** Every issue of a value, or undefined when it is valid. Never throws for a value. */
export type Check = (value: unknown) => ValidationIssue[] | undefined;

interface Api {
  ValidationError: new (...args: never[]) => Error & { issues: ValidationIssue[] };
  createValidator: (
    subject: string,
    compiled: unknown,
    origins: unknown,
  ) => { is: (value: unknown) => boolean; assert: (value: unknown) => void };
}

/**
 * The checks of a module checks-module.ts wrote, by entry name, each worded by the runtime's
 * validation.js (`assert*`'s issues: paths, messages, spec lines) exactly as a generated package words them.
 */
export async function importChecks(url: string): Promise<Map<string, Check>> {
  const [module, api] = await Promise.all([
    import(url) as Promise<Record<string, unknown> & { $origins: unknown }>,
    import(pathToFileURL(templatePath('runtime/index.js')).href) as Promise<Api>,
  ]);
  const checks = new Map<string, Check>();
  for (const [name, compiled] of Object.entries(module)) {
    if (name === '$origins') continue;
    const { is, assert } = api.createValidator(name, compiled, module.$origins);
    checks.set(name, (value) => {
      // The verdict first: it stops at the first problem, where collecting walks everything.
      if (is(value)) return undefined;
      try {
        assert(value);
        return undefined;
      } catch (error) {
        if (error instanceof api.ValidationError) return error.issues;
        throw error;
      }
    });
  }
  return checks;
}
