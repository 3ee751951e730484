import { joinCode, js, literal, longLiteral, pure, type Code, type Name } from '../code.js';
import { regExpCode } from '../module-scope.js';
import { failWhen, nestedPathCode, oneParameterIssue, reportIssue, type KeywordFamily, type SchemaContext } from '../schema-context.js';
import { callCheck } from '../schema-places.js';
import { alwaysValid } from './object-properties.js';

/** Up to this many names, `key !== "a" && …` beats a `Set` lookup (AJV switches at 8 too). */
const chainLimit = 8;

/**
 * The keywords that walk an object's keys, in one `for…in` loop: `patternProperties` (applicator
 * §10.3.2.2), `additionalProperties` (§10.3.2.3: the keys neither `properties` names nor a pattern
 * matches) and `propertyNames` (§10.3.2.4), then `maxProperties`/`minProperties` (validation §6.5.1-2).
 */
export const objectKeysFamily: KeywordFamily = {
  instanceType: 'object',
  keywords: ['patternProperties', 'additionalProperties', 'propertyNames', 'maxProperties', 'minProperties'],
  emit(context: SchemaContext) {
    const { schema, data } = context;
    const patterns = Object.entries((schema.patternProperties ?? {}) as Record<string, unknown>);
    const additional = schema.additionalProperties;
    const names = schema.propertyNames;
    const walk = patterns.some(([, sub]) => !alwaysValid(sub)) || (additional !== undefined && !alwaysValid(additional));
    if (walk || (names !== undefined && !alwaysValid(names))) {
      const key = context.scope.names.local('key');
      context.block.forIn(key, data, (body) => {
        const inLoop = { ...context, block: body };
        if (names !== undefined) emitPropertyName(inLoop, key, names);
        emitPatterns(inLoop, key, patterns);
        if (additional !== undefined && !alwaysValid(additional)) emitAdditional(inLoop, key, additional, patterns);
      });
    }
    for (const [keyword, fails] of [
      ['maxProperties', '>'],
      ['minProperties', '<'],
    ] as const) {
      const limit = schema[keyword];
      if (typeof limit !== 'number') continue;
      const count = js`Object.keys(${data}).length`;
      failWhen(context, fails === '>' ? js`${count} > ${literal(limit)}` : js`${count} < ${literal(limit)}`, {
        keyword,
        params: js`{ limit: ${literal(limit)} }`,
      });
    }
  },
};

/** The value under a key read at run time, in a local of its own. */
function valueAt(context: SchemaContext, key: Name, block = context.block): Name {
  const local = context.scope.names.local('item');
  block.line(js`const ${local} = ${context.data}[${key}]`);
  return local;
}

function emitPatterns(context: SchemaContext, key: Name, patterns: [string, unknown][]): void {
  for (const [source, subschema] of patterns) {
    if (alwaysValid(subschema)) continue;
    const pattern = context.module.constant('pattern', regExpCode(source));
    context.block.if(js`${pattern}.test(${key})`, (body) => {
      const item = valueAt(context, key, body);
      context.compiler.inline(context, {
        schema: subschema,
        tokens: ['patternProperties', source],
        data: item,
        step: { key },
        block: body,
      });
    });
  }
}

function emitAdditional(context: SchemaContext, key: Name, additional: unknown, patterns: [string, unknown][]): void {
  const { module, schema } = context;
  const known = Object.keys((schema.properties ?? {}) as Record<string, unknown>);
  const tests: Code[] = [];
  if (known.length > chainLimit) tests.push(js`${module.constant('knownNames', pure(js`new Set(${longLiteral(known)})`))}.has(${key})`);
  else tests.push(...known.map((name) => js`${key} === ${literal(name)}`));
  tests.push(...patterns.map(([source]) => js`${module.constant('pattern', regExpCode(source))}.test(${key})`));
  const isAdditional = tests.length === 0 ? js`true` : js`!(${joinCode(tests, ' || ')})`;
  context.block.if(isAdditional, (body) => {
    const inner = { ...context, block: body };
    if (additional === false) {
      reportIssue(inner, body, oneParameterIssue('additionalProperties', 'additionalProperty', key));
      return;
    }
    const item = valueAt(context, key, body);
    context.compiler.inline(inner, { schema: additional, tokens: ['additionalProperties'], data: item, step: { key } });
  });
}

/** A key failing `propertyNames`: the subschema's own issues (at the object's path), then one naming the key. */
function emitPropertyName(context: SchemaContext, key: Name, names: unknown): void {
  const check = context.compiler.branch(context, { schema: names, tokens: ['propertyNames'] });
  if (check === undefined) return;
  const { errors } = context.scope;
  failWhen(context, js`!${callCheck(check, { value: key, errors, path: nestedPathCode(context) })}`, {
    keyword: 'propertyNames',
    params: js`{ propertyName: ${key} }`,
  });
}
