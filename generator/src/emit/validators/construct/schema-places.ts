import { fragmentToken } from '../../../util/json-pointer.js';
import { js, literal, type Code, type Name } from './code.js';

/**
 * Where a schema is, as AJV writes its schema path (`#/$defs/Pet/properties/name`): the path of the
 * function's own schema, in its `schemaPath` binding, and the `rest` below it. A function made for one
 * place knows its path (`known`, a constant it declares when an issue needs it); a function shared by
 * the places of one shape (shapes.ts) is given the path of each in a parameter. Either way a path is
 * written once a function, and each issue adds only its own steps.
 */
export interface SchemaPlace {
  base: SchemaPathBase;
  rest: string;
}

export interface SchemaPathBase {
  name: Name;
  known: string | undefined;
  /** Whether an issue or a call reads the binding (a function declares the constant only then). */
  used: boolean;
}

/** A JSON pointer token (RFC 6901 §3): `~` and `/` escaped. */
export const pointerToken = (token: string) => token.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * A key in a schema path (a property name, a pattern, a `$defs` name, an index) escaped as AJV's
 * `compile/util.ts` escapeFragment does (pointer token, then URI-encoded), which is also how
 * rule-origins.ts writes the paths it keys the spec's lines by. Keywords are written as they are.
 */
export const keySegment = fragmentToken;

/** The schema path below `base` of a keyword and the keys after it (`["properties", "a/b"]` → `/properties/a~1b`). */
export const schemaPathBelow = (base: string, [keyword, ...keys]: readonly string[]) =>
  keyword === undefined ? base : `${base}/${keyword}${keys.map((key) => `/${keySegment(key)}`).join('')}`;

/** The place of a subschema, by the keyword and key or index leading to it. */
export const placeBelow = (place: SchemaPlace, tokens: readonly string[]): SchemaPlace => ({
  base: place.base,
  rest: schemaPathBelow(place.rest, tokens),
});

/** The schema path of a place (and `suffix`, a keyword) as an expression: a literal, or the parameter and the rest. */
export function schemaPathCode(place: SchemaPlace): Code {
  place.base.used = true;
  return place.rest === '' ? place.base.name : js`${place.base.name} + ${literal(place.rest)}`;
}

/** A function that checks a subschema; `place` is the schema path it is given when it is shared by a shape. */
export interface Check {
  name: Name;
  place?: SchemaPlace;
}

/**
 * The call of a check: `name(value, errors, path)`, and the schema path when the check takes one. A call
 * with no `errors` only asks for the verdict (stop mode) and passes no paths. A schema path that must be
 * joined is joined only in collect mode (`errors && …`), so the `is*` path builds no string.
 */
export function callCheck(check: Check, { value, errors, path }: { value: Code; errors?: Name; path?: Code }): Code {
  if (errors === undefined) return js`${check.name}(${value}, undefined, "")`;
  if (check.place === undefined) return js`${check.name}(${value}, ${errors}, ${path ?? js`""`})`;
  const schemaPath = check.place.rest === '' ? schemaPathCode(check.place) : js`${errors} && ${schemaPathCode(check.place)}`;
  return js`${check.name}(${value}, ${errors}, ${path ?? js`""`}, ${schemaPath})`;
}
