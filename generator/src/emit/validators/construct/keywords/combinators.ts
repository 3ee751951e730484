import { joinCode, js, literal, type Code, type Name } from '../code.js';
import { failWhen, nestedPathCode, type KeywordFamily, type SchemaContext } from '../schema-context.js';
import { callCheck, type Check } from '../schema-places.js';

/**
 * `allOf`, `anyOf`, `oneOf` and `not` (applicator §10.2.1). `allOf` members are checked in place: their
 * issues are the schema's. The others read a member's verdict, so each member is a function of its own,
 * run in stop mode when only its verdict counts (`not`) and in collect mode into a list of its own when
 * its issues are reported only if the keyword fails (`anyOf`, `oneOf`), as AJV reports them.
 */
export const combinatorsFamily: KeywordFamily = {
  keywords: ['allOf', 'anyOf', 'oneOf', 'not'],
  emit(context: SchemaContext) {
    const { schema } = context;
    ((schema.allOf ?? []) as unknown[]).forEach((member, index) =>
      context.compiler.inline(context, { schema: member, tokens: ['allOf', String(index)] }),
    );
    if (Array.isArray(schema.anyOf)) emitAnyOf(context, schema.anyOf);
    if (Array.isArray(schema.oneOf)) emitOneOf(context, schema.oneOf);
    if (schema.not !== undefined) {
      const check = context.compiler.branch(context, { schema: schema.not, tokens: ['not'] });
      // `not: {}` refuses every value; its member never fails, so it needs no call.
      const passes = check === undefined ? js`true` : callCheck(check, { value: context.data });
      failWhen(context, passes, { keyword: 'not', params: js`{}` });
    }
  },
};

/** Each member's check: a function, or undefined for a member that allows every value. */
function members(context: SchemaContext, keyword: string, list: unknown[]): (Check | undefined)[] {
  return list.map((member, index) => context.compiler.branch(context, { schema: member, tokens: [keyword, String(index)] }));
}

/** The call of a member in the current mode, its issues going to `into`. */
function call(context: SchemaContext, check: Check | undefined, into: Name): Code {
  return check === undefined ? js`true` : callCheck(check, { value: context.data, errors: into, path: nestedPathCode(context) });
}

/** `anyOf`: the members in order until one passes (`||`); if none does, their issues and the keyword's. */
function emitAnyOf(context: SchemaContext, list: unknown[]): void {
  const checks = members(context, 'anyOf', list);
  if (checks.some((check) => check === undefined)) return;
  const found = context.scope.names.local('anyErrors');
  context.block.line(js`const ${found} = ${context.scope.errors} && []`);
  const passes = joinCode(
    checks.map((check) => call(context, check, found)),
    ' || ',
  );
  failWhen(context, js`!(${passes})`, { keyword: 'anyOf', params: js`{}` }, found);
}

/**
 * `oneOf`: the members in order until two pass. Exactly one must; the issue names the passing members
 * (`passingSchemas`: null, or the first two), and the issues of the members that failed come first.
 */
function emitOneOf(context: SchemaContext, list: unknown[]): void {
  const checks = members(context, 'oneOf', list);
  const { names, errors } = context.scope;
  const [found, passing, count] = [names.local('oneErrors'), names.local('passing'), names.local('passed')];
  context.block.line(js`const ${found} = ${errors} && []`);
  context.block.line(js`let ${passing} = null`);
  context.block.line(js`let ${count} = 0`);
  checks.forEach((check, index) => {
    const position = literal(index);
    const condition = index === 0 ? call(context, check, found) : js`${count} < 2 && ${call(context, check, found)}`;
    context.block.if(condition, (body) => {
      body.line(js`${passing} = ${count} === 0 ? ${position} : [${passing}, ${position}]`);
      body.line(js`${count}++`);
    });
  });
  failWhen(context, js`${count} !== 1`, { keyword: 'oneOf', params: js`{ passingSchemas: ${passing} }` }, found);
}
