import { describe, expect, it } from 'vitest';
import { emitIndexDeclarations } from '../generator/src/emit/types/emit-types.js';
import { tsDeclareConst, tsDeclareFunction, tsImportTypes } from '../generator/src/emit/types/structures.js';

const header = '// header\n\n';
const names = ['Pet', 'PetSchema', 'Owner'];
const extra = {
  imports: [tsImportTypes({ names: ['StandardSchemaV1'], module: './validators-runtime.js' })],
  statements: [
    tsDeclareFunction({ name: 'isPet', returns: 'value is Pet', doc: 'Whether the value is a Pet.' }),
    // A value named like a type of the types module: the type comes in under another name (PetSchema$Type).
    tsDeclareConst({ name: 'PetSchema', type: 'StandardSchemaV1<Pet>', doc: undefined }),
  ],
};

describe('the index declarations', () => {
  it('re-export the types module and bring in, under another name, a type that shares its name with a value', () => {
    const text = emitIndexDeclarations({ header, typesModule: './types.cjs', names, extra }).join('');
    expect(text).toBe(
      [
        '// header',
        '',
        "export * from './types.cjs';",
        "import type { Pet, PetSchema as PetSchema$Type, Owner } from './types.cjs';",
        'export type PetSchema = PetSchema$Type;',
        "import type { StandardSchemaV1 } from './validators-runtime.js';",
        '',
        '/** Whether the value is a Pet. */',
        'export declare function isPet(value: unknown): value is Pet;',
        'export declare const PetSchema: StandardSchemaV1<Pet>;',
        '',
      ].join('\n'),
    );
  });

  it('re-export the types alone when nothing else is declared', () => {
    const text = emitIndexDeclarations({ header, typesModule: './types.cjs', names, extra: { imports: [], statements: [] } }).join('');
    expect(text).toBe(`${header}export * from './types.cjs';\n`);
  });
});
