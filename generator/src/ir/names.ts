const reservedWords = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'as implements interface let package private protected public static yield any boolean number string symbol ' +
    'unknown never object undefined bigint await type of keyof infer is asserts readonly unique'
  ).split(' '),
);

/** Splits a spec name into words: `customer-person`, `customer_person`, `CustomerPerson`, `v3 PRIVATE`. */
function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0);
}

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** A PascalCase TypeScript type name for a spec name; `_` first when it would start with a digit. */
export function toTypeName(text: string): string {
  const joined = words(text)
    .map((word) => (/^[A-Z0-9]+$/.test(word) && word.length > 1 ? capitalise(word.toLowerCase()) : capitalise(word)))
    .join('');
  const name = joined === '' ? 'Schema' : joined;
  return /^[0-9]/.test(name) || reservedWords.has(name) ? `_${name}` : name;
}

/** The spec name kept as written when it already is a safe PascalCase identifier (`CustomerPerson`). */
export function preferredTypeName(specName: string): string {
  return /^[A-Z][A-Za-z0-9_]*$/.test(specName) && !reservedWords.has(specName) ? specName : toTypeName(specName);
}

/** camelCase identifier for values and functions (`createPrivateCustomer`, `postV3Private`). */
export function toIdentifier(text: string): string {
  const typeName = toTypeName(text).replace(/^_/, '');
  const name = typeName.charAt(0).toLowerCase() + typeName.slice(1);
  return /^[0-9]/.test(name) || reservedWords.has(name) ? `_${name}` : name;
}

/**
 * Names the runtime of every generated package declares: the validators' error and issue types, and the
 * client's fixed declarations (the runtime's public declarations, runtime.d.ts; a test holds this list to them). A spec
 * may name a schema or an operation part as one of them: the spec's keeps the name, and the runtime's is
 * still exported from the package's `./runtime` entry (emit/runtime-names.ts).
 */
export const runtimeTypeNames = [
  'ValidationError',
  'ValidationIssue',
  'TokenProvider',
  'RetryOptions',
  'RequestView',
  'ResponseView',
  'ValidationWarning',
  'ClientBaseOptions',
  'CallOptions',
  'ApiResult',
  'ClientError',
  'UnexpectedStatusError',
  'NetworkError',
  'TimeoutError',
  'ResponseValidationError',
  'ClientCore',
  'HttpStatus1XX',
  'HttpStatus2XX',
  'HttpStatus3XX',
  'HttpStatus4XX',
  'HttpStatus5XX',
  'HttpStatusCode',
  'WebhookRequest',
  'WebhookSecrets',
  'SignatureCheck',
  'WebhookFailure',
  'WebhookEvent',
  'WebhookResult',
];

/** Hands out unique names in claim order, so the same spec always gets the same names. */
export class NameRegistry {
  private readonly used = new Set<string>();

  /** A registry in which `names` are already taken. */
  static taking(names: Iterable<string>): NameRegistry {
    const registry = new NameRegistry();
    for (const name of names) registry.used.add(name);
    return registry;
  }

  /** Every name taken, in the order it was taken. */
  get claimed(): string[] {
    return [...this.used];
  }

  has(name: string): boolean {
    return this.used.has(name);
  }

  claim(preferred: string): string {
    let name = preferred;
    for (let suffix = 2; this.used.has(name); suffix += 1) name = `${preferred}${suffix}`;
    this.used.add(name);
    return name;
  }
}
