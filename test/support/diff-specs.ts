import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { diffSpecs, type DiffResult } from '../../generator/src/diff/diff-specs.js';
import { temporaryDirectory } from './paths.js';

export type Doc = Record<string, any>;

/**
 * The spec every diff case starts from: one operation whose request body is `In` and whose 200 response
 * is `Out`, so a schema change applied to `In` is read as a request and the same change to `Out` as a
 * response.
 */
export function baseSpec(): Doc {
  const object = () => ({
    type: 'object',
    required: ['id'],
    properties: {
      id: { type: 'string', maxLength: 10, minLength: 2, pattern: '^[a-z]+$', format: 'email' },
      count: { type: 'integer', minimum: 0, maximum: 100, multipleOf: 2 },
      status: { type: 'string', enum: ['A', 'B'] },
      tags: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 5 },
      choice: { oneOf: [{ type: 'string' }, { type: 'integer' }] },
      note: { type: 'string' },
    },
  });
  return {
    openapi: '3.1.0',
    info: { title: 'Diff cases', version: '1.0.0' },
    servers: [{ url: 'https://api.example.com' }],
    security: [{ key: [] }],
    paths: {
      '/items/{id}': {
        put: {
          operationId: 'putItem',
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'dryRun', in: 'query', required: false, schema: { type: 'boolean' } },
          ],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/In' } } } },
          responses: {
            '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Out' } } } },
            '404': { description: 'missing' },
          },
        },
      },
    },
    components: {
      schemas: { In: object(), Out: object() },
      securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' }, token: { type: 'http', scheme: 'bearer' } },
    },
  };
}

/** Writes two versions of a spec as YAML (so changes have lines) into a new folder. */
export function writePair(old: Doc, next: Doc): { root: string; old: string; new: string } {
  const root = temporaryDirectory('diff');
  mkdirSync(root, { recursive: true });
  writeFileSync(path.join(root, 'old.yaml'), stringify(old));
  writeFileSync(path.join(root, 'new.yaml'), stringify(next));
  return { root, old: 'old.yaml', new: 'new.yaml' };
}

export type Report = Extract<DiffResult, { ok: true }>;
export type Mutation = (doc: Doc) => void;

/** The diff of two versions of baseSpec(), each changed by its mutation. */
export async function diffOf(old: Mutation, next: Mutation, severity = {}): Promise<Report & { root: string }> {
  const [before, after] = [baseSpec(), baseSpec()];
  old(before);
  next(after);
  const files = writePair(before, after);
  const result = await diffSpecs({ old: files.old, new: files.new, root: files.root, severity });
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics, null, 2));
  return { ...result, root: files.root };
}
