import type { FactKind, FactValue, PageFact, PageReading } from './facts.js';
import { readPossibleValues } from './possible-values.js';

/**
 * Reads the request body of an operation page rendered in the Docusaurus OpenAPI layout whose capture
 * lost the property labels. What survives: `Body` / `required`, object headings (`basicData`, `object`,
 * `required` on three lines), constraint lines (`Possible values: …`) and descriptions. Constraints are
 * emitted as unlabelled facts, numbered in page order (one number a line), with the object they sit in; the docs map
 * names the property each one belongs to. A description that names a format ("valid email format")
 * is a fact too. Reading stops at `Responses`: the captured responses state no constraints.
 */
export function readDocusaurusOperationPage(text: string): PageReading {
  const reading: PageReading = { facts: [], unread: [] };
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  let inBody = false;
  let scope = '';
  let unlabelled = 0;
  /** Facts of one line belong to one field, so they share a number. */
  const addUnlabelled = (index: number, constraints: { kind: FactKind; value: FactValue }[]) => {
    const number = unlabelled++;
    for (const { kind, value } of constraints) {
      reading.facts.push({ line: index + 1, section: 'body', field: [], kind, value, unlabelled: { scope, index: number } });
    }
  };
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (line === 'Responses') break;
    if (line === 'Body') {
      inBody = true;
      if (lines[index + 1] === 'required')
        reading.facts.push({ line: index + 2, section: 'body', field: [], kind: 'required', value: true });
      continue;
    }
    if (!inBody) continue;
    if (/^[a-z][A-Za-z0-9]*$/.test(line) && lines[index + 1] === 'object') {
      scope = line;
      const field = [{ names: [line] }];
      reading.facts.push({ line: index + 2, section: 'body', field, kind: 'type', value: 'object' });
      if (lines[index + 2] === 'required') reading.facts.push({ line: index + 3, section: 'body', field, kind: 'required', value: true });
      continue;
    }
    const possible = /^Possible values: (.*)$/.exec(line);
    if (possible !== null) {
      const constraints = readPossibleValues(possible[1] ?? '');
      if (constraints === undefined) reading.unread.push({ line: index + 1, text: line });
      if (constraints !== undefined) addUnlabelled(index, constraints);
      continue;
    }
    const format = /\bvalid (email|uuid|date|date-time|uri) format\b/i.exec(line);
    if (format !== null) addUnlabelled(index, [{ kind: 'format', value: (format[1] ?? '').toLowerCase() }]);
  }
  return reading;
}
