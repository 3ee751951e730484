import { readFileSync } from 'node:fs';
import type { ApiModel, OperationNode } from '../../ir/types.js';
import { templatePath } from './template-path.js';

/** The package README: the static skeleton in `templates/package/README.md` with this spec's facts. */
export function emitReadme({ model, packageName, command }: { model: ApiModel; packageName: string; command: string }): string {
  const skeleton = readFileSync(templatePath('package/README.md'), 'utf8');
  const slots: Record<string, string> = {
    packageName,
    title: oneLine(model.info.title),
    apiVersion: oneLine(model.info.version),
    source: model.source,
    openapi: model.openapi,
    description: model.info.description?.trim() ?? '',
    usage: usageExample(model, packageName),
    operations: table(
      ['operationId', 'request', 'types'],
      model.operations.map((operation) => [
        `\`${operation.id}\``,
        `\`${operation.method.toUpperCase()} ${operation.path}\``,
        typeNamesOf(operation)
          .map((name) => `\`${name}\``)
          .join(', '),
      ]),
    ),
    schemas: table(
      ['type', 'description'],
      model.schemas.map((named) => [`\`${named.name}\``, oneLine(named.schema.meta.description ?? named.schema.meta.title ?? '')]),
    ),
    command,
  };
  return skeleton.replace(/\{\{(\w+)\}\}/g, (_match, key: string) => slots[key] ?? '').replace(/\n{3,}/g, '\n\n');
}

/** The operation's type names that exist in the package, parameters through responses. */
function typeNamesOf(operation: OperationNode): string[] {
  const { names } = operation;
  const params = (['path', 'query', 'header', 'cookie'] as const)
    .filter((location) => operation.parameters[location].length > 0)
    .map((location) => names.params[location]);
  return [...params, ...(operation.requestBody === undefined ? [] : [names.requestBody]), names.responses];
}

function usageExample(model: ApiModel, packageName: string): string {
  const operation = model.operations.find((candidate) => candidate.requestBody !== undefined) ?? model.operations[0];
  const schema = model.schemas[0];
  if (operation?.requestBody !== undefined) {
    return `import type { ${operation.names.requestBody} } from '${packageName}';\n\nconst body: ${operation.names.requestBody} = {\n  // the editor completes and checks every field\n};`;
  }
  if (schema !== undefined)
    return `import type { ${schema.name} } from '${packageName}';\n\nfunction handle(value: ${schema.name}) {\n  // ...\n}`;
  return `import type {} from '${packageName}';`;
}

function table(head: string[], rows: string[][]): string {
  if (rows.length === 0) return '(none)';
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ].join('\n');
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
