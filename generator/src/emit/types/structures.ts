import {
  StructureKind,
  VariableDeclarationKind,
  type ClassDeclarationStructure,
  type FunctionDeclarationStructure,
  type ImportDeclarationStructure,
  type InterfaceDeclarationStructure,
  type PropertySignatureStructure,
  type TypeAliasDeclarationStructure,
  type VariableStatementStructure,
} from 'ts-morph';

/** A declaration to print; a string is a fixed block of declarations (a template), printed as it is. */
export type TypeStatement =
  | string
  | InterfaceDeclarationStructure
  | TypeAliasDeclarationStructure
  | VariableStatementStructure
  | FunctionDeclarationStructure
  | ClassDeclarationStructure
  | ImportDeclarationStructure;

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

/** `import type { NAMES } from 'MODULE';` */
export function tsImportTypes({ names, module }: { names: string[]; module: string }): ImportDeclarationStructure {
  return { kind: StructureKind.ImportDeclaration, isTypeOnly: true, namedImports: names, moduleSpecifier: module };
}

/** `export declare function NAME(PARAMETERS): RETURNS;` for declaration files (one `value: unknown` by default). */
export function tsDeclareFunction({
  name,
  parameters = [{ name: 'value', type: 'unknown' }],
  returns,
  doc,
}: {
  name: string;
  parameters?: { name: string; type: string; hasQuestionToken?: boolean }[];
  returns: string;
  doc: string | undefined;
}): FunctionDeclarationStructure {
  return {
    kind: StructureKind.Function,
    name,
    isExported: true,
    hasDeclareKeyword: true,
    parameters,
    returnType: returns,
    docs: docsOf(doc),
  };
}

/** `export declare class NAME extends BASE { readonly PROPERTY: TYPE; }` for declaration files. */
export function tsDeclareClass({
  name,
  base,
  properties,
  doc,
}: {
  name: string;
  base: string;
  properties: { name: string; type: string; doc: string }[];
  doc: string;
}): ClassDeclarationStructure {
  return {
    kind: StructureKind.Class,
    name,
    isExported: true,
    hasDeclareKeyword: true,
    extends: base,
    properties: properties.map((property) => ({
      kind: StructureKind.Property,
      name: property.name,
      type: property.type,
      isReadonly: true,
      docs: [property.doc],
    })),
    docs: [doc],
  };
}
