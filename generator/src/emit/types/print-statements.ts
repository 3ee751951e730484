import type { StructureKind } from 'ts-morph';
import {
  structureKinds,
  type ClassStatement,
  type InterfaceStatement,
  type MethodMember,
  type Parameter,
  type PropertyMember,
  type TypeStatement,
} from './statements.js';

/**
 * The text of a declaration file from its statements (structures.ts), laid out as ts-morph's
 * `printStructure` lays out a source file: the same statement order, blank lines, JSDoc blocks, member
 * order and keywords. One thing differs, on purpose: type text is written as print-type.ts indents it,
 * where ts-morph's writer indents every further line of it once more (its hanging indent), which left
 * the members of an inline object four spaces too deep in a file too large for prettier.
 *
 * Why not ts-morph's printer: its writer scans every character it writes to track strings, comments
 * and regular expressions, and on GitHub's REST description (14 MB of declarations) that was 0.7 s of
 * the 2.8 s types-only generation (issue #12). The statements are still ts-morph structures, and
 * test/print-statements.test.ts holds this printer to ts-morph's on every spec the tests use.
 */
export function printStatements(statements: readonly TypeStatement[]): string {
  return statementParts(statements).join('');
}

/**
 * printStatements's text in the pieces that make it, in order: a file of megabytes can be written
 * piece by piece (formatParts, format.ts) and never be one string.
 */
export function statementParts(statements: readonly TypeStatement[]): string[] {
  const parts: string[] = [];
  let previous: string | undefined;
  for (const statement of statements) {
    const text = statementText(statement);
    if (previous !== undefined) parts.push(separator(previous, statement));
    parts.push(text);
    previous = text;
  }
  if (previous !== undefined && !previous.endsWith('\n')) parts.push('\n');
  return parts;
}

/**
 * What goes between two statements: a blank line after one that ends with a brace (an interface, a
 * class, a template's block) and before an interface, class or function; otherwise a line break. A
 * statement that already ends with line breaks counts them.
 */
function separator(previous: string, next: TypeStatement): string {
  const blank = lastVisible(previous) === '}' || (typeof next !== 'string' && blockKinds.has(next.kind));
  let present = 0;
  while (previous[previous.length - 1 - present] === '\n') present += 1;
  return '\n'.repeat(Math.max(0, (blank ? 2 : 1) - present));
}

function lastVisible(text: string): string | undefined {
  let index = text.length - 1;
  while (index >= 0 && /\s/.test(text[index] ?? '')) index -= 1;
  return text[index];
}

const blockKinds = new Set<StructureKind>([structureKinds.interface, structureKinds.class, structureKinds.function]);

function statementText(statement: TypeStatement): string {
  if (typeof statement === 'string') return statement;
  const exported = 'isExported' in statement && statement.isExported === true ? 'export ' : '';
  const declared = 'hasDeclareKeyword' in statement && statement.hasDeclareKeyword === true ? 'declare ' : '';
  switch (statement.kind) {
    case structureKinds.interface:
      return `${docs(statement.docs, '')}${exported}${interfaceText(statement)}`;
    case structureKinds.typeAlias:
      return `${docs(statement.docs, '')}${exported}type ${statement.name} = ${statement.type};`;
    case structureKinds.variableStatement: {
      const declarations = statement.declarations.map(({ name, type }) => `${name}: ${type}`).join(', ');
      return `${docs(statement.docs, '')}${exported}${declared}const ${declarations};`;
    }
    case structureKinds.function:
      return `${docs(statement.docs, '')}${exported}${declared}function ${statement.name}(${parameters(statement.parameters)}): ${statement.returnType};`;
    case structureKinds.class:
      return `${docs(statement.docs, '')}${exported}${declared}${classText(statement)}`;
    case structureKinds.importDeclaration:
      return `import ${statement.isTypeOnly === true ? 'type ' : ''}{ ${statement.namedImports.join(', ')} } from '${statement.moduleSpecifier}';`;
  }
}

const memberIndent = '  ';

/** Index signatures, then properties, then methods: ts-morph's order. */
function interfaceText(statement: InterfaceStatement): string {
  const heritage = statement.extends === undefined || statement.extends.length === 0 ? '' : ` extends ${statement.extends.join(', ')}`;
  const members = [
    ...(statement.indexSignatures ?? []).map(
      ({ keyName, keyType, returnType }) => `${memberIndent}[${keyName}: ${keyType}]: ${returnType};\n`,
    ),
    ...(statement.properties ?? []).map(propertyText),
    ...(statement.methods ?? []).map(methodText),
  ];
  return `interface ${statement.name}${heritage} {\n${members.join('')}}`;
}

function classText(statement: ClassStatement): string {
  const members = statement.properties.map((property) => memberText({ ...property, optional: false }));
  return `class ${statement.name} extends ${statement.extends} {\n${members.join('')}}`;
}

const propertyText = (property: PropertyMember) => memberText({ ...property, optional: property.hasQuestionToken === true });

function memberText(member: { name: string; type: string; docs: readonly string[]; isReadonly?: boolean; optional: boolean }): string {
  const readonly = member.isReadonly === true ? 'readonly ' : '';
  return `${docs(member.docs, memberIndent)}${memberIndent}${readonly}${member.name}${member.optional ? '?' : ''}: ${member.type};\n`;
}

function methodText(method: MethodMember): string {
  return `${docs(method.docs, memberIndent)}${memberIndent}${method.name}(${parameters(method.parameters)}): ${method.returnType};\n`;
}

function parameters(list: readonly Parameter[]): string {
  return list.map((parameter) => `${parameter.name}${parameter.hasQuestionToken === true ? '?' : ''}: ${parameter.type}`).join(', ');
}

/**
 * Each JSDoc block on lines of its own: `/** text *\/` for one line, otherwise one ` * ` line a line of
 * text (a bare ` *` for an empty one), a leading empty line dropped, as ts-morph prints a string doc.
 */
function docs(texts: readonly string[], indent: string): string {
  return texts.map((text) => `${indent}${docBlock(text, indent)}\n`).join('');
}

function docBlock(text: string, indent: string): string {
  const lines = text.split(/\r?\n/);
  if (lines.length <= 1) return `/** ${text}${text.endsWith(' ') || text === '' ? '' : ' '}*/`;
  const body = (lines[0] === '' ? lines.slice(1) : lines).map((line) => `${indent} *${line === '' ? '' : ` ${line}`}\n`);
  return `/**\n${body.join('')}${indent} */`;
}
