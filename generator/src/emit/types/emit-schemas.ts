import type { NamedSchema } from '../../ir/types.js';
import { enumValuesName, enumValuesOf } from '../enum-values.js';
import { tsLiteral, tsPropertyName } from '../ts-text.js';
import { docText } from './jsdoc.js';
import { indexSignature, printType, visibleProperties, type Direction, type PrintContext } from './print-type.js';
import { tsDeclareConst, tsInterface, tsProperty, tsTypeAlias, type TypeStatement } from './structures.js';

const viewNotes: Record<Direction, string | undefined> = {
  'as-written': undefined,
  request: 'Request view: `readOnly` properties are left out.',
  response: 'Response view: `writeOnly` properties are left out.',
};

/** One declaration per view of a component schema, plus a runtime value list for enums. */
export function emitSchema(named: NamedSchema, schemas: ReadonlyMap<string, NamedSchema>): TypeStatement[] {
  const views: [string, Direction][] = [[named.name, 'as-written']];
  if (named.variants !== undefined) views.push([named.variants.request, 'request'], [named.variants.response, 'response']);
  const statements = views.map(([name, direction]) => emitView({ named, name, context: { direction, schemas } }));
  const values = enumValues(named);
  if (values !== undefined) statements.push(values);
  return statements;
}

function emitView({ named, name, context }: { named: NamedSchema; name: string; context: PrintContext }): TypeStatement {
  const { schema } = named;
  const note = viewNotes[context.direction];
  const doc = docText({ meta: schema.meta, lead: note === undefined ? [] : [note] });
  if (schema.kind !== 'object' || schema.meta.nullable) return tsTypeAlias({ name, type: printType(schema, context), doc });
  const properties = visibleProperties(schema, context.direction).map((property) =>
    tsProperty({
      name: tsPropertyName(property.name),
      type: printType(property.schema, context, 1),
      optional: !property.required,
      readonly: property.access === 'read-only' && context.direction === 'as-written',
      doc: docText({ meta: property.schema.meta, ...(property.origin ? { origin: property.origin } : {}) }),
    }),
  );
  const index = indexSignature(schema, context, 0)?.replace('[key: string]: ', '');
  return tsInterface({ name, doc, properties, ...(index === undefined ? {} : { indexType: index }) });
}

/** `export declare const XValues: readonly [...]` for enums of strings, numbers and booleans. */
function enumValues(named: NamedSchema): TypeStatement | undefined {
  const values = enumValuesOf(named);
  if (values === undefined) return undefined;
  return tsDeclareConst({
    name: enumValuesName(named),
    type: `readonly [${values.map(tsLiteral).join(', ')}]`,
    doc: `Every value of {@link ${named.name}}, in spec order.`,
  });
}
