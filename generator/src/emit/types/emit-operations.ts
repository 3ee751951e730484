import type { MediaNode, NamedSchema, OperationNode, ParameterLocation } from '../../ir/types.js';
import { tsPropertyName } from '../ts-text.js';
import { docText } from './jsdoc.js';
import { printType, type Direction } from './print-type.js';
import { tsInterface, tsProperty, tsTypeAlias, type TypeStatement } from './structures.js';

const locations: ParameterLocation[] = ['path', 'query', 'header', 'cookie'];

/**
 * Types of one operation: parameters by location, request body, each response, and the response map.
 * `sentBy: 'api'` for a webhook or callback, whose request the API writes (its parameters and body take
 * the response view of `readOnly`/`writeOnly` schemas) and whose answers the client writes.
 */
export function emitOperation(
  operation: OperationNode,
  schemas: ReadonlyMap<string, NamedSchema>,
  sentBy: 'client' | 'api' = 'client',
): TypeStatement[] {
  const statements: TypeStatement[] = [];
  const sent: Direction = sentBy === 'client' ? 'request' : 'response';
  const answered: Direction = sentBy === 'client' ? 'response' : 'request';
  const label = `${operation.method.toUpperCase()} ${operation.path}`;
  const tag = `@operation ${operation.id} ${label}`;
  for (const location of locations) {
    const parameters = operation.parameters[location];
    if (parameters.length === 0) continue;
    const properties = parameters.map((parameter) =>
      tsProperty({
        name: tsPropertyName(parameter.name),
        type: printType(parameter.schema, { direction: sent, schemas }, 1),
        optional: !parameter.required,
        readonly: false,
        doc: docText({
          meta: parameter.schema.meta,
          lead: lines(parameter.description),
          deprecated: parameter.deprecated,
          ...(parameter.provenance ? { provenance: parameter.provenance } : {}),
          ...(parameter.origin ? { origin: parameter.origin } : {}),
        }),
      }),
    );
    const doc = docText({ lead: [`${capitalise(location)} parameters of ${label}.`], tags: [tag] });
    statements.push(tsInterface({ name: operation.names.params[location], doc, properties }));
  }
  const body = operation.requestBody;
  if (body !== undefined) {
    const doc = docText({
      lead: [`Request body of ${label}${body.required ? '' : ' (optional)'}.`, ...lines(body.description)],
      tags: [tag],
      ...(body.provenance ? { provenance: body.provenance } : {}),
      ...(body.origin ? { origin: body.origin } : {}),
    });
    statements.push(tsTypeAlias({ name: operation.names.requestBody, type: contentType(body.contents, sent, schemas), doc }));
  }
  for (const response of operation.responses) {
    const doc = docText({
      lead: [`Response ${response.status} of ${label}.`, ...lines(response.description)],
      tags: [tag],
      ...(response.provenance ? { provenance: response.provenance } : {}),
      ...(response.origin ? { origin: response.origin } : {}),
    });
    const type = response.contents.length === 0 ? 'undefined' : contentType(response.contents, answered, schemas);
    statements.push(tsTypeAlias({ name: operation.names.response[response.status] ?? '', type, doc }));
  }
  const map = operation.responses.map((response) =>
    tsProperty({
      name: JSON.stringify(response.status),
      type: operation.names.response[response.status] ?? 'never',
      optional: false,
      readonly: false,
      doc: undefined,
    }),
  );
  const mapDoc = docText({
    lead: [operation.summary ?? label, ...lines(operation.description), `Responses of ${label}, by status code.`],
    tags: [tag],
    deprecated: operation.deprecated,
    ...(operation.provenance ? { provenance: operation.provenance } : {}),
    ...(operation.origin ? { origin: operation.origin } : {}),
  });
  statements.push(tsInterface({ name: operation.names.responses, doc: mapDoc, properties: map }));
  return statements;
}

const lines = (text: string | undefined): string[] => (text === undefined ? [] : [text]);
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** JSON media types when there are any (what a JSON client sends and reads), otherwise every one. */
export function preferredContents(contents: readonly MediaNode[]): MediaNode[] {
  const json = contents.filter((media) => /^application\/([\w.-]+\+)?json(\s*;|$)/i.test(media.mediaType));
  return json.length > 0 ? json : [...contents];
}

function contentType(contents: readonly MediaNode[], direction: Direction, schemas: ReadonlyMap<string, NamedSchema>): string {
  const types = preferredContents(contents).map((media) => printType(media.schema, { direction, schemas }));
  return [...new Set(types)].join(' | ') || 'unknown';
}
