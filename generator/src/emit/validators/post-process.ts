/**
 * Rewrites of AJV's standalone code that keep its meaning and cut its cost, each checked by the validator
 * tests (test/validators.test.ts) and the differential test against an independent validator.
 */

/**
 * `maxLength`/`minLength` count code points, which AJV does for every string. A string has at most as
 * many code points as UTF-16 units and at least half as many, so the count is only needed when the unit
 * length says "maybe": above N units for a maximum of N, below 2N units for a minimum of N.
 */
export function lengthFastPath(statement: string, counters: ReadonlySet<string>): string {
  if (counters.size === 0) return statement;
  return statement.replace(
    /\b(func\d+)\((\w+)\) ([<>]) (\d+)\b/g,
    (match, counter: string, data: string, operator: string, limit: string) => {
      if (!counters.has(counter)) return match;
      if (operator === '>') return `(${data}.length > ${limit} && ${counter}(${data}) > ${limit})`;
      return `(${data}.length < ${limit} || (${data}.length < ${2 * Number(limit)} && ${counter}(${data}) < ${limit}))`;
    },
  );
}

const evaluatedPrologue =
  /const (evaluated\d+) = validate\d+\.evaluated;if\(\1\.dynamicProps\)\{\1\.props = undefined;\}if\(\1\.dynamicItems\)\{\1\.items = undefined;\}/g;

/**
 * Ajv2020 makes every function reset and publish which properties it evaluated, for `unevaluated*` and
 * `$dynamicRef`. The lowered schemas use neither; a function whose record nothing reads drops it.
 */
export function dropEvaluatedRecords(statements: string[]): string[] {
  const pruned = statements.map((statement) =>
    statement.replace(evaluatedPrologue, (prologue, name: string) =>
      statement.split(name).length - 1 > prologue.split(name).length - 1 ? prologue : '',
    ),
  );
  // How often each function's record is mentioned, counted in one pass (a search a record is quadratic).
  const mentions = new Map<string, number>();
  for (const statement of pruned) {
    for (const [, name] of statement.matchAll(/\b(validate\d+)\.evaluated\b/g))
      mentions.set(name ?? '', (mentions.get(name ?? '') ?? 0) + 1);
  }
  return pruned.filter((statement) => {
    const record = /^(validate\d+)\.evaluated = /.exec(statement);
    return record === null || (mentions.get(record[1] ?? '') ?? 0) > 1;
  });
}

/**
 * For an object with more than eight declared properties, AJV checks `additionalProperties: false` with
 * `hasOwnProperty.call(schema.properties, key)` for every key of the value; a Set of the declared names
 * answers the same question faster. The Set is declared right after the schema constant it reads.
 */
export function ownKeySets(statements: string[]): string[] {
  const hasOwn = new Set(
    statements.flatMap((statement) => /^const (func\d+) = Object\.prototype\.hasOwnProperty;/.exec(statement)?.[1] ?? []),
  );
  if (hasOwn.size === 0) return statements;
  const used = new Set<string>();
  const rewritten = statements.map((statement) =>
    statement.replace(/\b(func\d+)\.call\((schema\d+)\.properties, (\w+)\)/g, (match, func: string, schema: string, key: string) => {
      if (!hasOwn.has(func)) return match;
      used.add(schema);
      return `${schema}Keys.has(${key})`;
    }),
  );
  return rewritten.flatMap((statement) => {
    const schema = /^const (schema\d+) = /.exec(statement)?.[1];
    return schema !== undefined && used.has(schema)
      ? [statement, `const ${schema}Keys = new Set(Object.keys(${schema}.properties));`]
      : [statement];
  });
}

const optionsSignature = /\{instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors=\{\}\}=\{\}/g;
/** A call's options: its instancePath expression (no braces inside), then the names AJV passes along. */
const optionsArgument =
  /(\bvalidate\d+\(\w+, )\{instancePath(?::([^{}]*?))?,parentData(?::[^,{}]*)?,parentDataProperty(?::[^{}]*?)?,rootData,dynamicAnchors\}\)/g;

/**
 * AJV's functions take an options object (`{instancePath, parentData, parentDataProperty, rootData,
 * dynamicAnchors}`) that every nested call allocates; only `instancePath` is read unless a schema uses
 * `$data` or `$dynamicRef`, which the lowered schemas never do. Functions then take `instancePath` as a
 * plain second argument. All or nothing: if any statement still mentions the other names, nothing changes.
 */
export function positionalCalls(statements: string[]): string[] {
  const rewritten = statements.map((statement) =>
    statement
      .replace(optionsSignature, 'instancePath=""')
      .replace(optionsArgument, (match, call: string, path: string | undefined) => `${call}${path ?? 'instancePath'})`),
  );
  const leftover = rewritten.some((statement) => /\b(?:parentData|parentDataProperty|rootData|dynamicAnchors)\b/.test(statement));
  return leftover ? statements : rewritten;
}
