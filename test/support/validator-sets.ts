/** Two named schemas, one referring to the other: the smallest validator set with a nested call and a length rule. */
export const petAndOwner = {
  entries: [
    { name: 'Pet', def: 'Pet' },
    { name: 'Owner', def: 'Owner' },
  ],
  defs: {
    Pet: { type: 'object', properties: { name: { type: 'string', maxLength: 3 }, owner: { $ref: '#/$defs/Owner' } }, required: ['name'] },
    Owner: { type: 'object', properties: { id: { type: 'integer' } } },
  },
};

/** Four hundred named enums of twenty long values: compiled code of more than a megabyte and 1,200 statements. */
export const manyEnums = {
  entries: Array.from({ length: 400 }, (_, index) => ({ name: `S${index}`, def: `S${index}` })),
  defs: Object.fromEntries(
    Array.from({ length: 400 }, (_, index) => [
      `S${index}`,
      { type: 'string', enum: Array.from({ length: 20 }, (_, value) => `${index}-${value}-${'x'.repeat(240)}`) },
    ]),
  ),
};

/**
 * Property names that the rewrites read as code when they meet them outside a string: a recursion
 * wrapper's call (`data.wrapper0.validate` is not, `data["wrapper0.validate"]` holds it in a string) and
 * the options AJV passes along (`data.rootData`), which relativePaths does not fit.
 */
export const codeNames = {
  entries: [
    { name: 'Tree', def: 'Tree' },
    { name: 'Data', def: 'Data' },
  ],
  defs: {
    Tree: { type: 'object', properties: { 'wrapper0.validate': { type: 'string' }, child: { $ref: '#/$defs/Tree' } } },
    Data: { type: 'object', properties: { rootData: { type: 'integer' }, inner: { $ref: '#/$defs/Inner' } } },
    Inner: { type: 'object', properties: { parentData: { type: 'integer' } } },
  },
};
