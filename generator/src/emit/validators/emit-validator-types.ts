import { tsDeclareConst, tsDeclareFunction, tsImportTypes, type TypeStatement } from '../types/structures.js';
import type { ValidatorEntry } from './validator-set.js';

/** The validator names of one entry, shared by the declarations and the runtime module. */
export function validatorNames(entry: ValidatorEntry): { is: string; assert: string; schema: string } {
  return { is: `is${entry.name}`, assert: `assert${entry.name}`, schema: `${entry.name}Schema` };
}

/** Declarations of the validators: `is*`, `assert*` and `*Schema` per entry. */
export function emitValidatorTypes(
  entries: readonly ValidatorEntry[],
  /** How the docs name the error `assert*` throws: a link, or words when the spec takes the name at the root. */
  errorName = '{@link ValidationError}',
): { imports: TypeStatement[]; statements: TypeStatement[] } {
  if (entries.length === 0) return { imports: [], statements: [] };
  const statements: TypeStatement[] = [];
  for (const entry of entries) {
    const names = validatorNames(entry);
    statements.push(
      tsDeclareFunction({
        name: names.is,
        returns: `value is ${entry.name}`,
        doc: `True when \`value\` is a valid {@link ${entry.name}}; stops at the first problem.`,
      }),
      tsDeclareFunction({
        name: names.assert,
        returns: `asserts value is ${entry.name}`,
        doc: `Throws a ${errorName} listing every problem unless \`value\` is a valid {@link ${entry.name}}.`,
      }),
      tsDeclareConst({
        name: names.schema,
        type: `StandardSchemaV1<${entry.name}>`,
        doc: `{@link ${entry.name}} as a Standard Schema (v1), for libraries that accept one.`,
      }),
    );
  }
  return { imports: [tsImportTypes({ names: ['StandardSchemaV1'], module: '@standard-schema/spec' })], statements };
}
