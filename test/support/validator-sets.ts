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
