import { preferredContents } from '../emit/types/emit-operations.js';
import type { MediaNode, NamedSchema } from '../ir/types.js';
import type { ValidationIssue } from '../validate/validate-target.js';
import { appendPointer, getAtPointer, parsePointer } from '../util/json-pointer.js';
import { mediaExamples, type DocumentedExample } from './examples.js';
import type { TrafficSpec } from './load-spec.js';

/** One documented example, checked against the schema it illustrates. */
export interface ExampleResult {
  /** What it illustrates: `createPrivateCustomer request body`, `getCard response 200`, `schema PrivateCustomer`. */
  target: string;
  name?: string;
  /** Where its value is written in the spec (JSON pointer of the shipped document). */
  pointer: string;
  file?: string;
  line: number;
  column: number;
  issues: ValidationIssue[];
}

/**
 * Every example the spec documents for a JSON request body, response or component schema, checked by the
 * same validators the package ships (`specsmith validate --examples`). An example that fails its schema
 * misleads whoever copies it, and the mock serves it as written (with a warning).
 */
export async function checkExamples(spec: TrafficSpec): Promise<ExampleResult[]> {
  const { model } = spec;
  const document = model.shipped.document;
  const results: ExampleResult[] = [];
  const add = (target: string, validator: string, examples: DocumentedExample[]) => {
    const check = spec.checks.get(validator);
    for (const example of examples) {
      const place = spec.locate(example.pointer);
      results.push({
        target,
        ...(example.name === undefined ? {} : { name: example.name }),
        pointer: example.pointer,
        ...(place === undefined ? {} : { file: place.file }),
        line: place?.line ?? 0,
        column: place?.column ?? 0,
        issues: check?.(example.value) ?? [],
      });
    }
  };
  const json = (contents: MediaNode[]) => preferredContents(contents).filter((media) => /json/i.test(media.mediaType));
  for (const operation of model.operations) {
    await spec.prepare(operation);
    const body = operation.requestBody;
    const bodyAt = body?.origin?.shipped?.pointer;
    if (body !== undefined && bodyAt !== undefined)
      for (const media of json(body.contents))
        add(`${operation.id} request body`, operation.names.requestBody, mediaExamples(document, bodyAt, media.mediaType));
    for (const response of operation.responses) {
      const at = response.origin?.shipped?.pointer;
      const validator = operation.names.response[response.status];
      if (at === undefined || validator === undefined) continue;
      for (const media of json(response.contents))
        add(`${operation.id} response ${response.status}`, validator, mediaExamples(document, at, media.mediaType));
    }
  }
  for (const named of model.schemas) add(`schema ${named.specName}`, schemaValidator(named), schemaExamples(document, named));
  return results;
}

/** A schema's example is what the API sends: checked against its response view when it has one. */
const schemaValidator = (named: NamedSchema) => named.variants?.response ?? named.name;

function schemaExamples(document: unknown, named: NamedSchema): DocumentedExample[] {
  const at = named.schema.meta.origin?.shipped?.pointer;
  if (at === undefined) return [];
  const schema = getAtPointer(document, parsePointer(at) ?? []) as Record<string, unknown> | undefined;
  if (schema === null || typeof schema !== 'object') return [];
  const found: DocumentedExample[] = [];
  if ('example' in schema) found.push({ pointer: appendPointer(at, 'example'), value: schema.example });
  if (Array.isArray(schema.examples))
    schema.examples.forEach((value, index) => found.push({ pointer: appendPointer(appendPointer(at, 'examples'), String(index)), value }));
  return found;
}
