// Runtime helpers of specsmith's generated validators. Copied into each generated package (inlined in its
// index.js and index.cjs); the precompiled validator functions call these instead of AJV's runtime modules,
// so the package needs no AJV, no ajv-formats and no `require` at run time.

/** Length in Unicode code points: JSON Schema's `maxLength` counts characters, not UTF-16 units. */
export function ucs2length(text) {
  let length = text.length;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length--;
        index++;
      }
    }
  }
  return length;
}

/** Deep equality of JSON values, for `const`, `enum` of objects and `uniqueItems`. */
export function equal(left, right) {
  if (left === right) return true;
  if (left === null || right === null || typeof left !== 'object' || typeof right !== 'object') return left !== left && right !== right;
  if (Array.isArray(left) !== Array.isArray(right)) return false;
  if (Array.isArray(left)) return left.length === right.length && left.every((item, index) => equal(item, right[index]));
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  return keys.every((key) => Object.prototype.hasOwnProperty.call(right, key) && equal(left[key], right[key]));
}

const daysInMonth = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (year) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

/** RFC 3339 full-date, on the real calendar (no 1981-02-29, no 2024-04-31). */
function isDate(text) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= (month === 2 && isLeapYear(year) ? 29 : daysInMonth[month]);
}

/** RFC 3339 full-time: hours, minutes, seconds (60 only for a leap second at 23:59 UTC), fraction, offset. */
function isTime(text) {
  const match = /^(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[zZ]|([+-])(\d{2}):(\d{2}))$/.exec(text);
  if (match === null) return false;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  const second = Number(match[3]);
  const offsetHour = match[5] === undefined ? 0 : Number(match[5]);
  const offsetMinute = match[6] === undefined ? 0 : Number(match[6]);
  if (hour > 23 || minute > 59 || second > 60 || offsetHour > 23 || offsetMinute > 59) return false;
  if (second < 60) return true;
  // A leap second is 23:59:60 in UTC: shift the local time back by the offset.
  const sign = match[4] === '-' ? -1 : 1;
  const utcMinutes = (((hour * 60 + minute - sign * (offsetHour * 60 + offsetMinute)) % 1440) + 1440) % 1440;
  return utcMinutes === 23 * 60 + 59;
}

/** RFC 3339 date-time: a date, `T` (either case) and a full time. */
function isDateTime(text) {
  const separator = text.indexOf('T') === 10 ? 10 : text.indexOf('t') === 10 ? 10 : -1;
  return separator === 10 && isDate(text.slice(0, 10)) && isTime(text.slice(11));
}

const ipv4Pattern = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** RFC 4291 §2.2 text forms: eight groups, one `::`, an IPv4 tail. */
function isIpv6(text) {
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groupsOf = (part) => (part === '' ? [] : part.split(':'));
  const head = groupsOf(halves[0]);
  const tail = halves.length === 2 ? groupsOf(halves[1]) : [];
  const groups = [...head, ...tail];
  let count = groups.length;
  const last = groups[groups.length - 1];
  if (last !== undefined && last.includes('.')) {
    if (!ipv4Pattern.test(last)) return false;
    groups.pop();
    count += 1;
  }
  if (!groups.every((group) => /^[0-9a-fA-F]{1,4}$/.test(group))) return false;
  return halves.length === 2 ? count <= 7 : count === 8;
}

/** RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens, 253 characters at most. */
function isHostname(text) {
  if (text.length > 253) return false;
  return text.split('.').every((label) => /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(label));
}

/** An addr-spec of RFC 5321: dot-atom local part (64 at most) at a host name or an address literal. */
function isEmail(text) {
  const at = text.lastIndexOf('@');
  if (at < 1 || at > 64) return false;
  const local = text.slice(0, at);
  const domain = text.slice(at + 1);
  if (!/^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/.test(local)) return false;
  const literal = /^\[(?:IPv6:(.+)|(.+))\]$/.exec(domain);
  if (literal !== null) return literal[1] !== undefined ? isIpv6(literal[1]) : ipv4Pattern.test(literal[2]);
  return domain.includes('.') && isHostname(domain);
}

/** RFC 3986 URI (absolute, with a scheme): allowed characters and well-formed percent escapes. */
function isUri(text) {
  return /^[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#[\]]|%[0-9A-Fa-f]{2})*$/.test(text);
}

/** RFC 3986 URI reference: a URI or a relative reference. */
function isUriReference(text) {
  return /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#[\]]|%[0-9A-Fa-f]{2})*$/.test(text);
}

const int32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

const text = (validate) => ({ type: 'string', validate });
const number = (validate) => ({ type: 'number', validate });

/**
 * The formats the generated validators check, by name, in the shape AJV compiles against (the generator
 * registers these same definitions, so compile time and run time agree). Formats not listed here are not
 * checked; the generator leaves them out of the validators.
 */
export const formats = {
  date: text(isDate),
  time: text(isTime),
  'date-time': text(isDateTime),
  ipv4: text((value) => ipv4Pattern.test(value)),
  ipv6: text(isIpv6),
  hostname: text(isHostname),
  email: text(isEmail),
  uri: text(isUri),
  'uri-reference': text(isUriReference),
  uuid: text((value) => /^(?:urn:uuid:)?[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/.test(value)),
  byte: text((value) => /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(value)),
  int32: number((value) => Number.isInteger(value) && value >= int32.min && value <= int32.max),
  int64: number((value) => Number.isInteger(value)),
  float: number(() => true),
  double: number(() => true),
  binary: text(() => true),
  password: text(() => true),
};
