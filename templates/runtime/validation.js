// The API of specsmith's generated validators: `is*`, `assert*`, Standard Schema objects and ValidationError,
// wrapped around the precompiled validator functions (checks.js has the helpers those call). Nothing here
// compiles code at run time.
/** @import { ValidationIssue } from './types.js' */
import { brandInstance, isBranded } from './brand.js';

/**
 * ValidationError's `issues` accessor, enumerable: each error gets it as an own property, as the plain
 * property it used to be, so that serializers that walk an error with `for…in` (pino's) still write it.
 * @type {PropertyDescriptor | undefined}
 */
let issuesProperty;

/**
 * Thrown by `assert*` functions: `issues` lists every problem found, each with a JSON pointer into the
 * value. The list, the message and each issue's message are made when first read, so a caller that only
 * catches and counts pays about what a plain `Error` costs; the stack trace, formatted on first use,
 * shows the message too.
 */
export class ValidationError extends Error {
  /** The brand `instanceof` reads, so that an error of any copy of the runtime passes (brand.js). */
  static brand = 'ValidationError';
  /**
   * True for a ValidationError made by any copy of the runtime (ES module and CommonJS builds, other packages).
   * @param {unknown} value
   */
  static [Symbol.hasInstance](value) {
    return isBranded(this, value);
  }

  /** @type {string} */
  #subject;
  /** @type {string | undefined} */
  #message;
  /** @type {readonly ValidationIssue[]} */
  #issues = [];
  /**
   * Makes the issues on first read.
   * @type {(() => readonly ValidationIssue[]) | undefined}
   */
  #pending;

  /**
   * @param {string} subject what was checked (`CreateMcCardRequestBody`), for the message
   * @param {readonly ValidationIssue[] | (() => readonly ValidationIssue[])} issues the list, or a function that
   *   makes it when it is first read (as `assert*` passes it)
   */
  constructor(subject, issues) {
    super();
    brandInstance(this, new.target);
    this.name = 'ValidationError';
    if (typeof issues === 'function') this.#pending = issues;
    else this.#issues = issues;
    this.#subject = subject;
    issuesProperty ??= { ...Object.getOwnPropertyDescriptor(ValidationError.prototype, 'issues'), enumerable: true };
    Object.defineProperty(this, 'issues', issuesProperty);
  }

  /**
   * Every problem, in the order the checks found them.
   * @returns {readonly ValidationIssue[]}
   */
  get issues() {
    if (this.#pending !== undefined) {
      this.#issues = this.#pending();
      this.#pending = undefined;
    }
    return this.#issues;
  }

  /** @param {readonly ValidationIssue[]} list */
  set issues(list) {
    this.#pending = undefined;
    this.#issues = list;
  }

  get message() {
    this.#message ??= `${this.#subject} is not valid:\n${this.issues.map((issue) => `  ${issue.message}`).join('\n')}`;
    return this.#message;
  }

  /** Code that rewrites an error's message (a wrapper adding context) may still do so. */
  set message(text) {
    this.#message = text;
  }

  toJSON() {
    return { ...this, name: this.name, issues: this.issues };
  }
}

/**
 * Runs a compiled validator to collect every problem; never throws (a value too deep or cyclic for the
 * checks is an issue, not a crash).
 */
function errorsOf(check, value) {
  try {
    const errors = [];
    return check(value, errors, '') ? undefined : errors;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [
      {
        instancePath: '',
        keyword: 'value',
        params: { reason },
        message: `cannot be checked: ${reason}`,
      },
    ];
  }
}

const plural = (count, noun) => `${count} ${noun}${count === 1 ? '' : 's'}`;
const shown = (value) => JSON.stringify(value);

/** What the rule says, in words; AJV's own message when the keyword is not one of these. */
function describe(error, value) {
  const params = error.params ?? {};
  switch (error.keyword) {
    case 'maxLength':
      return `must be at most ${plural(params.limit, 'character')}`;
    case 'minLength':
      return params.limit === 1 ? 'must not be empty' : `must be at least ${plural(params.limit, 'character')}`;
    case 'pattern':
      return `must match the pattern ${params.pattern}`;
    case 'format':
      return `must be a valid ${params.format}`;
    case 'enum':
      return enumMessage(value, params.allowedValues ?? []);
    case 'const':
      return `must be ${shown(params.allowedValue)}`;
    case 'type':
      return `must be of type ${Array.isArray(params.type) ? params.type.join(' or ') : params.type}`;
    case 'required':
      return 'is required';
    case 'unevaluatedProperties':
      return 'is not allowed: no part of the schema accepts this property';
    case 'unevaluatedItems':
      return `must have at most ${plural(params.len, 'item')}: no part of the schema accepts the rest`;
    case 'additionalProperties':
      return 'is not a known property';
    case 'false schema':
      return 'is not allowed here';
    case 'maximum':
      return `must be at most ${params.limit}`;
    case 'minimum':
      return `must be at least ${params.limit}`;
    case 'exclusiveMaximum':
      return `must be less than ${params.limit}`;
    case 'exclusiveMinimum':
      return `must be more than ${params.limit}`;
    case 'multipleOf':
      return `must be a multiple of ${params.multipleOf}`;
    case 'maxItems':
      return `must have at most ${plural(params.limit, 'item')}`;
    case 'minItems':
      return `must have at least ${plural(params.limit, 'item')}`;
    case 'uniqueItems':
      return `must not repeat items (items ${params.j} and ${params.i} are equal)`;
    case 'oneOf':
    case 'anyOf':
      return 'must match one of the allowed shapes';
    default:
      return error.message ?? `fails the ${error.keyword} rule`;
  }
}

function enumMessage(value, allowed) {
  const list =
    allowed.length <= 15 ? allowed.map(shown).join(', ') : `${allowed.slice(0, 10).map(shown).join(', ')}, … (${allowed.length} values)`;
  const suggestion = typeof value === 'string' ? closest(value, allowed) : undefined;
  return `must be one of ${list}${suggestion === undefined ? '' : `; did you mean ${shown(suggestion)}?`}`;
}

/** The allowed string closest to `value`: same letters in another case, or within a small edit distance. */
function closest(value, allowed) {
  const lower = value.toLowerCase();
  const strings = allowed.filter((candidate) => typeof candidate === 'string');
  const sameLetters = strings.find((candidate) => candidate.toLowerCase() === lower);
  if (sameLetters !== undefined) return sameLetters;
  let best;
  let bestDistance = Math.max(1, Math.floor(value.length / 4)) + 1;
  for (const candidate of strings) {
    const distance = editDistance(lower, candidate.toLowerCase(), bestDistance);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

/** Levenshtein distance, giving up (returning `limit`) once it cannot be below `limit`; two rows, reused. */
function editDistance(a, b, limit) {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let previous = new Array(b.length + 1);
  let current = new Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const code = a.charCodeAt(i - 1);
    let rowMinimum = i;
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (code === b.charCodeAt(j - 1) ? 0 : 1);
      const cell = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
      current[j] = cell;
      if (cell < rowMinimum) rowMinimum = cell;
    }
    if (rowMinimum >= limit) return limit;
    const done = previous;
    previous = current;
    current = done;
  }
  return previous[b.length];
}

const escapeToken = (token) => String(token).replace(/~/g, '~0').replace(/\//g, '~1');

/** The part of `root` a JSON pointer names (own properties only). */
function valueAt(root, pointer) {
  let node = root;
  for (const token of segmentsOf(pointer)) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, token)) return undefined;
    node = node[token];
  }
  return node;
}

/** One issue a person can act on: where (a JSON pointer into the value), what, and the rule's keyword. */
function issueOf(error, root, origins) {
  const params = error.params ?? {};
  const at = error.instancePath ?? '';
  let path = at;
  if (error.keyword === 'required') path += `/${escapeToken(params.missingProperty)}`;
  if (error.keyword === 'additionalProperties') path += `/${escapeToken(params.additionalProperty)}`;
  if (error.keyword === 'unevaluatedProperties' && params.unevaluatedProperty !== undefined)
    path += `/${escapeToken(params.unevaluatedProperty)}`;
  // Worded on first read (from the value as it is then): the suggestion of an enum and the place in the
  // spec cost more than finding the problem.
  let message;
  let spec;
  const specOf = () => {
    spec ??= { text: ruleOrigin(error, origins) };
    return spec.text;
  };
  return {
    path,
    get message() {
      const where = specOf();
      message ??= `${path === '' ? 'the value' : path} ${describe(error, valueAt(root, at))}${where === undefined ? '' : ` (spec: ${where})`}`;
      return message;
    },
    keyword: error.keyword,
    params,
    get spec() {
      return specOf();
    },
  };
}

const hasOwn = (object, key) => object !== undefined && Object.prototype.hasOwnProperty.call(object, key);

/**
 * Where the broken rule is written: the schema object holding the keyword (for a `false` schema, itself),
 * looked up in the generator's table (`{ files, notes, defs: { [def]: { base?, rules: { [path]: [file,
 * line, note?, pointer?] } } } }`, see the generator's rule-origins.ts): the rule's place in the package's
 * `openapi.json` when it ships one, the source file and line, and the pages the rule comes from.
 */
function ruleOrigin(error, origins) {
  const path = error.schemaPath ?? '';
  const holder = error.keyword === 'false schema' ? path : path.slice(0, path.lastIndexOf('/'));
  const match = /^#\/\$defs\/([^/]*)(.*)$/.exec(holder);
  if (match === null || !hasOwn(origins.defs, match[1]) || !hasOwn(origins.defs[match[1]].rules, match[2])) return undefined;
  const def = origins.defs[match[1]];
  const [file, line, note = -1, own] = def.rules[match[2]];
  const pointer = typeof own === 'string' ? own : def.base === undefined ? undefined : def.base + match[2];
  const place = pointer === undefined ? '' : `openapi.json#${pointer}, `;
  return `${place}${origins.files[file]}:${line}${note === -1 ? '' : `; ${origins.notes[note]}`}`;
}

/** `if` only reports that its `then` or `else` failed; the branch's own errors say what. */
const meaningful = (errors) => {
  if (!errors.some((error) => error.keyword === 'if')) return errors;
  const specific = errors.filter((error) => error.keyword !== 'if');
  return specific.length > 0 ? specific : errors;
};

const segmentsOf = (pointer) =>
  pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
        .map((token) => (/^(?:0|[1-9]\d*)$/.test(token) ? Number(token) : token));

/** A Standard Schema issue: the message and the path as a list of keys, each made when first read. */
function standardIssue(issue) {
  let path;
  return {
    get message() {
      return issue.message;
    },
    get path() {
      path ??= segmentsOf(issue.path);
      return path;
    },
  };
}

const noOrigins = { files: [], notes: [], defs: {} };

/** The issues of a value from what the compiled check collected. */
const issuesFrom = (errors, value, origins) => meaningful(errors).map((error) => issueOf(error, value, origins));

/** Every issue of a value as the compiled check collects them, or undefined when it is valid. */
const issuesOf = (compiled, origins) => (value) => {
  const errors = errorsOf(compiled, value);
  return errors === undefined ? undefined : issuesFrom(errors, value, origins);
};

/**
 * `is*`, the hot path: the compiled check with no list of issues, which makes it stop at the first problem
 * (`check(value, errors, path)`: given an array, it collects every issue there), guarded only against
 * values it cannot walk.
 */
export function createIs(compiled) {
  return (value) => {
    try {
      return compiled(value, undefined, '');
    } catch {
      return false;
    }
  };
}

/** `assert*`: collects every problem and throws a ValidationError naming the subject. */
export function createAssert(subject, compiled, origins = noOrigins) {
  return (value) => {
    const errors = errorsOf(compiled, value);
    if (errors !== undefined) throw new ValidationError(subject, () => issuesFrom(errors, value, origins));
  };
}

/** A Standard Schema v1 object, for libraries that accept one. */
export function createStandardSchema(compiled, origins = noOrigins) {
  const issues = issuesOf(compiled, origins);
  return {
    '~standard': {
      version: 1,
      vendor: 'specsmith',
      validate: (value) => {
        const found = issues(value);
        return found === undefined ? { value } : { issues: found.map(standardIssue) };
      },
    },
  };
}

/**
 * The three faces of one validator: `is` (stops at the first problem), `assert` (collects them all and
 * throws a ValidationError) and a Standard Schema v1 object, all from the one compiled function.
 * Packages bind each face on its own (so a bundler keeps only the faces imported); `specsmith validate`
 * and `mock` take all three at once.
 */
export function createValidator(subject, compiled, origins = noOrigins) {
  return {
    is: createIs(compiled),
    assert: createAssert(subject, compiled, origins),
    schema: createStandardSchema(compiled, origins),
  };
}
