import randexpModule from 'randexp';
import type { JsonSchema } from '../emit/validators/lower-schema.js';

// randexp is CommonJS whose `module.exports` is the class; its declarations describe an ES default export.
const RandExp = randexpModule as unknown as typeof randexpModule.default;

type Json = Record<string, unknown>;

/** Values of each format that the validators accept (RFC 3339, RFC 5321, RFC 4122, RFC 3986, …). */
const formatSamples: Record<string, string> = {
  date: '2024-01-31',
  'date-time': '2024-01-31T12:00:00Z',
  time: '12:00:00Z',
  duration: 'P1D',
  email: 'user@example.com',
  'idn-email': 'user@example.com',
  hostname: 'example.com',
  'idn-hostname': 'example.com',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  uri: 'https://example.com/',
  'uri-reference': 'https://example.com/',
  iri: 'https://example.com/',
  'iri-reference': 'https://example.com/',
  'uri-template': 'https://example.com/{id}',
  uuid: '3f1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  'json-pointer': '/a',
  'relative-json-pointer': '0',
  regex: '^a$',
  byte: 'AA==',
  password: 'secret',
};

/**
 * A value that satisfies a lowered schema (JSON Schema 2020-12, `#/$defs/` references), built from its
 * keywords: `const`, the first `enum` value, the first branch of a union, limits met at their lower end,
 * a format's sample, a string matching its pattern, objects with their required properties. Deterministic.
 * The caller checks the result with the schema's validator: a value this cannot build is reported, not sent.
 */
export function sampleValue(schema: JsonSchema, defs: Readonly<Record<string, JsonSchema>>): unknown {
  return new Sampler(defs).sample(schema, 0);
}

class Sampler {
  constructor(private readonly defs: Readonly<Record<string, JsonSchema>>) {}

  sample(schema: JsonSchema, depth: number): unknown {
    if (typeof schema === 'boolean') return schema ? null : undefined;
    const node = schema as Json;
    if ('const' in node) return node.const;
    if (Array.isArray(node.enum) && node.enum.length > 0) return node.enum[0];
    if (typeof node.$ref === 'string') return this.reference(node, depth);
    if (Array.isArray(node.allOf)) return this.merged(node, depth);
    const union = (Array.isArray(node.oneOf) ? node.oneOf : Array.isArray(node.anyOf) ? node.anyOf : undefined) as JsonSchema[] | undefined;
    if (union !== undefined && union.length > 0) return this.sample(union[0] as JsonSchema, depth + 1);
    const type = Array.isArray(node.type) ? (node.type.find((item) => item !== 'null') ?? 'null') : node.type;
    switch (type) {
      case 'string':
        return stringSample(node);
      case 'integer':
      case 'number':
        return numberSample(node, type === 'integer');
      case 'boolean':
        return false;
      case 'null':
        return null;
      case 'array':
        return this.array(node, depth);
      case 'object':
        return this.object(node, depth);
      default:
        return 'properties' in node || 'required' in node ? this.object(node, depth) : null;
    }
  }

  /** A schema with its references followed (undefined for one that leads nowhere, or a boolean schema). */
  private resolved(schema: JsonSchema): Json | undefined {
    let node = schema;
    for (let steps = 0; steps < 12; steps++) {
      if (typeof node !== 'object') return undefined;
      const ref = (node as Json).$ref;
      if (typeof ref !== 'string') return node as Json;
      const target = this.defs[decodeURIComponent(ref.replace(/^#\/\$defs\//, ''))];
      if (target === undefined) return undefined;
      node = target;
    }
    return undefined;
  }

  private reference(node: Json, depth: number): unknown {
    const name = decodeURIComponent(String(node.$ref).replace(/^#\/\$defs\//, ''));
    const target = this.defs[name];
    if (target === undefined || depth > 12) return null;
    return this.sample(target, depth + 1);
  }

  /**
   * `allOf`: members that describe objects are sampled as one object (every member's properties, a property
   * two members describe by both schemas, and every member's required names, so a name one member requires
   * gets the schema another gives it); otherwise each member's sample, objects merged, the own keywords last.
   */
  private merged(node: Json, depth: number): unknown {
    const { allOf, ...own } = node;
    const members = [...(allOf as JsonSchema[]), ...(Object.keys(own).length > 0 ? [own] : [])];
    const shapes = members.map((member) => this.resolved(member));
    if (depth <= 12 && shapes.every((shape) => shape !== undefined && ('properties' in shape || 'required' in shape))) {
      const properties: Record<string, JsonSchema> = {};
      const required = new Set<string>();
      for (const shape of shapes as Json[]) {
        for (const [name, schema] of Object.entries((shape.properties ?? {}) as Record<string, JsonSchema>))
          properties[name] = properties[name] === undefined ? schema : { allOf: [properties[name], schema] };
        for (const name of Array.isArray(shape.required) ? (shape.required as string[]) : []) required.add(name);
      }
      return this.object({ properties, required: [...required] }, depth);
    }
    const parts = members.map((part) => this.sample(part, depth + 1));
    const objects = parts.filter((part): part is Json => part !== null && typeof part === 'object' && !Array.isArray(part));
    // A member that lists the values (`enum`, `const`) is the narrowest: its sample fits the others too, likely.
    const listed = members.findLastIndex((member) => typeof member === 'object' && ('enum' in member || 'const' in member));
    if (objects.length === 0) return listed >= 0 ? parts[listed] : (parts.find((part) => part !== null && part !== undefined) ?? parts[0]);
    return Object.assign({}, ...objects);
  }

  private array(node: Json, depth: number): unknown[] {
    const prefix = Array.isArray(node.prefixItems) ? (node.prefixItems as JsonSchema[]) : [];
    const count = Math.max(typeof node.minItems === 'number' ? node.minItems : 0, prefix.length);
    const items = node.items === undefined ? {} : (node.items as JsonSchema);
    const values = Array.from({ length: count }, (_, index) => this.sample(prefix[index] ?? items, depth + 1));
    return node.uniqueItems === true && typeof values[0] === 'number' ? values.map((value, index) => (value as number) + index) : values;
  }

  private object(node: Json, depth: number): Json {
    const properties = (node.properties ?? {}) as Record<string, JsonSchema>;
    const required = Array.isArray(node.required) ? (node.required as string[]) : [];
    const value: Json = {};
    for (const name of required) value[name] = this.sample(properties[name] ?? {}, depth + 1);
    const minimum = typeof node.minProperties === 'number' ? node.minProperties : 0;
    for (const name of Object.keys(properties)) {
      if (Object.keys(value).length >= minimum) break;
      if (!(name in value)) value[name] = this.sample(properties[name] as JsonSchema, depth + 1);
    }
    return value;
  }
}

function stringSample(node: Json): string {
  const minLength = typeof node.minLength === 'number' ? node.minLength : 0;
  const maxLength = typeof node.maxLength === 'number' ? node.maxLength : Infinity;
  if (typeof node.format === 'string' && node.format in formatSamples) return formatSamples[node.format] ?? '';
  if (typeof node.pattern === 'string') {
    try {
      const generator = new RandExp(new RegExp(node.pattern, 'u'));
      // The lowest choice everywhere: the shortest string the pattern allows, the same on every run.
      generator.randInt = (low: number) => low;
      const text = generator.gen();
      if (text.length >= minLength) return text;
      return text + text.slice(-1).repeat(minLength - text.length);
    } catch {
      // A pattern randexp cannot read: fall back to letters, which the validator will judge.
    }
  }
  return 'a'.repeat(Math.min(Math.max(minLength, 1), maxLength));
}

function numberSample(node: Json, integer: boolean): number {
  const step = typeof node.multipleOf === 'number' ? node.multipleOf : integer ? 1 : undefined;
  let low = typeof node.minimum === 'number' ? node.minimum : typeof node.exclusiveMinimum === 'number' ? node.exclusiveMinimum : undefined;
  const high =
    typeof node.maximum === 'number' ? node.maximum : typeof node.exclusiveMaximum === 'number' ? node.exclusiveMaximum : undefined;
  if (low === undefined) low = high !== undefined && high < 0 ? high - 1 : 0;
  let value = step === undefined ? low : Math.ceil(low / step) * step;
  if (typeof node.exclusiveMinimum === 'number' && value <= node.exclusiveMinimum) value += step ?? 1;
  return value;
}
