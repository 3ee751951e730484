import type { NamedSchema } from '../ir/types.js';

/** The values of a component schema that is an enum of primitives, which packages export at run time. */
export function enumValuesOf(named: NamedSchema): (string | number | boolean)[] | undefined {
  const { schema } = named;
  if (schema.kind !== 'literal') return undefined;
  const primitive = (value: unknown): value is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof value);
  return schema.values.every(primitive) ? schema.values : undefined;
}

export const enumValuesName = (named: NamedSchema) => `${named.name}Values`;
