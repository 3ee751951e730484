import type { LoadedDocument } from '../load/load-document.js';
import type { NodeOrigin } from '../load/origins.js';
import type { FieldStep, Section } from './facts.js';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

/** A place in the spec that page facts are compared with. */
export interface SpecNode {
  /** Every schema that applies there: the one written, its `$ref` targets and `allOf` members, transitively. */
  closure: Json[];
  /** Whether the parent requires it (listed in `required`; a required parameter or request body). */
  required: boolean;
  /** Where it is written. */
  origin: NodeOrigin | undefined;
  /** The parameters of the operation, when this node stands for one of its parameter sections. */
  parameters?: Json[];
}

/** A node found (with the name that matched, for a child), or why none was. */
export type Located = { node: SpecNode; name?: string } | { problem: string };

/** Navigates a loaded spec the way a doc page names things: operation parts, then property paths. */
export class SpecView {
  constructor(private readonly loaded: LoadedDocument) {}

  /** The schema object and everything it stands for through `$ref` and `allOf`. */
  closure(schema: unknown): Json[] {
    const found: Json[] = [];
    const visit = (node: unknown): void => {
      if (!isObject(node) || found.includes(node)) return;
      found.push(node);
      if (typeof node.$ref === 'string') visit(this.loaded.resolver.resolveOnce(node)?.value);
      if (Array.isArray(node.allOf)) node.allOf.forEach(visit);
    };
    visit(schema);
    return found;
  }

  schemaRoot(name: string): Located {
    const schemas = this.at(this.loaded.document, 'components', 'schemas');
    const schema = isObject(schemas) ? schemas[name] : undefined;
    if (!isObject(schema)) return { problem: `no schema ${name} under components/schemas` };
    return { node: { closure: this.closure(schema), required: false, origin: this.origin(schema) } };
  }

  operationExists(operationId: string): Located {
    const found = this.findOperation(operationId);
    return found === undefined
      ? { problem: `no operation ${operationId}` }
      : { node: { closure: [], required: false, origin: this.origin(found.operation) } };
  }

  /** The root of one part of an operation: its body, a parameter location, or a response. */
  operationRoot(operationId: string, section: Exclude<Section, 'schema'>, status?: string): Located {
    const found = this.findOperation(operationId);
    if (found === undefined) return { problem: `no operation ${operationId}` };
    const { operation, pathItem } = found;
    if (section === 'body') {
      const body = this.deref(operation.requestBody);
      if (body === undefined) return { problem: `${operationId} has no request body` };
      return this.mediaRoot(body, body.required === true, `${operationId} request body`);
    }
    if (section === 'response') return this.responseRoot(operation, operationId, status);
    const parameters = [...this.list(pathItem.parameters), ...this.list(operation.parameters)]
      .map((parameter) => this.deref(parameter))
      .filter((parameter): parameter is Json => parameter !== undefined && parameter.in === section);
    return { node: { closure: [], required: false, origin: this.origin(operation), parameters } };
  }

  /** The property (or parameter, or map value for `*`) one step below `node`. */
  child(node: SpecNode, step: FieldStep): Located {
    if (node.parameters !== undefined) {
      const parameter = node.parameters.find((candidate) => step.names.includes(String(candidate.name)));
      if (parameter === undefined) return { problem: `no parameter named ${step.names.join(' or ')}` };
      const found = { closure: this.closure(parameter.schema), required: parameter.required === true, origin: this.origin(parameter) };
      return { node: found, name: String(parameter.name) };
    }
    const holder = this.hasProperties(node) ? node : this.itemsOf(node);
    if (holder === undefined) return { problem: `${step.names.join(' or ')}: the spec has no object here` };
    if (step.names.length === 1 && step.names[0] === '*') {
      const values = holder.closure.map((schema) => schema.additionalProperties).find(isObject);
      if (values === undefined) return { problem: 'the spec allows no typed map values here (additionalProperties)' };
      return { node: { closure: this.closure(values), required: false, origin: this.origin(values) }, name: '*' };
    }
    for (const name of step.names) {
      const owner = holder.closure.find((schema) => isObject(schema.properties) && name in schema.properties);
      if (owner === undefined) continue;
      const properties = owner.properties as Json;
      const required = holder.closure.some((schema) => Array.isArray(schema.required) && schema.required.includes(name));
      return {
        node: { closure: this.closure(properties[name]), required, origin: this.loaded.resolver.origins.ofChild(properties, name) },
        name,
      };
    }
    const names = step.names.length === 1 ? step.names[0] : `any of ${step.names.join(', ')}`;
    return { problem: `no property ${names}` };
  }

  /** The items schema of an array node. */
  itemsOf(node: SpecNode): SpecNode | undefined {
    const items = node.closure.map((schema) => schema.items).find(isObject);
    return items === undefined ? undefined : { closure: this.closure(items), required: false, origin: this.origin(items) };
  }

  private hasProperties(node: SpecNode): boolean {
    return node.closure.some((schema) => isObject(schema.properties) || isObject(schema.additionalProperties));
  }

  private responseRoot(operation: Json, operationId: string, status: string | undefined): Located {
    const responses = isObject(operation.responses) ? operation.responses : {};
    const successes = Object.keys(responses).filter((code) => code.startsWith('2'));
    const code = status ?? (successes.length === 1 ? successes[0] : undefined);
    if (code === undefined)
      return { problem: `${operationId}: the page names no status and the spec has ${successes.length} success responses` };
    const response = this.deref(responses[code]);
    if (response === undefined) return { problem: `${operationId} has no ${code} response` };
    return this.mediaRoot(response, false, `${operationId} ${code} response`);
  }

  private mediaRoot(holder: Json, required: boolean, what: string): Located {
    const content = isObject(holder.content) ? holder.content : {};
    const media = content['application/json'] ?? Object.values(content)[0];
    if (!isObject(media) || !isObject(media.schema)) return { problem: `${what} has no schema` };
    return { node: { closure: this.closure(media.schema), required, origin: this.origin(holder) } };
  }

  private findOperation(operationId: string): { operation: Json; pathItem: Json } | undefined {
    const paths = this.at(this.loaded.document, 'paths');
    for (const item of Object.values(isObject(paths) ? paths : {})) {
      const pathItem = this.deref(item);
      if (pathItem === undefined) continue;
      const operation = Object.values(pathItem).find((value) => isObject(value) && value.operationId === operationId);
      if (isObject(operation)) return { operation, pathItem };
    }
    return undefined;
  }

  private deref(value: unknown): Json | undefined {
    const target = this.loaded.resolver.deref(value);
    return isObject(target) ? target : undefined;
  }

  private list(value: unknown): unknown[] {
    return Array.isArray(value) ? value : [];
  }

  private at(root: unknown, ...keys: string[]): unknown {
    return keys.reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), root);
  }

  private origin(node: object): NodeOrigin | undefined {
    return this.loaded.resolver.originOf(node);
  }
}
