import { createRequire } from 'node:module';
import type { CommonJsMode, PackageMetadata } from '../../config/config.js';
import type { ApiModel } from '../../ir/types.js';
import { packageVersion } from '../../util/versions.js';
import { runtimeFiles } from '../runtime-names.js';
import { changelogFile, type Release } from '../../release/read-release.js';
import { validatorModules } from '../validators/validator-modules.js';

/** The types alone (the `/types` entry): declarations and the enums' value lists, which the index re-exports. */
export const typeFiles = { esm: 'types.js', commonJs: 'types.cjs' } as const;
/** The files every generated package ships; `openapi.json` is the spec it was generated from. */
const packageFiles = [
  'index.js',
  'index.cjs',
  'index.d.ts',
  'index.d.cts',
  'types.js',
  'types.cjs',
  'types.d.ts',
  'types.d.cts',
  'README.md',
  'openapi.json',
];
/**
 * The validators (re-exported by the index), when the spec has any: validators.js binds each one's faces
 * from the runtime and the compiled module (validator-modules.ts), in both module formats.
 */
export const validatorFiles = { esm: 'validators.js', commonJs: 'validators.cjs' } as const;
const validatorModuleFiles = (copy: boolean, fallback: boolean) =>
  Object.values(validatorModules)
    .filter((module) => fallback || module !== validatorModules.fallback)
    .flatMap((module) => [`${module}.js`, ...(copy ? [`${module}.cjs`] : [])]);
/** The typed client (re-exported by the index), in packages with validators. */
export const clientFiles = { esm: 'client.js', commonJs: 'client.cjs' } as const;
/** The webhooks module (`parseWebhook`), in packages with validators. */
export const webhookFiles = { esm: 'webhooks.js', commonJs: 'webhooks.cjs' } as const;

/** The Standard Schema types the validators' declarations refer to (types only, no runtime code). */
const standardSchemaRange = '^1.1.0';

/**
 * What a package whose fallback module runs AJV's code depends on: the range this toolkit itself depends on
 * (generator/package.json), the same on every machine whichever 8.x is installed.
 */
const ajvRange = (createRequire(import.meta.url)('../../../package.json') as { dependencies: { ajv: string } }).dependencies.ajv;

/** Words every package is found by, before the configured ones. */
const baseKeywords = ['openapi', 'typescript', 'api-client', 'validation'];

export function emitPackageJson({
  model,
  packageName,
  validators,
  fallback = false,
  commonjs = 'copy',
  metadata = {},
  release = {},
}: {
  model: ApiModel;
  packageName: string;
  validators: boolean;
  /** Some validators run AJV's code (validators-fallback): the module is shipped and `ajv` is a dependency. @default false */
  fallback?: boolean;
  /** `require-esm`: the CommonJS entries are one line each, and only the ES modules are shipped. @default 'copy' */
  commonjs?: CommonJsMode;
  metadata?: PackageMetadata;
  /** The version (and changelog) `specsmith version` recorded; without one, the spec's info.version. */
  release?: Release;
}): string {
  const homepage = model.docsUrl;
  const copy = commonjs === 'copy';
  const manifest = {
    name: packageName,
    version: release.version ?? packageVersion(model.info.version),
    description: `TypeScript types${validators ? ', validators and a typed client' : ''} for ${model.info.title.replace(/\s+/g, ' ').trim()}, generated from its OpenAPI description`,
    keywords: [...new Set([...baseKeywords, ...(metadata.keywords ?? [])])],
    ...(homepage === undefined ? {} : { homepage }),
    ...(metadata.license === undefined ? {} : { license: metadata.license }),
    ...(metadata.repository === undefined ? {} : { repository: metadata.repository }),
    type: 'module',
    sideEffects: false,
    engines: { node: '>=20.19' },
    exports: {
      '.': {
        import: { types: './index.d.ts', default: './index.js' },
        require: { types: './index.d.cts', default: './index.cjs' },
      },
      './types': {
        import: { types: './types.d.ts', default: './types.js' },
        require: { types: './types.d.cts', default: './types.cjs' },
      },
      ...(validators
        ? {
            './runtime': {
              import: { types: './runtime.d.ts', default: `./${runtimeFiles.esm}` },
              require: { types: './runtime.d.cts', default: `./${runtimeFiles.commonJs}` },
            },
          }
        : {}),
      './openapi.json': './openapi.json',
      './package.json': './package.json',
    },
    main: './index.cjs',
    types: './index.d.cts',
    files: [
      ...packageFiles,
      ...(validators
        ? [
            ...validatorModuleFiles(copy, fallback),
            clientFiles.esm,
            ...(copy ? [clientFiles.commonJs] : []),
            webhookFiles.esm,
            ...(copy ? [webhookFiles.commonJs] : []),
            runtimeFiles.esm,
            runtimeFiles.commonJs,
            'runtime.d.ts',
            'runtime.d.cts',
          ]
        : []),
      // Listed before `specsmith version` first writes it, so that a first release changes nothing here.
      changelogFile,
    ],
    ...(validators ? { dependencies: { '@standard-schema/spec': standardSchemaRange, ...(fallback ? { ajv: ajvRange } : {}) } } : {}),
    // Published with a statement of where it was built (npm provenance needs `repository` to match the CI's).
    publishConfig: { access: 'public', provenance: metadata.repository !== undefined },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
