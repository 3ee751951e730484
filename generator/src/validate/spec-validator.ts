import { pathToFileURL } from 'node:url';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { templatePath } from '../emit/package/template-path.js';
import { addValidatorSchemas, createAjv, entryRef, type RuntimeFormat } from '../emit/validators/compile-validators.js';
import { collectValidators, type ValidatorEntry } from '../emit/validators/validator-set.js';
import { parseDocument } from '../ir/parse-document.js';
import type { ApiModel } from '../ir/types.js';
import { loadDocument } from '../load/load-document.js';

/** What to validate against: a component schema (or one of its views), or one part of an operation. */
export type ValidateTarget = { schema: string } | { operation: string; part: string };

export interface ValidationIssue {
  path: string;
  message: string;
  keyword: string;
  params: Record<string, unknown>;
}

export interface SpecValidator {
  /** The type name the validator checks (`CustomerPerson`, `CreateMcCardRequestBody`). */
  name: string;
  /** Every problem of the value, or undefined when it is valid. Never throws. */
  check: (value: unknown) => ValidationIssue[] | undefined;
}

export type LoadedValidator =
  { ok: true; validator: SpecValidator; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[]; problem?: string };

interface ApiTemplate {
  createValidator: (name: string, first: unknown, all: unknown) => { assert: (value: unknown) => void };
  ValidationError: new () => Error & { issues: ValidationIssue[] };
}

/**
 * A validator for one target of a spec, compiled at run time with the same lowering, formats and
 * messages as the generated packages (the CLI may compile; generated packages never do).
 */
export async function loadSpecValidator({
  spec,
  target,
  root,
}: {
  spec: string;
  target: ValidateTarget;
  root?: string;
}): Promise<LoadedValidator> {
  // Reading the spec is what makes this command start fast or slow: the OpenAPI schema check is left to
  // `specsmith generate` and CI (references and operations are still checked).
  const loaded = await loadDocument({ entry: spec, checkOpenApiSchema: false, ...(root === undefined ? {} : { root }) });
  if (!loaded.ok) return { ok: false, diagnostics: loaded.diagnostics };
  const model = parseDocument(loaded.loaded);
  const runtime = (await import(pathToFileURL(templatePath('validators/runtime.js')).href)) as { formats: Record<string, RuntimeFormat> };
  const api = (await import(pathToFileURL(templatePath('validators/api.js')).href)) as ApiTemplate;
  const set = collectValidators(model, new Map(Object.entries(runtime.formats).map(([name, definition]) => [name, definition.type])));
  const found = findEntry(model, set.entries, target);
  if (typeof found === 'string') return { ok: false, diagnostics: loaded.diagnostics, problem: found };
  const ajv = createAjv({ formats: runtime.formats, allErrors: true, standalone: false });
  addValidatorSchemas(ajv, set);
  const compiled = ajv.getSchema(entryRef(found.def));
  const validator = api.createValidator(found.name, compiled, compiled);
  const check = (value: unknown): ValidationIssue[] | undefined => {
    try {
      validator.assert(value);
      return undefined;
    } catch (error) {
      if (error instanceof api.ValidationError) return error.issues;
      throw error;
    }
  };
  return { ok: true, validator: { name: found.name, check }, diagnostics: loaded.diagnostics };
}

const parts: Record<string, (names: ApiModel['operations'][number]['names']) => string | undefined> = {
  body: (names) => names.requestBody,
  path: (names) => names.params.path,
  query: (names) => names.params.query,
  headers: (names) => names.params.header,
};

/** The validator entry a target names, or a sentence saying what is available instead. */
function findEntry(model: ApiModel, entries: ValidatorEntry[], target: ValidateTarget): ValidatorEntry | string {
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  if ('schema' in target) {
    const named = model.schemas.find((schema) => schema.specName === target.schema || schema.name === target.schema);
    const entry = byName.get(named?.name ?? target.schema);
    if (entry !== undefined) return entry;
    return `no schema ${JSON.stringify(target.schema)}; the spec has ${model.schemas.map((schema) => schema.specName).join(', ') || 'none'}`;
  }
  const operation = model.operations.find((candidate) => candidate.id === target.operation);
  if (operation === undefined) {
    return `no operation ${JSON.stringify(target.operation)}; the spec has ${model.operations.map((candidate) => candidate.id).join(', ') || 'none'}`;
  }
  const status = /^response\.(.+)$/.exec(target.part)?.[1];
  const name = status !== undefined ? operation.names.response[status] : parts[target.part]?.(operation.names);
  const entry = name === undefined ? undefined : byName.get(name);
  if (entry !== undefined) return entry;
  const available = [
    ...Object.entries(parts)
      .filter(([, nameOf]) => byName.has(nameOf(operation.names) ?? ''))
      .map(([part]) => part),
    ...Object.entries(operation.names.response)
      .filter(([, typeName]) => byName.has(typeName))
      .map(([code]) => `response.${code}`),
  ];
  return `${operation.id} has no ${JSON.stringify(target.part)} to validate; it has ${available.join(', ') || 'nothing'}`;
}
