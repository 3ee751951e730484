import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { UserConfig } from './config.js';
import { createDiagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { locate, OriginIndex } from '../load/origins.js';
import { readSourceFile } from '../load/source-set.js';
import { escapePointerToken, getAtPointer, parsePointer } from '../util/json-pointer.js';
import { didYouMean } from '../util/did-you-mean.js';
import { checkIds } from '../shared/change-catalog.js';
import { scopePattern } from './package-scope.js';

/** Looked for in the working directory when `--config` is not given. */
export const defaultConfigFile = 'specsmith.config.json';

const configSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    specsDir: { type: 'string', minLength: 1 },
    outDir: { type: 'string', minLength: 1 },
    scope: { type: 'string', pattern: scopePattern },
    format: { enum: ['auto', 'prettier', 'none'] },
    formatLimit: { type: 'integer', minimum: 0 },
    progress: { enum: ['auto', 'always', 'never'] },
    validators: { enum: ['all', 'none'] },
    commonjs: { enum: ['copy', 'require-esm'] },
    schemaKeywordTypos: { enum: ['error', 'warning'] },
    packageMetadata: {
      type: 'object',
      additionalProperties: false,
      properties: {
        license: { type: 'string', minLength: 1 },
        repository: {
          anyOf: [
            { type: 'string', minLength: 1 },
            {
              type: 'object',
              additionalProperties: false,
              required: ['type', 'url'],
              properties: { type: { type: 'string' }, url: { type: 'string' }, directory: { type: 'string' } },
            },
          ],
        },
        keywords: { type: 'array', items: { type: 'string', minLength: 1 } },
      },
    },
    diff: {
      type: 'object',
      additionalProperties: false,
      properties: {
        severity: {
          type: 'object',
          propertyNames: { enum: checkIds },
          additionalProperties: { enum: ['error', 'warning', 'info', 'off'] },
        },
        policy: {
          type: 'object',
          additionalProperties: false,
          properties: { responseBounds: { enum: ['error', 'warning'] } },
        },
      },
    },
    command: { type: 'string', minLength: 1 },
    jobs: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['spec', 'out', 'name'],
        properties: {
          spec: { type: 'string', minLength: 1 },
          out: { type: 'string', minLength: 1 },
          name: { type: 'string', minLength: 1 },
        },
      },
    },
  },
} as const;

/** Compiled at the first settings file read: a run without one (most) does not pay for it at start. */
let configValidator: ValidateFunction | undefined;
const validateConfig = (value: unknown): boolean => {
  configValidator ??= new Ajv2020.default({ allErrors: true }).compile(configSchema);
  return configValidator(value);
};

/**
 * Reads a JSON (or YAML) configuration file. Paths in it are taken from the file's folder, which
 * becomes the run's root. Problems come back as diagnostics with line and pointer.
 */
export async function readConfigFile(file: string): Promise<{ config?: UserConfig; diagnostics: Diagnostic[] }> {
  const origins = new OriginIndex();
  const absolutePath = path.resolve(file);
  const read = await readSourceFile({ absolutePath, root: process.cwd(), origins });
  if (read.file === undefined) return { diagnostics: read.diagnostics };
  const { value, displayPath } = read.file;
  if (validateConfig(value)) {
    const { $schema: _schema, ...settings } = value as UserConfig & { $schema?: string };
    return { config: { ...settings, root: path.dirname(absolutePath) }, diagnostics: [] };
  }
  // propertyNames reports twice: the name's own `enum` failure (with `propertyName` on the error) and the summary; the summary says it.
  const errors = (configValidator?.errors ?? []).filter((error) => error.propertyName === undefined);
  const diagnostics = errors.map((error) => {
    const { pointer, detail } = describeError(error);
    const origin = locate(origins, value, parsePointer(pointer) ?? []);
    return createDiagnostic({
      code: 'config-invalid',
      message: `${pointer || 'the configuration'}: ${detail}`,
      file: displayPath,
      pointer,
      line: origin?.line,
      column: origin?.column,
    });
  });
  return { diagnostics: sortDiagnostics(diagnostics) };
}

/** Where an AJV error of the settings points (the unknown key itself, for a key) and what it says. */
function describeError(error: ErrorObject): { pointer: string; detail: string } {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') {
    const key = String(params.additionalProperty);
    const hint = didYouMean(key, fieldsBeside(error.schemaPath));
    return { pointer: `${error.instancePath}/${escapePointerToken(key)}`, detail: `unknown field ${JSON.stringify(key)}.${hint}` };
  }
  if (error.keyword === 'propertyNames') {
    const key = String(params.propertyName);
    const hint = didYouMean(key, checkIds);
    return { pointer: `${error.instancePath}/${escapePointerToken(key)}`, detail: `no check is named ${JSON.stringify(key)}.${hint}` };
  }
  return { pointer: error.instancePath, detail: error.message ?? 'is invalid' };
}

/** The fields the object holding an `additionalProperties: false` failure may have: what a typo meant. */
function fieldsBeside(schemaPath: string): string[] {
  const tokens = parsePointer(schemaPath.replace(/^#/, '')) ?? [];
  const holder = getAtPointer(configSchema, tokens.slice(0, -1)) as { properties?: Record<string, unknown> } | undefined;
  return Object.keys(holder?.properties ?? {}).filter((name) => name !== '$schema');
}
