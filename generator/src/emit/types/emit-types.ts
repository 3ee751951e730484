import { printStructure, StructureKind } from 'ts-morph';
import type { ApiModel } from '../../ir/types.js';
import { emitOperation } from './emit-operations.js';
import { emitSchema } from './emit-schemas.js';
import type { TypeStatement } from './structures.js';

/** Declarations of every schema and operation, as the text of one `.d.ts` file. */
export function emitTypes({
  model,
  header,
  extra = { imports: [], statements: [] },
}: {
  model: ApiModel;
  header: string;
  /** Declarations of other emitters (the validators): imports go first, statements last. */
  extra?: { imports: TypeStatement[]; statements: TypeStatement[] };
}): string {
  const schemas = new Map(model.schemas.map((named) => [named.name, named]));
  const statements: TypeStatement[] = [...extra.imports];
  for (const named of model.schemas) statements.push(...emitSchema(named, schemas));
  for (const operation of model.operations) statements.push(...emitOperation(operation, schemas));
  statements.push(...extra.statements);
  // Printed straight from the structures: creating a source file would also parse the text back into
  // an AST, which doubles the cost on a large spec and is not needed to write a file.
  const text = printStructure({ kind: StructureKind.SourceFile, statements }, { indentNumberOfSpaces: 2, useSingleQuote: true });
  return `${header}${text}`;
}
