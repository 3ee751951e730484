import type { ApiModel } from '../../ir/types.js';

/** The files every generated package ships; `package.json` `files` and the writer both use it. */
export const packageFiles = ['index.js', 'index.cjs', 'index.d.ts', 'index.d.cts', 'README.md'] as const;

/**
 * npm needs semver; specs often say `1` or `2.0`. Those are padded (`1.0.0`); anything else that is
 * not semver becomes a pre-release of 0.0.0 so the package still installs.
 */
export function packageVersion(version: string): string {
  const trimmed = version.trim().replace(/^v/, '');
  if (/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.test(trimmed)) return trimmed;
  const parts = /^(\d+)(?:\.(\d+))?$/.exec(trimmed);
  if (parts !== null) return `${parts[1]}.${parts[2] ?? '0'}.0`;
  const label = trimmed.replace(/[^0-9A-Za-z.-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '');
  return label === '' ? '0.0.0' : `0.0.0-${label}`;
}

export function emitPackageJson({ model, packageName }: { model: ApiModel; packageName: string }): string {
  const manifest = {
    name: packageName,
    version: packageVersion(model.info.version),
    description: `TypeScript types for ${model.info.title.replace(/\s+/g, ' ').trim()}, generated from its OpenAPI description`,
    type: 'module',
    sideEffects: false,
    engines: { node: '>=20.19' },
    exports: {
      '.': {
        import: { types: './index.d.ts', default: './index.js' },
        require: { types: './index.d.cts', default: './index.cjs' },
      },
      './package.json': './package.json',
    },
    main: './index.cjs',
    types: './index.d.cts',
    files: [...packageFiles],
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
