import type { ApiModel, OperationNode } from '../../ir/types.js';
import type { RuntimeNames } from '../runtime-names.js';
import { docText } from '../types/jsdoc.js';
import { structureKinds, tsDeclareFunction, tsInterface, tsProperty, tsTypeAlias, type TypeStatement } from '../types/structures.js';
import { needsBaseUrl, optionTypes } from './client-options.js';

/**
 * Declarations of the client that the spec decides: the options (servers, credentials), each operation's
 * input and result, the client with one method per operation, and the functions. The fixed ones
 * (templates/runtime/types.ts) are the runtime's, named through `runtime`.
 */
export function emitClientTypes({
  model,
  functionNames,
  runtime,
}: {
  model: ApiModel;
  functionNames: ReadonlyMap<OperationNode, string>;
  runtime: RuntimeNames;
}): TypeStatement[] {
  const names = model.clientNames;
  const statements: TypeStatement[] = [...optionTypes(model, runtime)];
  for (const operation of model.operations) statements.push(inputType(operation), resultType(operation, runtime));
  statements.push({
    kind: structureKinds.interface,
    name: names.client,
    isExported: true,
    extends: [runtime.ref('ClientCore')],
    docs: [`A client of ${oneLine(model.info.title)}: one method per operation.`],
    methods: model.operations.map((operation) => ({
      kind: structureKinds.methodSignature,
      name: functionNames.get(operation) ?? '',
      parameters: [
        { name: 'input', type: operation.names.input, hasQuestionToken: !inputRequired(operation) },
        { name: 'options', type: runtime.ref('CallOptions'), hasQuestionToken: true },
      ],
      returnType: `Promise<${operation.names.result}>`,
      docs: docsOf(operationDoc(operation)),
    })),
  });
  const optionsOptional = !needsBaseUrl(model);
  statements.push(
    tsDeclareFunction({
      name: 'createClient',
      parameters: [{ name: 'options', type: names.options, hasQuestionToken: optionsOptional }],
      returns: names.client,
      doc: `A client of ${oneLine(model.info.title)}, with one method per operation.`,
    }),
    tsDeclareFunction({
      name: 'createClientCore',
      parameters: [{ name: 'options', type: names.options, hasQuestionToken: optionsOptional }],
      returns: runtime.ref('ClientCore'),
      doc: 'A client without methods: pass it to the operation functions, so a bundle holds only the operations it imports.',
    }),
  );
  for (const operation of model.operations) {
    statements.push(
      tsDeclareFunction({
        name: functionNames.get(operation) ?? '',
        parameters: [
          { name: 'client', type: runtime.ref('ClientCore') },
          { name: 'input', type: operation.names.input, hasQuestionToken: !inputRequired(operation) },
          { name: 'options', type: runtime.ref('CallOptions'), hasQuestionToken: true },
        ],
        returns: `Promise<${operation.names.result}>`,
        doc: operationDoc(operation),
      }),
    );
  }
  return statements;
}

const partFields = [
  ['path', 'path'],
  ['query', 'query'],
  ['header', 'headers'],
  ['cookie', 'cookies'],
] as const;

function inputType(operation: OperationNode): TypeStatement {
  const properties = partFields
    .filter(([location]) => operation.parameters[location].length > 0)
    .map(([location, field]) =>
      tsProperty({
        name: field,
        type: operation.names.params[location],
        optional: !operation.parameters[location].some((parameter) => parameter.required),
        readonly: false,
        doc: undefined,
      }),
    );
  if (operation.requestBody !== undefined)
    properties.push(
      tsProperty({
        name: 'body',
        type: operation.names.requestBody,
        optional: !operation.requestBody.required,
        readonly: false,
        doc: undefined,
      }),
    );
  return tsInterface({ name: operation.names.input, doc: `What ${operation.id} sends: ${label(operation)}.`, properties });
}

const inputRequired = (operation: OperationNode) =>
  partFields.some(([location]) => operation.parameters[location].some((parameter) => parameter.required)) ||
  operation.requestBody?.required === true;

/** A union of the documented responses, each with its status: exact codes, then ranges and `default` less the codes named. */
function resultType(operation: OperationNode, runtime: RuntimeNames): TypeStatement {
  const exact = operation.responses.map((response) => response.status).filter((status) => /^\d{3}$/.test(status));
  const ranges = operation.responses.map((response) => response.status).filter((status) => /^[1-5]XX$/i.test(status));
  const members = operation.responses.map((response) => {
    const data = operation.names.response[response.status] ?? 'never';
    const status = response.status;
    let statusType: string;
    if (/^\d{3}$/.test(status)) statusType = status;
    else if (/^[1-5]XX$/i.test(status)) {
      const inRange = exact.filter((code) => code[0] === status[0]);
      const range = runtime.ref(`HttpStatus${status.toUpperCase()}`);
      statusType = inRange.length === 0 ? range : `Exclude<${range}, ${inRange.join(' | ')}>`;
    } else {
      const named = [...exact, ...ranges.map((range) => runtime.ref(`HttpStatus${range.toUpperCase()}`))];
      const any = runtime.ref('HttpStatusCode');
      statusType = named.length === 0 ? any : `Exclude<${any}, ${named.join(' | ')}>`;
    }
    return `${runtime.ref('ApiResult')}<${statusType}, ${data}>`;
  });
  return tsTypeAlias({
    name: operation.names.result,
    type: members.length === 0 ? 'never' : members.join(' | '),
    doc: `What ${operation.id} answers: one member per documented response; anything else throws.`,
  });
}

const label = (operation: OperationNode) => `${operation.method.toUpperCase()} ${operation.path}`;

function operationDoc(operation: OperationNode): string | undefined {
  return docText({
    lead: [operation.summary ?? label(operation), ...(operation.description === undefined ? [] : [operation.description])],
    tags: [`@operation ${operation.id} ${label(operation)}`],
    deprecated: operation.deprecated,
    ...(operation.provenance ? { provenance: operation.provenance } : {}),
  });
}

const docsOf = (doc: string | undefined) => (doc === undefined ? [] : [doc]);
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
