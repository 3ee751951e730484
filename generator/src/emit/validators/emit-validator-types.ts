import {
  tsDeclareClass,
  tsDeclareConst,
  tsDeclareFunction,
  tsImportTypes,
  tsInterface,
  tsProperty,
  type TypeStatement,
} from '../types/structures.js';
import type { ValidatorEntry } from './validator-set.js';

/** The validator names of one entry, shared by the declarations and the runtime module. */
export function validatorNames(entry: ValidatorEntry): { is: string; assert: string; schema: string } {
  return { is: `is${entry.name}`, assert: `assert${entry.name}`, schema: `${entry.name}Schema` };
}

/** The runtime's declarations of the validators: the issue and error types (templates/validators/api.js). */
export function emitValidationErrorTypes(): TypeStatement[] {
  const issue = tsInterface({
    name: 'ValidationIssue',
    doc: 'One problem a validator found in a value.',
    properties: [
      tsProperty({
        name: 'path',
        type: 'string',
        optional: false,
        readonly: true,
        doc: 'JSON pointer (RFC 6901) to the offending part of the value; `""` for the value itself.',
      }),
      tsProperty({
        name: 'message',
        type: 'string',
        optional: false,
        readonly: true,
        doc: 'The path, what is wrong and what the spec allows, for a person to read.',
      }),
      tsProperty({
        name: 'keyword',
        type: 'string',
        optional: false,
        readonly: true,
        doc: 'The JSON Schema keyword of the rule (`maxLength`, `enum`, `required`…).',
      }),
      tsProperty({
        name: 'params',
        type: 'Readonly<Record<string, unknown>>',
        optional: false,
        readonly: true,
        doc: "The rule's parameters (`limit`, `allowedValues`…).",
      }),
      tsProperty({
        name: 'spec',
        type: 'string',
        optional: true,
        readonly: true,
        doc: 'Where the spec writes the rule (`file:line`, and its source when the spec names one).',
      }),
    ],
  });
  const error = tsDeclareClass({
    name: 'ValidationError',
    base: 'Error',
    doc: 'Thrown by the `assert*` functions with every problem found.',
    properties: [{ name: 'issues', type: 'readonly ValidationIssue[]', doc: 'Every problem, in the order the checks found them.' }],
  });
  return [issue, error];
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
