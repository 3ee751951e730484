import { describe, expect, it } from 'vitest';
import { Block, printFunction } from '../generator/src/emit/validators/construct/block.js';
import { call, identifier, js, literal, property } from '../generator/src/emit/validators/construct/code.js';
import { ModuleNames } from '../generator/src/emit/validators/construct/names.js';
import { loadConstructed } from './support/construct-module.js';

/**
 * The code builder makes broken syntax and unsafe names impossible by construction: identifiers are
 * checked, every spec value enters as an escaped JSON literal or a checked member access, names are
 * allocated per module and per function without shadowing, and hostile spec text ends up as data.
 */
describe('code pieces', () => {
  it.each(['a-b', 'default', 'x; y', '', '1a', 'eval', 'a b', 'å'])('refuses %j as an identifier', (text) => {
    expect(() => identifier(text)).toThrow(/not a safe identifier/);
  });

  it('writes JSON values as JavaScript, line and paragraph separators escaped', () => {
    expect(literal('a\u2028b\u2029"\\').toString()).toBe('"a\\u2028b\\u2029\\"\\\\"');
    expect(literal({ __proto__: 1, list: [null, true, 1.5] }).toString()).toBe('{"list":[null,true,1.5]}');
    // An own "__proto__" member goes through JSON.parse (marked pure, for a module constant a bundler may
    // drop): in an object literal it would set the prototype.
    expect(literal(JSON.parse('{"__proto__": 1}')).toString()).toBe('/* @__PURE__ */ JSON.parse("{\\"__proto__\\":1}")');
    expect(literal([JSON.parse('{"a": {"__proto__": {"b": 1}}}')]).toString()).toBe(
      '/* @__PURE__ */ JSON.parse("[{\\"a\\":{\\"__proto__\\":{\\"b\\":1}}}]")',
    );
    expect(() => literal(Number.NaN)).toThrow();
    expect(() => literal(undefined)).toThrow();
  });

  it('reads a member with a dot only when its name is an identifier', () => {
    const value = identifier('value');
    expect(property(value, 'name').toString()).toBe('value.name');
    expect(property(value, 'default').toString()).toBe('value.default');
    expect(property(value, '__proto__').toString()).toBe('value["__proto__"]');
    expect(property(value, 'a-b').toString()).toBe('value["a-b"]');
    expect(property(value, '"]; process.exit(1); ["').toString()).toBe('value["\\"]; process.exit(1); [\\""]');
  });

  it('allocates names that never collide, and locals that never shadow a top-level name', () => {
    const names = new ModuleNames();
    const first = names.topLevel('validate Pet');
    const second = names.topLevel('validatePet');
    const hostile = names.topLevel('validate ");alert(1);//');
    expect([first, second, hostile].map(String)).toEqual(['validatePet', 'validatePet1', 'validateAlert1']);
    const locals = names.locals();
    expect(String(locals.local('validatePet'))).toBe('validatePet2');
    expect(String(locals.local('value'))).toBe('value');
    expect(String(locals.local('value'))).toBe('value1');
    // A later top-level name avoids every local already taken.
    expect(String(names.topLevel('value'))).toBe('value2');
    expect(String(names.locals().local('value'))).toBe('value');
  });

  it('prints one statement a line, indented by depth with tabs, with comments that cannot end early', () => {
    const body = new Block();
    body.if(
      js`a`,
      (then) => then.line(js`return 1`),
      (otherwise) => otherwise.line(js`return 2`),
    );
    body.if(js`b`, (then) => {
      then.line(js`c()`);
      then.line(js`return 3`);
    });
    const text = printFunction({ name: identifier('f'), params: [identifier('a')], body, comment: 'line one\nline two\u2028 */' });
    expect(text).toBe(
      [
        '// line one',
        '// line two  */',
        'function f(a) {',
        '\tif (a) {',
        '\t\treturn 1;',
        '\t} else {',
        '\t\treturn 2;',
        '\t}',
        // A block of a few short statements sits on its head's line.
        '\tif (b) { c(); return 3; }',
        '}',
      ].join('\n'),
    );
  });

  it('fills the arguments of a long call over lines as words fill a paragraph', () => {
    const args = ['first', 'second', 'third', 'fourth'].map((word) => literal(word.repeat(8)));
    const text = call(identifier('f'), args).toString();
    expect(text.split('\n')).toEqual([
      'f("firstfirstfirstfirstfirstfirstfirstfirst", "secondsecondsecondsecondsecondsecondsecondsecond",',
      '\t"thirdthirdthirdthirdthirdthirdthirdthird", "fourthfourthfourthfourthfourthfourthfourthfourth")',
    ]);
  });
});

describe('hostile spec text', () => {
  const tricky = ['"]; throw 1; //', '*/ throw 2; /*', 'line\nbreak', 'sep\u2028arator', '${x}`', '\\', '</script>', 'constructor'];
  const defs = {
    'Weird "name"\n': {
      type: 'object',
      required: tricky.slice(0, 2),
      properties: Object.fromEntries(tricky.map((name) => [name, { type: 'string', pattern: '^[^"\\\\]*$', enum: tricky }])),
      additionalProperties: false,
    },
  };

  it('stays data: the module loads and checks the names it was given', async () => {
    const { checks, source } = await loadConstructed({
      defs,
      entries: [{ name: 'Weird', def: 'Weird "name"\n' }],
      label: 'construct-hostile',
    });
    const check = checks.Weird!;
    expect(check({ [tricky[0]!]: 'line\nbreak', [tricky[1]!]: '*/ throw 2; /*' }, '', true)).toBe(true);
    expect(check({ [tricky[0]!]: 'line\nbreak', [tricky[1]!]: '"]; throw 1; //' })).toBe(false);
    expect(check.errors?.map((issue) => `${issue.instancePath} ${issue.keyword}`)).toEqual([`/${tricky[1]!.replace(/\//g, '~1')} pattern`]);
    expect(check({ other: 1 })).toBe(false);
    expect(check.errors?.map((issue) => issue.keyword)).toEqual(['required', 'required', 'additionalProperties']);
    // The def's name reaches the schema paths escaped as AJV escapes them, and never the code as code.
    expect(check.errors?.[0]?.schemaPath).toBe('#/$defs/Weird%20%22name%22%0A/required');
    expect(source).toContain('"#/$defs/Weird%20%22name%22%0A"');
    expect(source).not.toMatch(/^\s*throw/m);
  });
});
