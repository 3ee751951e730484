import type { Project } from 'ts-morph';
import type { ApiModel } from '../../ir/types.js';
import { emitOperation } from './emit-operations.js';
import { emitSchema } from './emit-schemas.js';
import type { TypeStatement } from './structures.js';

/** Declarations of every schema and operation, as the text of one `.d.ts` file. */
export function emitTypes({ model, project, header }: { model: ApiModel; project: Project; header: string }): string {
  const schemas = new Map(model.schemas.map((named) => [named.name, named]));
  const statements: TypeStatement[] = [];
  for (const named of model.schemas) statements.push(...emitSchema(named, schemas));
  for (const operation of model.operations) statements.push(...emitOperation(operation, schemas));
  const file = project.createSourceFile('index.d.ts', { statements }, { overwrite: true });
  const text = `${header}${file.getFullText()}`;
  project.removeSourceFile(file);
  return text;
}
