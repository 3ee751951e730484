import type { FactKind, FactValue, FieldStep, PageFact, PageReading, Section } from './facts.js';
import { typeLabelFacts } from './type-labels.js';

/**
 * Reads an operation page rendered in the Mintlify layout: section headings (`Path Parameters`,
 * `Query Parameters`, `Body`, `Response`), then per field its name on one line, its type on the next
 * (`string`, `enum<string>`, `string<date>`, `object[]`…), an optional `required`, a description,
 * `Maximum length: N` and `Available options:` followed by one value per line, comma-terminated
 * except the last. Nested objects are not expanded in this layout: every field is at the top level.
 */
export function readMintlifyPage(text: string): PageReading {
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  const reader = new MintlifyReader(lines);
  reader.read();
  return { facts: reader.facts, unread: reader.unread };
}

const sectionHeadings: Record<string, Section> = {
  'Path Parameters': 'path',
  'Query Parameters': 'query',
  'Header Parameters': 'header',
  Body: 'body',
  Response: 'response',
};

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;

interface FieldState {
  field: FieldStep[];
  /** `object[]` limits count items; `string[]` limits describe each item. */
  array: 'objects' | 'values' | undefined;
}

class MintlifyReader {
  readonly facts: PageFact[] = [];
  readonly unread: { line: number; text: string }[] = [];
  private section: Section | undefined;
  private status: string | undefined;
  private field: FieldState | undefined;

  constructor(private readonly lines: string[]) {}

  read(): void {
    for (let index = 0; index < this.lines.length; index++) index = this.readLine(index);
  }

  /** Reads the line at `index` (and any it owns); returns the index of the last line consumed. */
  private readLine(index: number): number {
    const line = this.lines[index] ?? '';
    const heading = sectionHeadings[line];
    if (heading !== undefined) {
      [this.section, this.status, this.field] = [heading, undefined, undefined];
      return index;
    }
    if (this.section === undefined) return index;
    const status = /^(\d{3}) - /.exec(line);
    if (this.section === 'response' && status !== null) {
      this.status = status[1];
      return index;
    }
    const typeAt = this.nextNonEmpty(index + 1);
    const typeFacts = typeAt === undefined ? undefined : typeLabelFacts(this.lines[typeAt] ?? '');
    if (identifier.test(line) && typeAt !== undefined && typeFacts !== undefined) return this.readField(line, typeAt, typeFacts);
    if (this.field === undefined) return index;
    return this.readConstraint(line, index);
  }

  private readField(name: string, typeAt: number, typeFacts: NonNullable<ReturnType<typeof typeLabelFacts>>): number {
    const label = this.lines[typeAt] ?? '';
    const array = !label.endsWith('[]') ? undefined : label.startsWith('object') ? 'objects' : 'values';
    this.field = { field: [{ names: [name] }], array };
    for (const fact of typeFacts) this.add(typeAt, fact.kind, fact.value, fact.items);
    const requiredAt = this.nextNonEmpty(typeAt + 1);
    if (requiredAt === undefined || this.lines[requiredAt] !== 'required') return typeAt;
    this.add(requiredAt, 'required', true);
    return requiredAt;
  }

  private readConstraint(line: string, index: number): number {
    const length = /^(Maximum|Minimum) length: (\d+)$/.exec(line);
    if (length !== null) {
      const upper = length[1] === 'Maximum';
      const count = this.field?.array === 'objects';
      const kind: FactKind = count ? (upper ? 'maxItems' : 'minItems') : upper ? 'maxLength' : 'minLength';
      this.add(index, kind, Number(length[2]), this.field?.array === 'values');
      return index;
    }
    const prose = /\bMax character limit is (\d+)\b/.exec(line);
    if (prose !== null) {
      this.add(index, 'maxLength', Number(prose[1]), this.field?.array === 'values');
      return index;
    }
    if (line !== 'Available options:') return index;
    const values: string[] = [];
    let last = index;
    for (let at = index + 1; at < this.lines.length; at++) {
      const option = this.lines[at] ?? '';
      if (option === '') continue;
      values.push(option.replace(/,$/, ''));
      last = at;
      if (!option.endsWith(',')) break;
    }
    if (values.length === 0) this.unread.push({ line: index + 1, text: line });
    else this.add(index, 'enum', values, this.field?.array === 'values');
    return last;
  }

  private add(index: number, kind: FactKind, value: FactValue, items?: boolean): void {
    if (this.section === undefined || this.field === undefined) return;
    const fact: PageFact = { line: index + 1, section: this.section, field: this.field.field, kind, value };
    if (items === true) fact.items = true;
    if (this.status !== undefined) fact.status = this.status;
    this.facts.push(fact);
  }

  private nextNonEmpty(from: number): number | undefined {
    for (let at = from; at < this.lines.length; at++) if (this.lines[at] !== '') return at;
    return undefined;
  }
}
