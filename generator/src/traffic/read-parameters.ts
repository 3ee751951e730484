import type { NamedSchema, OperationNode, ParameterNode, SchemaNode } from '../ir/types.js';

type Json = Record<string, unknown>;

export interface RequestParts {
  path: Json;
  query: Json;
  headers: Json;
}

/**
 * The operation's parameters read back from a request, by their `style` and `explode` (OpenAPI 3.1
 * §4.8.12.4, the inverse of templates/runtime/serialize.js), and typed by their schemas: `?limit=5` is
 * the number 5, `?ids=1,2` the array [1, 2]. Text that does not read as the schema's type is kept as text,
 * for the validator to reject with its message.
 */
export function readParameters({
  operation,
  schemas,
  pathValues,
  search,
  headers,
}: {
  operation: OperationNode;
  schemas: ReadonlyMap<string, NamedSchema>;
  pathValues: Readonly<Record<string, string>>;
  search: URLSearchParams;
  headers: Readonly<Record<string, string | string[] | undefined>>;
}): RequestParts {
  const parts: RequestParts = { path: {}, query: {}, headers: {} };
  const typed = (parameter: ParameterNode) => new Typer(schemas, parameter.schema);
  for (const parameter of operation.parameters.path) {
    const raw = pathValues[parameter.name];
    if (raw !== undefined) parts.path[parameter.name] = typed(parameter).read(pathItems(parameter, raw), parameter.explode);
  }
  for (const parameter of operation.parameters.query) {
    const value = queryValue(parameter, search, typed(parameter));
    if (value !== undefined) parts.query[parameter.name] = value;
  }
  for (const parameter of operation.parameters.header) {
    const raw = headers[parameter.name.toLowerCase()];
    const text = Array.isArray(raw) ? raw.join(',') : raw;
    if (text !== undefined) parts.headers[parameter.name] = typed(parameter).read(text.split(','), parameter.explode);
  }
  return parts;
}

/** A path value split into its items (percent-decoded): `simple` by commas, `label` by dots, `matrix` by `;name=`. */
function pathItems(parameter: ParameterNode, raw: string): string[] {
  let text = raw;
  let separator = ',';
  if (parameter.style === 'label') {
    text = text.replace(/^\./, '');
    if (parameter.explode) separator = '.';
  } else if (parameter.style === 'matrix') {
    const prefix = `;${encodeURIComponent(parameter.name)}=`;
    if (parameter.explode && text.split(prefix).length > 2) return text.split(prefix).slice(1).map(decode);
    text = text.startsWith(prefix) ? text.slice(prefix.length) : text.replace(/^;/, '');
    if (parameter.explode) separator = ';';
  }
  return text.split(separator).map(decode);
}

function queryValue(parameter: ParameterNode, search: URLSearchParams, typer: Typer): unknown {
  const { name, style, explode } = parameter;
  if (style === 'deepObject') {
    const object: Json = {};
    for (const [key, value] of search) {
      const inner = key.startsWith(`${name}[`) && key.endsWith(']') ? key.slice(name.length + 1, -1) : undefined;
      if (inner !== undefined) object[inner] = typer.property(inner, value);
    }
    return Object.keys(object).length === 0 ? undefined : object;
  }
  if (explode && style === 'form' && typer.kind() === 'object') {
    const object: Json = {};
    for (const property of typer.propertyNames()) {
      const value = search.get(property);
      if (value !== null) object[property] = typer.property(property, value);
    }
    return Object.keys(object).length === 0 ? undefined : object;
  }
  const all = search.getAll(name);
  if (all.length === 0) return undefined;
  if (explode && style === 'form') return typer.read(all, true);
  const separator = style === 'spaceDelimited' ? ' ' : style === 'pipeDelimited' ? '|' : ',';
  return typer.read((all[0] ?? '').split(separator), false);
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Reads text as the schema's type; references followed, the first member of a union taken as its shape. */
class Typer {
  private readonly node: SchemaNode;

  constructor(
    private readonly schemas: ReadonlyMap<string, NamedSchema>,
    node: SchemaNode,
  ) {
    this.node = this.resolve(node);
  }

  kind(): SchemaNode['kind'] {
    return this.node.kind;
  }

  propertyNames(): string[] {
    return this.node.kind === 'object' ? this.node.properties.map((property) => property.name) : [];
  }

  property(name: string, text: string): unknown {
    const property = this.node.kind === 'object' ? this.node.properties.find((candidate) => candidate.name === name) : undefined;
    return property === undefined ? text : new Typer(this.schemas, property.schema).scalar(text);
  }

  /** Items as the parameter's value: an array of typed items, an object from key/value items, else one scalar. */
  read(items: string[], explode: boolean): unknown {
    if (this.node.kind === 'array')
      return items.map((item) => new Typer(this.schemas, (this.node as { items: SchemaNode }).items).scalar(item));
    if (this.node.kind === 'object') {
      const object: Json = {};
      if (explode) {
        for (const item of items) {
          const [key = '', ...rest] = item.split('=');
          object[key] = this.property(key, rest.join('='));
        }
      } else {
        for (let index = 0; index + 1 < items.length; index += 2)
          object[items[index] ?? ''] = this.property(items[index] ?? '', items[index + 1] ?? '');
      }
      return object;
    }
    return this.scalar(items.join(','));
  }

  scalar(text: string): unknown {
    const node = this.node;
    if (node.kind === 'number') return /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text) ? Number(text) : text;
    if (node.kind === 'boolean') return text === 'true' ? true : text === 'false' ? false : text;
    if (node.kind === 'literal' && node.values.every((value) => typeof value === 'number'))
      return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
    return text;
  }

  private resolve(node: SchemaNode): SchemaNode {
    let current = node;
    for (let steps = 0; steps < 16; steps++) {
      if (current.kind === 'ref') current = this.schemas.get(current.name)?.schema ?? current;
      else if (current.kind === 'composition' && current.members[0] !== undefined) current = current.members[0];
      else break;
    }
    return current;
  }
}
