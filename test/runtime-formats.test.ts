import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as runtime from '../templates/runtime/checks.js';
import { formatBinding } from '../generator/src/emit/validators/format-binding.js';

const { formats } = runtime;

/**
 * The formats the generated validators check (templates/runtime/checks.js), each against values
 * written from its RFC, valid and not. Host names and e-mail addresses are read character by character
 * (no allocation on a valid value); property tests hold them to the plain regular expressions of the rule.
 */
const check = (format: string, value: string | number) => (formats[format]?.validate as (value: unknown) => boolean)(value);

const cases: Record<string, { valid: string[]; invalid: string[] }> = {
  date: {
    valid: ['2024-02-29', '1900-01-01', '2000-02-29'],
    invalid: ['2023-02-29', '1900-02-29', '2024-13-01', '2024-04-31', '2024-1-01', '24-01-01', ''],
  },
  time: {
    valid: ['23:59:59Z', '00:00:00.5+01:00', '12:30:00-05:30', '23:59:60Z'],
    invalid: ['24:00:00Z', '12:60:00Z', '12:00:00', '12:00Z', '1:00:00Z'],
  },
  'date-time': {
    valid: ['2024-07-29T15:51:28.071Z', '2024-07-29t15:51:28z', '2016-12-31T23:59:60Z', '2024-07-29T15:51:28+02:00'],
    invalid: ['2024-07-29 15:51:28Z', '2024-07-29T15:51:28', '2023-02-29T00:00:00Z', '2024-07-29T25:00:00Z', '2016-12-31T22:59:60Z'],
  },
  ipv4: {
    valid: ['0.0.0.0', '198.51.100.42', '255.255.255.255'],
    invalid: ['256.1.1.1', '999.1.1.1', '01.2.3.4', '1.2.3', '1.2.3.4.5', '1..2.3', ' 1.2.3.4', ''],
  },
  ipv6: {
    valid: ['::', '::1', '2001:db8::8a2e:370:7334', '2001:0db8:0000:0000:0000:ff00:0042:8329', '::ffff:192.0.2.1', 'fe80::'],
    invalid: ['1::2::3', '12345::', ':::', '2001:db8:0:0:0:0:0:0:1', '::ffff:192.0.2.256', 'g::1', ''],
  },
  hostname: {
    valid: ['example.com', 'a', 'xn--bcher-kva.example', 'A-1.b-2.C3', `${'a'.repeat(63)}.com`, `${'a.'.repeat(126)}a`],
    invalid: ['', '-a.com', 'a-.com', 'a..com', 'a.com.', 'a_b.com', 'ä.com', `${'a'.repeat(64)}.com`, `${'a.'.repeat(126)}ab`],
  },
  email: {
    valid: [
      'a@example.com',
      'first.last@sub.example.co',
      "o'brien+tag@x.io",
      'a@[192.0.2.1]',
      'a@[IPv6:2001:db8::1]',
      `${'l'.repeat(64)}@x.io`,
    ],
    invalid: [
      '.a@x.io',
      'a.@x.io',
      'a..b@x.io',
      '@x.io',
      'a@x',
      'a@-x.io',
      'a@x..io',
      'a@x.io.',
      'a b@x.io',
      'ü@x.io',
      'a@[300.1.1.1]',
      'a@[IPv6:]',
      'a@',
      `${'l'.repeat(65)}@x.io`,
    ],
  },
  uri: {
    valid: ['https://example.com/a?b=c#d', 'urn:isbn:0451450523', 'mailto:a@x.io'],
    invalid: ['/relative', 'no scheme', 'https://x.io/%zz', ''],
  },
  'uri-reference': { valid: ['/relative/path', '', '?q=1', 'https://x.io'], invalid: ['a b', '%zz'] },
  'uri-template': {
    valid: [
      'https://api.github.com/repos/{owner}/{repo}',
      '{/path*}{?q,lang:2}',
      'http://x/{var.name}',
      'x{+a,b}',
      '%20{a}',
      '{#x,y}',
      'plain',
    ],
    invalid: ['{a:10000}', '{a:0}', '{.}', '{a.}', '{a..b}', '{}', 'x}', '{a', 'a b', '%zz', '{a b}', '{$a}'],
  },
  uuid: {
    valid: ['084666a4-cd47-40c1-afe2-4a575e341d59', 'urn:uuid:084666A4-CD47-40C1-AFE2-4A575E341D59'],
    invalid: ['084666a4cd4740c1afe24a575e341d59', '084666a4-cd47-40c1-afe2-4a575e341d5'],
  },
  byte: { valid: ['', 'TWFu', 'TWE=', 'TQ=='], invalid: ['TWF', 'TQ=', 'T===', 'TW@u'] },
  // RFC 3339 Appendix A.
  duration: {
    valid: ['P1D', 'P3Y6M4DT12H30M5S', 'PT1H', 'PT20M', 'PT36H', 'P4W', 'P1M', 'P1Y2M', 'PT1H5M30S'],
    invalid: ['P', 'PT', 'P1DT', '1D', 'P1H', 'PT1D', 'P1W2D', 'P1D1Y', 'P0.5Y', 'PT1S2M', ' P1D'],
  },
  // RFC 6901 §3 and its §5 examples.
  'json-pointer': { valid: ['', '/foo', '/foo/0', '/', '/a~1b', '/c%d', '/m~0n', '/ '], invalid: ['foo', '/~', '/a~2b', '#/foo'] },
  'relative-json-pointer': { valid: ['0', '1/0', '2/highly/nested/objects', '0#', '1#'], invalid: ['', '-1', '01', '/foo', '0##', 'a'] },
  regex: { valid: ['^a+$', '[a-z]{2}', '\\p{L}', ''], invalid: ['(', '[a-', '\\p{Nope}', 'a{2,1}'] },
};

it('exports every format under the name compiled code uses for it (formatBinding)', () => {
  for (const [name, definition] of Object.entries(formats))
    expect((runtime as Record<string, unknown>)[formatBinding(name)], name).toBe(definition);
});

describe('runtime formats', () => {
  for (const [format, { valid, invalid }] of Object.entries(cases)) {
    it(`${format}: accepts what its RFC allows and rejects the rest`, () => {
      expect(valid.filter((value) => !check(format, value))).toEqual([]);
      expect(invalid.filter((value) => check(format, value))).toEqual([]);
    });
  }

  it('int32 and int64 take integers in range only', () => {
    expect([0, -(2 ** 31), 2 ** 31 - 1].every((value) => check('int32', value))).toBe(true);
    expect([2 ** 31, 1.5].some((value) => check('int32', value))).toBe(false);
    expect(check('int64', 2 ** 40)).toBe(true);
    expect(check('int64', 0.5)).toBe(false);
    expect(check('int64', 2 ** 64)).toBe(false);
  });

  it('float and double take finite numbers, float within IEEE 754 binary32', () => {
    expect([0, -1.5, 3.4e38].every((value) => check('float', value))).toBe(true);
    expect([3.5e38, Infinity, NaN].some((value) => check('float', value))).toBe(false);
    expect(check('double', 1e300)).toBe(true);
    expect(check('double', Infinity)).toBe(false);
  });

  // The rules as plain regular expressions, for the property tests of the character-by-character readers.
  const label = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
  const hostnameRule = (text: string) => text.length <= 253 && text.split('.').every((part) => label.test(part));
  const dotAtom = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
  const emailRule = (text: string) => {
    const at = text.lastIndexOf('@');
    if (at < 1 || at > 64 || !dotAtom.test(text.slice(0, at))) return false;
    const domain = text.slice(at + 1);
    return /^\[.+\]$/.test(domain)
      ? check('ipv4', domain.slice(1, -1)) || (domain.startsWith('[IPv6:') && check('ipv6', domain.slice(6, -1)))
      : domain.includes('.') && hostnameRule(domain);
  };
  const pieces = (alphabet: string[], maxLength: number) =>
    fc.array(fc.constantFrom(...alphabet), { maxLength }).map((parts) => parts.join(''));
  const hostPieces = ['a', 'Z', '0', '9', '-', '.', '_', 'xn--', 'ab'.repeat(20)];
  const emailPieces = [...hostPieces, '@', "'", '+', '!', '~', ' ', '[', ']', '192.0.2.1', 'IPv6:', '::1', 'ü'];

  it('hostname: the same verdict as the rule written as a regular expression', () => {
    fc.assert(
      fc.property(pieces(hostPieces, 30), (text) => check('hostname', text) === hostnameRule(text)),
      { numRuns: 5000 },
    );
  });

  it('email: the same verdict as the rule written as a regular expression', () => {
    fc.assert(
      fc.property(pieces(emailPieces, 20), (text) => check('email', text) === emailRule(text)),
      { numRuns: 5000 },
    );
  });
});
