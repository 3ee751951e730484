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

describe('the index declarations of both module formats', () => {
  it('are what printing each on its own gives, each naming its own types module', () => {
    const modules = ['./types.js', './types.cjs'];
    const texts = emitIndexDeclarations({ header, typesModules: modules, names, extra }).map((parts) => parts.join(''));
    const alone = modules.map((module) => emitIndexDeclarations({ header, typesModules: [module], names, extra })[0]?.join(''));
    expect(texts).toEqual(alone);
    expect(texts[1]).toContain("export * from './types.cjs';\nimport type { Pet, PetSchema as PetSchema$Type, Owner } from './types.cjs';");
    expect(texts[1]).toContain('export type PetSchema = PetSchema$Type;');
    expect(texts[1]).not.toContain('./types.js');
  });

  it('re-export the types alone when nothing else is declared', () => {
    const texts = emitIndexDeclarations({
      header,
      typesModules: ['./types.js', './types.cjs'],
      names,
      extra: { imports: [], statements: [] },
    }).map((parts) => parts.join(''));
    expect(texts).toEqual([`${header}export * from './types.js';\n`, `${header}export * from './types.cjs';\n`]);
  });
});
