import { readFile } from 'node:fs/promises';
import Ajv2020 from 'ajv/dist/2020.js';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { OriginIndex } from '../load/origins.js';
import { parseYamlText } from '../load/parse-yaml.js';
import { getAtPointer, parsePointer } from '../util/json-pointer.js';

export type PageLayout = 'mintlify' | 'docusaurus-schema' | 'docusaurus-operation';

/** One page of a docs map: which captured page documents which operation or schema of the spec. */
export interface DocsMapPage {
  page: string;
  layout: PageLayout;
  operation?: string;
  schema?: string;
  /** For captures that lost property labels: the property path of each unlabelled fact, in page order. */
  unlabelled?: string[];
  /** Where the entry is written, for diagnostics. */
  origin: { file: string; line: number; column: number; pointer: string };
}

const docsMapSchema = {
  type: 'object',
  required: ['pages'],
  additionalProperties: false,
  properties: {
    pages: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['page', 'layout'],
        additionalProperties: false,
        properties: {
          page: { type: 'string', minLength: 1 },
          layout: { enum: ['mintlify', 'docusaurus-schema', 'docusaurus-operation'] },
          operation: { type: 'string', minLength: 1 },
          schema: { type: 'string', minLength: 1 },
          unlabelled: { type: 'array', items: { type: 'string', pattern: '^[A-Za-z0-9_]+(/[A-Za-z0-9_]+)*$' } },
        },
        oneOf: [{ required: ['operation'] }, { required: ['schema'] }],
      },
    },
  },
} as const;

const validateDocsMap = new Ajv2020.default({ allErrors: true }).compile(docsMapSchema);

/** Reads and checks one docs map; every problem is a diagnostic with file, line and pointer. */
export async function readDocsMap(absolutePath: string, displayPath: string): Promise<{ pages: DocsMapPage[]; diagnostics: Diagnostic[] }> {
  const origins = new OriginIndex();
  const text = await readFile(absolutePath, 'utf8');
  const parsed = parseYamlText({ text, file: displayPath, origins });
  if (parsed.diagnostics.length > 0) return { pages: [], diagnostics: parsed.diagnostics };
  if (!validateDocsMap(parsed.value)) {
    const diagnostics = (validateDocsMap.errors ?? []).map((error) => {
      const node = getAtPointer(parsed.value, parsePointer(error.instancePath) ?? []);
      const origin = node !== null && typeof node === 'object' ? origins.of(node) : undefined;
      return createDiagnostic({
        code: 'docs-map-invalid',
        message: `${error.instancePath || 'the map'} ${error.message ?? 'is invalid'}`,
        file: displayPath,
        pointer: error.instancePath,
        line: origin?.line,
        column: origin?.column,
      });
    });
    return { pages: [], diagnostics };
  }
  const entries = (parsed.value as { pages: Omit<DocsMapPage, 'origin'>[] }).pages;
  const pages = entries.map((entry, index) => {
    const origin = origins.of(entry);
    return { ...entry, origin: { file: displayPath, line: origin?.line ?? 0, column: origin?.column ?? 0, pointer: `/pages/${index}` } };
  });
  return { pages, diagnostics: [] };
}
