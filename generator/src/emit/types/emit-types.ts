import type { ApiModel } from '../../ir/types.js';
import { emitOperation } from './emit-operations.js';
import { emitSchema } from './emit-schemas.js';
import { statementParts } from './print-statements.js';
import { structureKinds, type TypeStatement } from './statements.js';

/**
 * Declarations of every schema and operation (the package's `/types` entry), as the pieces of its text
 * (statementParts), and the names they declare.
 */
export function emitTypes({ model, header }: { model: ApiModel; header: string }): { parts: string[]; names: string[] } {
  const statements = typeStatements(model);
  return { parts: [header, ...statementParts(statements)], names: statements.flatMap(declaredNames) };
}

/** The statements of the `/types` entry; a spec with nothing to declare still gives a module, which the index can re-export. */
export function typeStatements(model: ApiModel): TypeStatement[] {
  const schemas = new Map(model.schemas.map((named) => [named.name, named]));
  const statements: TypeStatement[] = [];
  for (const named of model.schemas) statements.push(...emitSchema(named, schemas));
  for (const operation of model.operations) statements.push(...emitOperation(operation, schemas));
  for (const { operation } of model.webhooks) statements.push(...emitOperation(operation, schemas, 'api'));
  return statements.length === 0 ? ['export {};'] : statements;
}

/**
 * The root entry's declarations as the pieces of their text (statementParts): everything of the `/types`
 * entry re-exported from `typesModule` (and imported, for the declarations below to name), the other
 * modules' re-exports (`extra.reexports`), then the declarations of other emitters (validators, client).
 */
export function emitIndexDeclarations({
  header,
  typesModule,
  names,
  extra,
}: {
  header: string;
  typesModule: string;
  names: readonly string[];
  extra: { reexports?: TypeStatement[]; imports: TypeStatement[]; statements: TypeStatement[] };
}): string[] {
  // A type may share its name with a value declared here (a schema named `XSchema` and the Standard Schema
  // object of `X`): TypeScript merges a type and a value of one module, so the type is brought in under
  // another name and declared again here, beside the value, as the single-file declarations had it.
  const values = new Set(extra.statements.flatMap(declaredNames));
  const imported = names.map((name) => (values.has(name) ? `${name} as ${name}$Type` : name));
  const shared = names.filter((name) => values.has(name)).map((name) => `export type ${name} = ${name}$Type;`);
  const head: TypeStatement[] = [
    `export * from '${typesModule}';`,
    ...(extra.reexports ?? []),
    ...(names.length === 0 || extra.statements.length === 0 ? [] : [`import type { ${imported.join(', ')} } from '${typesModule}';`]),
    ...shared,
  ];
  return [header, ...statementParts([...head, ...extra.imports, ...extra.statements])];
}

function declaredNames(statement: TypeStatement): string[] {
  if (typeof statement === 'string') return [];
  if (statement.kind === structureKinds.variableStatement) return statement.declarations.map((declaration) => declaration.name);
  return 'name' in statement && typeof statement.name === 'string' ? [statement.name] : [];
}
