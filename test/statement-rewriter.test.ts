import { describe, expect, it } from 'vitest';
import { formats } from '../templates/validators/runtime.js';
import { ajvStatements, type compileValidatorStatements } from '../generator/src/emit/validators/compile-validators.js';
import { StatementRewriter, type RewriteName } from '../generator/src/emit/validators/rewrite-statements.js';
import { codeNames, manyEnums, petAndOwner } from './support/validator-sets.js';

/** AJV's statements for a set as the compilation hands them over, entry by entry. */
function batches(set: Parameters<typeof compileValidatorStatements>[0]['set']): { statements: string[]; defOf: [string, string][] }[] {
  const taken: { statements: string[]; defOf: [string, string][] }[] = [];
  ajvStatements({ set, formats, checkSchemas: false, take: (statements, defOf) => taken.push({ statements, defOf }) });
  return taken;
}

/**
 * A recursive `$ref` (AJV calls it through a wrapper) and a closed object of nine properties (AJV's
 * hasOwnProperty) whose errors report values of its schema constant (unions of types, a long enum).
 */
const recursive = {
  entries: [{ name: 'Node', def: 'Node' }, { name: 'Wide', def: 'Wide' }, ...petAndOwner.entries],
  defs: {
    ...petAndOwner.defs,
    Node: { type: 'object', properties: { next: { $ref: '#/$defs/Node' }, owner: { $ref: '#/$defs/Owner' } } },
    Wide: {
      type: 'object',
      additionalProperties: false,
      properties: {
        ...Object.fromEntries([...'abcdefgh'].map((name) => [name, { type: ['string', 'null'] }])),
        i: { enum: ['a value longer than the read of it', 'and another'] },
      },
    },
  },
};

describe('StatementRewriter', () => {
  it('reads what it learns of the module before the statements that use it, as AJV gives them', () => {
    // A statement that used a wrapper, a hasOwnProperty constant or a schema constant (whose reported
    // values are written in) declared after it would be rewritten without it: the stream's order is what
    // lets each statement be rewritten once, as it comes.
    const statements = batches(recursive).flatMap((batch) => batch.statements);
    const declaredAt = new Map<string, number>();
    for (const [index, statement] of statements.entries()) {
      const declared = /^const ((?:wrapper|func|schema)\d+) = /.exec(statement)?.[1];
      if (declared !== undefined) declaredAt.set(declared, index);
    }
    const uses = statements.flatMap((statement, index) =>
      [...statement.matchAll(/\b(wrapper\d+)\.validate\b|\b(func\d+)\.call\(|\b(schema\d+)\./g)]
        .map((match) => ({ name: match[1] ?? match[2] ?? match[3]!, index }))
        .filter((use) => declaredAt.get(use.name) !== index),
    );
    expect(new Set(uses.map((use) => use.name.replace(/\d+$/, '')))).toEqual(new Set(['wrapper', 'func', 'schema']));
    for (const use of uses) expect(declaredAt.get(use.name), use.name).toBeLessThan(use.index);
  });

  it.each([
    ['two named schemas', petAndOwner],
    ['a recursive schema and a closed one of nine properties', recursive],
    ['four hundred long enums', manyEnums],
  ])('gives the module of %s whether its statements come all at once or one at a time', (_label, set) => {
    const given = batches(set);
    const whole = new Map<RewriteName, number>();
    const atOnce = new StatementRewriter({ applied: whole });
    atOnce.add(
      given.flatMap((batch) => batch.statements),
      given.flatMap((batch) => batch.defOf),
    );
    const single = new Map<RewriteName, number>();
    const oneByOne = new StatementRewriter({ applied: single });
    for (const batch of given) {
      const defOf = new Map(batch.defOf);
      for (const statement of batch.statements) {
        const name = /^function (validate\d+)/.exec(statement)?.[1];
        oneByOne.add([statement], name === undefined ? [] : [[name, defOf.get(name)!]]);
      }
    }
    const module = atOnce.finish();
    expect(module).toBeDefined();
    expect(oneByOne.finish()).toEqual(module);
    expect(single).toEqual(whole);
    expect(whole.get('absoluteSchemaPaths')).toBeGreaterThan(0);
    if (set === recursive)
      for (const step of ['ownKeySets', 'inlineReportedValues', 'trimSchemaConstants'] as const)
        expect(whole.get(step), step).toBeGreaterThan(0);
  });

  it('calls a recursive function directly and drops its wrapper, which it reads before the calls', () => {
    const module = (() => {
      const rewriter = new StatementRewriter();
      for (const batch of batches(recursive)) rewriter.add(batch.statements, batch.defOf);
      return rewriter.finish()!.join('\n');
    })();
    expect(
      batches(recursive)
        .flatMap((batch) => batch.statements)
        .join('\n'),
    ).toMatch(/\bwrapper0\.validate\(/);
    expect(module).not.toMatch(/\bwrapper\d+\b/);
  });

  it('stops at a call through a wrapper not declared before it, which would be left to a declaration that goes', () => {
    const rewriter = new StatementRewriter();
    expect(() => rewriter.add(['function validate1(data){return wrapper0.validate(data);}'])).toThrow(
      /calls through wrapper0 before declaring it/,
    );
    // In a string it is a name, not a call.
    const named = new StatementRewriter();
    named.add(['const wrapper0 = {validate: validate2};', 'function validate1(data){return data["wrapper0.validate"] !== undefined;}']);
    expect(named.finish()).toEqual(['function validate1(data){return data["wrapper0.validate"] !== undefined;}']);
  });

  it('reports a module relativePaths does not fit as unfit, to be compiled again without it', () => {
    const given = batches(codeNames);
    const rewriter = new StatementRewriter();
    rewriter.add(given[0]!.statements, given[0]!.defOf);
    // Tree's statements fit; Data's (a property named rootData) do not.
    expect(rewriter.unfit).toBe(false);
    for (const batch of given.slice(1)) rewriter.add(batch.statements, batch.defOf);
    expect(rewriter.unfit).toBe(true);
    expect(rewriter.finish()).toBeUndefined();
    const without = new StatementRewriter({ relativePaths: false });
    for (const batch of given) without.add(batch.statements, batch.defOf);
    expect(without.finish()?.join('\n')).toMatch(/^function validate\d+\(data, \{instancePath="", parentData, /m);
  });
});
