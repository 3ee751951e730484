import {
  StructureKind,
  VariableDeclarationKind,
  type InterfaceDeclarationStructure,
  type PropertySignatureStructure,
  type TypeAliasDeclarationStructure,
  type VariableStatementStructure,
} from 'ts-morph';

export type TypeStatement = InterfaceDeclarationStructure | TypeAliasDeclarationStructure | VariableStatementStructure;

const docsOf = (doc: string | undefined) => (doc === undefined ? [] : [doc]);

export function tsInterface({
  name,
  doc,
  properties,
  indexType,
}: {
  name: string;
  doc: string | undefined;
  properties: PropertySignatureStructure[];
  indexType?: string;
}): InterfaceDeclarationStructure {
  return {
    kind: StructureKind.Interface,
    name,
    isExported: true,
    docs: docsOf(doc),
    properties,
    indexSignatures: indexType === undefined ? [] : [{ keyName: 'key', keyType: 'string', returnType: indexType }],
  };
}

export function tsProperty({
  name,
  type,
  optional,
  readonly,
  doc,
}: {
  name: string;
  type: string;
  optional: boolean;
  readonly: boolean;
  doc: string | undefined;
}): PropertySignatureStructure {
  return { kind: StructureKind.PropertySignature, name, type, hasQuestionToken: optional, isReadonly: readonly, docs: docsOf(doc) };
}

export function tsTypeAlias({ name, type, doc }: { name: string; type: string; doc: string | undefined }): TypeAliasDeclarationStructure {
  return { kind: StructureKind.TypeAlias, name, isExported: true, type, docs: docsOf(doc) };
}

/** `export declare const NAME: TYPE;` for declaration files. */
export function tsDeclareConst({ name, type, doc }: { name: string; type: string; doc: string | undefined }): VariableStatementStructure {
  return {
    kind: StructureKind.VariableStatement,
    isExported: true,
    hasDeclareKeyword: true,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [{ name, type }],
    docs: docsOf(doc),
  };
}
