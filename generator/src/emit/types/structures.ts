import { constKind, structureKinds } from './statements.js';
import type {
  ClassStatement,
  ConstStatement,
  FunctionStatement,
  ImportTypesStatement,
  InterfaceStatement,
  Parameter,
  PropertyMember,
  TypeAliasStatement,
} from './statements.js';

export { structureKinds, type TypeStatement } from './statements.js';

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
