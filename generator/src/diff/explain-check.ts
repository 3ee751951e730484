import { checkCatalog, type CheckId, type SchemaCheck } from '../shared/change-catalog.js';
import { otherExamples, schemaExamples, type CheckExample } from './check-examples.js';

const directions = {
  request: 'A request schema breaks clients when it accepts less: a value a client sent before may now be refused.',
  response: 'A response schema breaks clients when it allows more: a client may meet a value its code never handled.',
} as const;

/** `specsmith diff --explain ID`: what the check means, an example, and its default verdicts; undefined for an unknown id. */
export function explainCheck(id: string): string | undefined {
  if (!Object.hasOwn(checkCatalog, id)) return undefined;
  const check = id as CheckId;
  const definition = checkCatalog[check];
  const direction = /^(request|response)-/.exec(check)?.[1] as keyof typeof directions | undefined;
  const suffix = direction === undefined ? undefined : check.slice(direction.length + 1);
  const example: CheckExample =
    suffix !== undefined && Object.hasOwn(schemaExamples, suffix)
      ? schemaExamples[suffix as SchemaCheck]
      : otherExamples[check as keyof typeof otherExamples];
  const indent = (text: string) => text.split('\n').join('\n          ');
  const lines = [
    `${check}: ${definition.summary}`,
    '',
    `Default severity: ${definition.severity} (change it, or turn the check off, in specsmith.config.json "diff": { "severity": { "${check}": … } })`,
    `Package release: ${definition.bump} (not configurable: it follows from the generated code)`,
    ...(suffix !== undefined && Object.hasOwn(schemaExamples, suffix) ? ['', directions[direction!]] : []),
    '',
    `Example${suffix !== undefined && Object.hasOwn(schemaExamples, suffix) ? `, in a ${direction} schema` : ''}:`,
    `  before: ${indent(example.old)}`,
    `  after:  ${indent(example.new)}`,
  ];
  return `${lines.join('\n')}\n`;
}
