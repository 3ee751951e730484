import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { format } from 'prettier';
import { printStructure, StructureKind, type StatementStructures } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../generator/src/load/load-document.js';
import { parseDocument } from '../generator/src/ir/parse-document.js';
import { OpenApiSchemas } from '../generator/src/load/openapi-schema.js';
import { typeStatements } from '../generator/src/emit/types/emit-types.js';
import { emitValidatorTypes } from '../generator/src/emit/validators/emit-validator-types.js';
import { collectValidators } from '../generator/src/emit/validators/validator-set.js';
import { emitClient } from '../generator/src/emit/client/emit-client.js';
import { emitClientTypes } from '../generator/src/emit/client/client-types.js';
import { RuntimeNames } from '../generator/src/emit/runtime-names.js';
import { printStatements, statementParts } from '../generator/src/emit/types/print-statements.js';
import { formatParts } from '../generator/src/emit/package/format.js';
import {
  structureKinds,
  tsDeclareClass,
  tsDeclareConst,
  tsDeclareFunction,
  tsImportTypes,
  tsInterface,
  tsProperty,
  tsTypeAlias,
  type TypeStatement,
} from '../generator/src/emit/types/structures.js';
import { formats } from '../templates/runtime/checks.js';
import { fixturesDir, repoRoot } from './support/paths.js';

const require = createRequire(import.meta.url);
const github = path.join(path.dirname(require.resolve('@octokit/openapi/package.json')), 'generated/api.github.com.json');
const curated = readdirSync(path.join(repoRoot, 'specs'))
  .map((name) => path.join('specs', name, 'openapi.yaml'))
  .filter((spec) => existsSync(path.join(repoRoot, spec)));
const fixtures = readdirSync(fixturesDir)
  .filter((name) => /\.(ya?ml|json)$/.test(name))
  .map((name) => path.relative(repoRoot, path.join(fixturesDir, name)));

/** ts-morph's printer, as the generator used it before it printed the structures itself. */
const tsMorphPrint = (statements: TypeStatement[]) =>
  printStructure(
    { kind: StructureKind.SourceFile, statements: statements as (string | StatementStructures)[] },
    { indentNumberOfSpaces: 2, useSingleQuote: true },
  );

/** Everything but indentation: ts-morph indents every further line of a type once more (its hanging indent). */
const unindented = (text: string) => text.replace(/^[ \t]+/gm, '');

/** Every statement a package's declaration files print: the types, then the validators' and the client's. */
async function declarationStatements(spec: string): Promise<TypeStatement[]> {
  const loaded = await loadDocument({ entry: spec, root: repoRoot, schemas: new OpenApiSchemas() });
  if (!loaded.ok) throw new Error(`${spec} did not load`);
  const model = parseDocument(loaded.loaded);
  const set = collectValidators(model, new Map(Object.entries(formats).map(([name, definition]) => [name, definition.type])));
  const validatorTypes = emitValidatorTypes(set.entries);
  const client = emitClient({ model, validators: new Set(set.entries.map((entry) => entry.name)), taken: [] });
  return [
    ...typeStatements(model),
    ...validatorTypes.imports,
    ...validatorTypes.statements,
    ...emitClientTypes({ model, functionNames: client.functionNames, runtime: new RuntimeNames(model.typeNames) }),
  ];
}

describe('printStatements', () => {
  it('numbers the structure kinds as the installed ts-morph does', () => {
    const names = {
      class: 'Class',
      function: 'Function',
      importDeclaration: 'ImportDeclaration',
      interface: 'Interface',
      methodSignature: 'MethodSignature',
      property: 'Property',
      propertySignature: 'PropertySignature',
      typeAlias: 'TypeAlias',
      variableStatement: 'VariableStatement',
    } as const;
    for (const [key, name] of Object.entries(names))
      expect([key, structureKinds[key as keyof typeof names]]).toEqual([key, StructureKind[name]]);
  });

  it('lays out each kind of statement, with inline members indented as print-type.ts writes them', () => {
    const statements: TypeStatement[] = [
      tsImportTypes({ names: ['A', 'B'], module: './a.js' }),
      tsTypeAlias({ name: 'Single', type: "'x' | 'y'", doc: 'One line.' }),
      tsInterface({
        name: 'Pet',
        doc: 'A pet.\n\n  indented line\n@spec here',
        properties: [
          tsProperty({ name: 'id', type: 'string', optional: false, readonly: true, doc: undefined }),
          tsProperty({
            name: 'tag',
            type: '{\n    /** The name. */\n    name: string;\n  }',
            optional: true,
            readonly: false,
            doc: 'A tag.\nTwo lines.',
          }),
        ],
        indexType: 'unknown',
      }),
      tsDeclareConst({ name: 'SingleValues', type: "readonly ['x', 'y']", doc: undefined }),
      tsDeclareFunction({ name: 'isPet', returns: 'value is Pet', doc: '' }),
      tsDeclareClass({
        name: 'Failure',
        base: 'Error',
        properties: [{ name: 'code', type: 'number', doc: '\nThe code, after a leading break.' }],
        doc: 'A failure.',
      }),
      'export {};',
    ];
    expect(printStatements(statements)).toBe(
      [
        "import type { A, B } from './a.js';",
        '/** One line. */',
        "export type Single = 'x' | 'y';",
        '',
        '/**',
        ' * A pet.',
        ' *',
        ' *   indented line',
        ' * @spec here',
        ' */',
        'export interface Pet {',
        '  [key: string]: unknown;',
        '  readonly id: string;',
        '  /**',
        '   * A tag.',
        '   * Two lines.',
        '   */',
        '  tag?: {',
        '    /** The name. */',
        '    name: string;',
        '  };',
        '}',
        '',
        "export declare const SingleValues: readonly ['x', 'y'];",
        '',
        '/** */',
        'export declare function isPet(value: unknown): value is Pet;',
        '',
        '/** A failure. */',
        'export declare class Failure extends Error {',
        '  /**',
        '   * The code, after a leading break.',
        '   */',
        '  readonly code: number;',
        '}',
        '',
        'export {};',
        '',
      ].join('\n'),
    );
    expect(unindented(printStatements(statements))).toBe(unindented(tsMorphPrint(statements)));
  });

  it('counts the line breaks a template statement ends with, and a blank line after one that ends with a brace', () => {
    const statements: TypeStatement[] = [
      'declare const a: 1;\n',
      'declare class B {\n}',
      'declare const c: 1;',
      'declare const d: 1;\n\n',
      'x;',
    ];
    expect(printStatements(statements)).toBe(tsMorphPrint(statements));
    expect(printStatements(statements)).toBe(
      'declare const a: 1;\ndeclare class B {\n}\n\ndeclare const c: 1;\ndeclare const d: 1;\n\nx;\n',
    );
  });

  it.each([...curated, ...fixtures])('prints what ts-morph prints for %s, and what prettier makes of both is the same', async (spec) => {
    const statements = await declarationStatements(spec);
    const ours = printStatements(statements);
    const theirs = tsMorphPrint(statements);
    expect(unindented(ours)).toBe(unindented(theirs));
    const [formattedOurs, formattedTheirs] = await Promise.all([ours, theirs].map((text) => format(text, { parser: 'typescript' })));
    expect(formattedOurs).toBe(formattedTheirs);
  });

  it('prints what ts-morph prints for GitHub REST, every line but its indentation', async () => {
    const statements = await declarationStatements(path.relative(repoRoot, github));
    expect(statements.length).toBeGreaterThan(10_000);
    expect(unindented(printStatements(statements))).toBe(unindented(tsMorphPrint(statements)));
  }, 120_000);
});

describe('formatParts', () => {
  const statements = Array.from({ length: 4000 }, (_, index) =>
    tsTypeAlias({ name: `T${index}`, type: `'${'ÿ€😀'.repeat(100)}'`, doc: `Type ${index}, “quoted”.` }),
  );
  const parts = statementParts(statements);

  it('writes a large file as UTF-8 pieces whose bytes are the text, none of them the whole', async () => {
    const content = await formatParts(parts, 'typescript', { mode: 'auto', limit: 1_000_000 });
    expect(Array.isArray(content)).toBe(true);
    const chunks = content as Uint8Array[];
    expect(chunks.length).toBeGreaterThan(1);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(parts.join(''));
  });

  it('formats a file within the limit as one text', async () => {
    const small = statementParts(statements.slice(0, 2));
    const content = await formatParts(small, 'typescript', { mode: 'auto', limit: 1_000_000 });
    expect(content).toBe(await format(small.join(''), { parser: 'typescript', printWidth: 100, singleQuote: true, trailingComma: 'all' }));
    expect(await formatParts(small, 'typescript', { mode: 'none', limit: 1_000_000 })).toEqual([Buffer.from(small.join(''))]);
  });
});
