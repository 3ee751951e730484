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

// The statements a declaration file is made of (structures.ts builds them, print-statements.ts prints them).

/**
 * The kinds of the statements, numbered as ts-morph numbers them (its `StructureKind`, which
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

export const constKind = 'const' as VariableDeclarationKind.Const;

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
