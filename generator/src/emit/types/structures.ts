import type {
  StructureKind,
  VariableDeclarationKind,
  ClassDeclarationStructure,
  FunctionDeclarationStructure,
  ImportDeclarationStructure,
  InterfaceDeclarationStructure,
  MethodSignatureStructure,
  PropertyDeclarationStructure,
  PropertySignatureStructure,
  TypeAliasDeclarationStructure,
  VariableStatementStructure,
} from 'ts-morph';

/**
 * The kinds of the structures built here, numbered as ts-morph numbers them (its `StructureKind`, which
 * test/print-statements.test.ts compares with these). Written out so that generating loads neither
 * ts-morph nor the TypeScript compiler it brings, 0.26 s of a 2.4 s types-only run on GitHub's REST
 * description (issue #12): print-statements.ts prints the structures, and no generation step needs
 * ts-morph's code. Were the numbers to drift, nothing generated would change; the test would fail.
 */
export const structureKinds = {
  class: 2 as StructureKind.Class,
  function: 13 as StructureKind.Function,
  importDeclaration: 16 as StructureKind.ImportDeclaration,
  interface: 19 as StructureKind.Interface,
  methodSignature: 28 as StructureKind.MethodSignature,
  property: 31 as StructureKind.Property,
  propertySignature: 33 as StructureKind.PropertySignature,
  typeAlias: 38 as StructureKind.TypeAlias,
  variableStatement: 41 as StructureKind.VariableStatement,
} as const;

const constKind = 'const' as VariableDeclarationKind.Const;

/**
 * ts-morph's structures, narrowed to the fields print-statements.ts prints: a field it does not print is
 * refused where the structure is built, not dropped from the output. Each stays a ts-morph structure
 * (the `Is` checks below), so that ts-morph's own printer can print the same statements (the printer's test).
 */
export interface Parameter {
  name: string;
  type: string;
  hasQuestionToken?: boolean;
}

export interface PropertyMember extends Pick<PropertySignatureStructure, 'kind' | 'name' | 'hasQuestionToken' | 'isReadonly'> {
  type: string;
  docs: string[];
}

export interface MethodMember extends Pick<MethodSignatureStructure, 'kind' | 'name'> {
  parameters: Parameter[];
  returnType: string;
  docs: string[];
}

export interface InterfaceStatement extends Pick<InterfaceDeclarationStructure, 'kind' | 'name' | 'isExported'> {
  docs: string[];
  extends?: string[];
  properties?: PropertyMember[];
  indexSignatures?: { keyName: string; keyType: string; returnType: string }[];
  methods?: MethodMember[];
}

export interface TypeAliasStatement extends Pick<TypeAliasDeclarationStructure, 'kind' | 'name' | 'isExported'> {
  type: string;
  docs: string[];
}

export interface ConstStatement extends Pick<VariableStatementStructure, 'kind' | 'isExported' | 'hasDeclareKeyword'> {
  declarationKind: VariableDeclarationKind.Const;
  declarations: { name: string; type: string }[];
  docs: string[];
}

export interface FunctionStatement extends Pick<FunctionDeclarationStructure, 'kind' | 'name' | 'isExported' | 'hasDeclareKeyword'> {
  name: string;
  parameters: Parameter[];
  returnType: string;
  docs: string[];
}

export interface ClassStatement extends Pick<ClassDeclarationStructure, 'kind' | 'name' | 'isExported' | 'hasDeclareKeyword'> {
  name: string;
  extends: string;
  properties: (Pick<PropertyDeclarationStructure, 'kind' | 'name' | 'isReadonly'> & { type: string; docs: string[] })[];
  docs: string[];
}

export interface ImportTypesStatement extends Pick<ImportDeclarationStructure, 'kind' | 'isTypeOnly' | 'moduleSpecifier'> {
  namedImports: string[];
}

/** A declaration to print; a string is a fixed block of declarations (a template), printed as it is. */
export type TypeStatement =
  string | InterfaceStatement | TypeAliasStatement | ConstStatement | FunctionStatement | ClassStatement | ImportTypesStatement;

// Compile-time checks that each narrowed structure is still the ts-morph structure of its kind.
type Is<T extends U, U> = T;
export type StructureChecks = [
  Is<InterfaceStatement, InterfaceDeclarationStructure>,
  Is<TypeAliasStatement, TypeAliasDeclarationStructure>,
  Is<ConstStatement, VariableStatementStructure>,
  Is<FunctionStatement, FunctionDeclarationStructure>,
  Is<ClassStatement, ClassDeclarationStructure>,
  Is<ImportTypesStatement, ImportDeclarationStructure>,
];

const docsOf = (doc: string | undefined) => (doc === undefined ? [] : [doc]);

export function tsInterface({
  name,
  doc,
  properties,
  indexType,
}: {
  name: string;
  doc: string | undefined;
  properties: PropertyMember[];
  indexType?: string;
}): InterfaceStatement {
  return {
    kind: structureKinds.interface,
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
}): PropertyMember {
  return { kind: structureKinds.propertySignature, name, type, hasQuestionToken: optional, isReadonly: readonly, docs: docsOf(doc) };
}

export function tsTypeAlias({ name, type, doc }: { name: string; type: string; doc: string | undefined }): TypeAliasStatement {
  return { kind: structureKinds.typeAlias, name, isExported: true, type, docs: docsOf(doc) };
}

/** `export declare const NAME: TYPE;` for declaration files. */
export function tsDeclareConst({ name, type, doc }: { name: string; type: string; doc: string | undefined }): ConstStatement {
  return {
    kind: structureKinds.variableStatement,
    isExported: true,
    hasDeclareKeyword: true,
    declarationKind: constKind,
    declarations: [{ name, type }],
    docs: docsOf(doc),
  };
}

/** `import type { NAMES } from 'MODULE';` */
export function tsImportTypes({ names, module }: { names: string[]; module: string }): ImportTypesStatement {
  return { kind: structureKinds.importDeclaration, isTypeOnly: true, namedImports: names, moduleSpecifier: module };
}

/** `export declare function NAME(PARAMETERS): RETURNS;` for declaration files (one `value: unknown` by default). */
export function tsDeclareFunction({
  name,
  parameters = [{ name: 'value', type: 'unknown' }],
  returns,
  doc,
}: {
  name: string;
  parameters?: Parameter[];
  returns: string;
  doc: string | undefined;
}): FunctionStatement {
  return {
    kind: structureKinds.function,
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
}): ClassStatement {
  return {
    kind: structureKinds.class,
    name,
    isExported: true,
    hasDeclareKeyword: true,
    extends: base,
    properties: properties.map((property) => ({
      kind: structureKinds.property,
      name: property.name,
      type: property.type,
      isReadonly: true,
      docs: [property.doc],
    })),
    docs: [doc],
  };
}
