// Helpers of specsmith's generated validators: the precompiled validator functions call these instead of
// AJV's runtime modules, so a package needs no AJV, no ajv-formats and no `require` at run time.

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

/**
 * A nested validator reports paths relative to the value it was given; its caller moves them under the
 * property or item it passed (`prefix`) and appends them to its own list. Runs only once something failed.
 */
export function nestedErrors(errors, found, prefix) {
  for (const error of found) error.instancePath = prefix + error.instancePath;
  return errors === null ? found : errors.concat(found);
}

/**
 * One problem found by an all-errors validator, appended to its list (`errors`, null while empty); returns
 * the list. The object is the one AJV's own code writes out at each rule.
 */
export function reportError(errors, instancePath, schemaPath, keyword, params) {
  const error = { instancePath, schemaPath, keyword, params };
  if (errors === null) return [error];
  errors.push(error);
  return errors;
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

// Patterns live at module scope: a regular expression literal inside a function is a new object on every call.
const hexGroupPattern = /^[0-9a-fA-F]{1,4}$/;
const uriPattern = /^[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#[\]]|%[0-9A-Fa-f]{2})*$/;
const uriReferencePattern = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#[\]]|%[0-9A-Fa-f]{2})*$/;
const uuidPattern = /^(?:urn:uuid:)?[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const base64Pattern = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

const daysInMonth = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (year) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

// Dates, times and IPv4 addresses are read character by character: they are checked on every call of
// a validator, often several times a value, and a regular expression with captures costs several times more.

/** The number written by two ASCII digits at `at`, or -1. */
function twoDigits(text, at) {
  const tens = text.charCodeAt(at) - 48;
  const ones = text.charCodeAt(at + 1) - 48;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

/** RFC 3339 full-date at the start of `text`, on the real calendar (no 1981-02-29, no 2024-04-31). */
function isDateAt(text) {
  const century = twoDigits(text, 0);
  const rest = twoDigits(text, 2);
  if (century < 0 || rest < 0 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= (month === 2 && isLeapYear(century * 100 + rest) ? 29 : daysInMonth[month]);
}

function isDate(text) {
  return text.length === 10 && isDateAt(text);
}

/**
 * RFC 3339 full-time from `at` to the end: hours, minutes, seconds (60 only for a leap second at 23:59
 * UTC), an optional fraction, then `Z`/`z` or a numeric offset.
 */
function isTimeAt(text, at) {
  const hour = twoDigits(text, at);
  const minute = twoDigits(text, at + 3);
  const second = twoDigits(text, at + 6);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) return false;
  if (text.charCodeAt(at + 2) !== 58 || text.charCodeAt(at + 5) !== 58) return false;
  let index = at + 8;
  if (text.charCodeAt(index) === 46) {
    index += 1;
    const digits = index;
    while (index < text.length && text.charCodeAt(index) >= 48 && text.charCodeAt(index) <= 57) index += 1;
    if (index === digits) return false;
  }
  const zone = text.charCodeAt(index);
  let offset = 0;
  if (zone === 90 || zone === 122) {
    if (index + 1 !== text.length) return false;
  } else if (zone === 43 || zone === 45) {
    const offsetHour = twoDigits(text, index + 1);
    const offsetMinute = twoDigits(text, index + 4);
    if (index + 6 !== text.length || text.charCodeAt(index + 3) !== 58) return false;
    if (offsetHour < 0 || offsetHour > 23 || offsetMinute < 0 || offsetMinute > 59) return false;
    offset = (zone === 45 ? -1 : 1) * (offsetHour * 60 + offsetMinute);
  } else return false;
  if (second < 60) return true;
  // A leap second is 23:59:60 in UTC: shift the local time back by the offset.
  return (((hour * 60 + minute - offset) % 1440) + 1440) % 1440 === 23 * 60 + 59;
}

function isTime(text) {
  return text.length >= 9 && isTimeAt(text, 0);
}

/** RFC 3339 date-time: a date, `T` (either case) and a full time. */
function isDateTime(text) {
  const separator = text.charCodeAt(10);
  return text.length >= 20 && (separator === 84 || separator === 116) && isDateAt(text) && isTimeAt(text, 11);
}

/** Dotted-quad IPv4: four decimal octets up to 255, without leading zeros. */
function isIpv4(text) {
  let octets = 0;
  let index = 0;
  while (octets < 4) {
    const start = index;
    let value = 0;
    while (index < text.length && index - start < 3) {
      const digit = text.charCodeAt(index) - 48;
      if (digit < 0 || digit > 9) break;
      value = value * 10 + digit;
      index += 1;
    }
    const length = index - start;
    if (length === 0 || value > 255 || (length > 1 && text.charCodeAt(start) === 48)) return false;
    octets += 1;
    if (octets < 4) {
      if (text.charCodeAt(index) !== 46) return false;
      index += 1;
    }
  }
  return index === text.length;
}

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
    if (!isIpv4(last)) return false;
    groups.pop();
    count += 1;
  }
  if (!groups.every((group) => hexGroupPattern.test(group))) return false;
  return halves.length === 2 ? count <= 7 : count === 8;
}

const isLetterOrDigit = (code) => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/** RFC 1123 host name in `text` from `start` to `end`: dot-separated labels of 1 to 63 letters, digits and inner hyphens, 253 characters at most. */
function isHostnameIn(text, start, end) {
  if (end === start || end - start > 253) return false;
  let label = start;
  for (let index = start; index <= end; index++) {
    const code = index === end ? 46 : text.charCodeAt(index);
    if (code === 46) {
      if (index === label || index - label > 63 || text.charCodeAt(label) === 45 || text.charCodeAt(index - 1) === 45) return false;
      label = index + 1;
    } else if (!isLetterOrDigit(code) && code !== 45) {
      return false;
    }
  }
  return true;
}

function isHostname(text) {
  return isHostnameIn(text, 0, text.length);
}

/** The characters of an RFC 5322 `atext`, by code: letters, digits and ! # $ % & ' * + - / = ? ^ _ ` { | } ~. */
const atext = /* @__PURE__ */ (() => {
  const table = new Uint8Array(128);
  for (let code = 0; code < 128; code++)
    if (isLetterOrDigit(code) || "!#$%&'*+-/=?^_`{|}~".includes(String.fromCharCode(code))) table[code] = 1;
  return table;
})();

/** An addr-spec of RFC 5321: dot-atom local part (64 at most) at a host name or an address literal. */
function isEmail(text) {
  const at = text.lastIndexOf('@');
  if (at < 1 || at > 64) return false;
  // Atoms of atext joined by single dots: no dot first, last or twice in a row.
  let afterDot = true;
  for (let index = 0; index < at; index++) {
    const code = text.charCodeAt(index);
    if (code === 46 && !afterDot) afterDot = true;
    else if (code < 128 && atext[code] === 1) afterDot = false;
    else return false;
  }
  if (afterDot) return false;
  if (text.charCodeAt(at + 1) === 91 && text.charCodeAt(text.length - 1) === 93) {
    const literal = text.slice(at + 2, -1);
    return literal.startsWith('IPv6:') ? isIpv6(literal.slice(5)) : isIpv4(literal);
  }
  return text.indexOf('.', at + 1) !== -1 && isHostnameIn(text, at + 1, text.length);
}

/** RFC 3986 URI (absolute, with a scheme): allowed characters and well-formed percent escapes. */
function isUri(text) {
  return uriPattern.test(text);
}

/** RFC 3986 URI reference: a URI or a relative reference. */
function isUriReference(text) {
  return uriReferencePattern.test(text);
}

const isHexDigit = (code) => (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
const isPercentEncoded = (text, at) =>
  text.charCodeAt(at) === 37 && isHexDigit(text.charCodeAt(at + 1)) && isHexDigit(text.charCodeAt(at + 2));

/** RFC 6570 §2.1 literals: any character but controls, space, `"'%<>\\^\`{|}` (a `%` only as an escape). */
function isTemplateLiteral(code) {
  if (code < 0x80) return code > 0x20 && code !== 0x7f && !'"\'%<>\\^`{|}'.includes(String.fromCharCode(code));
  return code >= 0xa0;
}

/** RFC 6570 §2.2 operators: `+ # . / ; ? & = , ! @ |`. */
const templateOperators = new Set([43, 35, 46, 47, 59, 63, 38, 61, 44, 33, 64, 124]);
const isVarChar = (code) => isLetterOrDigit(code) || code === 95;

/** The index after the expression that starts after `{` at `at`, or -1: an operator, then variables with `:n` or `*`. */
function templateExpressionEnd(text, at) {
  let index = templateOperators.has(text.charCodeAt(at)) ? at + 1 : at;
  for (;;) {
    // varname = varchar *( ["."] varchar ), a varchar being a letter, digit, `_` or a percent escape.
    let varChars = 0;
    for (;;) {
      if (isVarChar(text.charCodeAt(index))) index += 1;
      else if (isPercentEncoded(text, index)) index += 3;
      else if (
        text.charCodeAt(index) === 46 &&
        varChars > 0 &&
        (isVarChar(text.charCodeAt(index + 1)) || isPercentEncoded(text, index + 1))
      ) {
        index += 1;
        continue;
      } else break;
      varChars += 1;
    }
    if (varChars === 0) return -1;
    if (text.charCodeAt(index) === 58) {
      // A prefix length of 1 to 9999, no leading zero.
      const start = (index += 1);
      while (index - start < 4 && text.charCodeAt(index) >= 48 && text.charCodeAt(index) <= 57) index += 1;
      if (index === start || text.charCodeAt(start) === 48) return -1;
    } else if (text.charCodeAt(index) === 42) {
      index += 1;
    }
    const next = text.charCodeAt(index);
    if (next === 125) return index + 1;
    if (next !== 44) return -1;
    index += 1;
  }
}

/** RFC 6570 URI Template (level 4): literals, percent escapes and `{…}` expressions. */
function isUriTemplate(text) {
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === 123) index = templateExpressionEnd(text, index + 1);
    else if (code === 37) index = isPercentEncoded(text, index) ? index + 3 : -1;
    else index = isTemplateLiteral(code) ? index + 1 : -1;
    if (index < 0) return false;
  }
  return true;
}

const int32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };
/** The largest magnitudes of the OpenAPI format registry's int64 and float (IEEE 754 binary32). */
const int64Max = 2 ** 63;
const floatMax = 3.4028234663852886e38;

/** RFC 3339 Appendix A `duration`: P, then dates (Y, M, D or W) and/or T with times (H, M, S), each part in order. */
const durationPattern =
  /^P(?:(?:\d+D|\d+M(?:\d+D)?|\d+Y(?:\d+M(?:\d+D)?)?)(?:T(?:\d+H(?:\d+M(?:\d+S)?)?|\d+M(?:\d+S)?|\d+S))?|T(?:\d+H(?:\d+M(?:\d+S)?)?|\d+M(?:\d+S)?|\d+S)|\d+W)$/;
/** RFC 6901 JSON pointer: `/`-separated tokens, `~` only as `~0` or `~1`. */
const jsonPointerPattern = /^(?:\/(?:[^~/]|~[01])*)*$/;
/** Relative JSON pointer (draft-bhutton-relative-json-pointer-00): a count, then `#` or a JSON pointer. */
const relativeJsonPointerPattern = /^(?:0|[1-9][0-9]*)(?:#|(?:\/(?:[^~/]|~[01])*)*)$/;

/** An ECMA-262 regular expression (with the `u` flag, as the validators compile `pattern`). */
function isRegex(value) {
  try {
    new RegExp(value, 'u');
    return true;
  } catch {
    return false;
  }
}

/**
 * A format the checks call: the JSON type it applies to, and its test.
 * @typedef {{ type: 'string'; validate: (value: string) => boolean } | { type: 'number'; validate: (value: number) => boolean }} RuntimeFormat
 */

/**
 * @param {(value: string) => boolean} validate
 * @returns {{ type: 'string'; validate: (value: string) => boolean }}
 */
const textFormat = (validate) => ({ type: 'string', validate });
/**
 * @param {(value: number) => boolean} validate
 * @returns {{ type: 'number'; validate: (value: number) => boolean }}
 */
const numberFormat = (validate) => ({ type: 'number', validate });

/**
 * The formats the generated validators check, one export each (`formatDateTime` for `date-time`: a bundler
 * keeps the ones a validator uses), in the shape AJV compiles against (the generator registers these same
 * definitions, so compile time and run time agree). Formats not listed here are not checked; the generator
 * leaves them out of the validators.
 */
export const formatDate = /* @__PURE__ */ textFormat(isDate);
export const formatTime = /* @__PURE__ */ textFormat(isTime);
export const formatDateTime = /* @__PURE__ */ textFormat(isDateTime);
export const formatIpv4 = /* @__PURE__ */ textFormat(isIpv4);
export const formatIpv6 = /* @__PURE__ */ textFormat(isIpv6);
export const formatHostname = /* @__PURE__ */ textFormat(isHostname);
export const formatEmail = /* @__PURE__ */ textFormat(isEmail);
export const formatUri = /* @__PURE__ */ textFormat(isUri);
export const formatUriReference = /* @__PURE__ */ textFormat(isUriReference);
export const formatUriTemplate = /* @__PURE__ */ textFormat(isUriTemplate);
export const formatUuid = /* @__PURE__ */ textFormat((value) => uuidPattern.test(value));
export const formatByte = /* @__PURE__ */ textFormat((value) => base64Pattern.test(value));
export const formatInt32 = /* @__PURE__ */ numberFormat((value) => Number.isInteger(value) && value >= int32.min && value <= int32.max);
export const formatInt64 = /* @__PURE__ */ numberFormat((value) => Number.isInteger(value) && Math.abs(value) <= int64Max);
export const formatFloat = /* @__PURE__ */ numberFormat((value) => Number.isFinite(value) && Math.abs(value) <= floatMax);
export const formatDouble = /* @__PURE__ */ numberFormat((value) => Number.isFinite(value));
export const formatDuration = /* @__PURE__ */ textFormat((value) => durationPattern.test(value));
export const formatJsonPointer = /* @__PURE__ */ textFormat((value) => jsonPointerPattern.test(value));
export const formatRelativeJsonPointer = /* @__PURE__ */ textFormat((value) => relativeJsonPointerPattern.test(value));
export const formatRegex = /* @__PURE__ */ textFormat(isRegex);
export const formatBinary = /* @__PURE__ */ textFormat(() => true);
export const formatPassword = /* @__PURE__ */ textFormat(() => true);

/**
 * The formats by name, as the generator registers them with AJV.
 * @type {Readonly<Record<string, RuntimeFormat>>}
 */
export const formats = {
  date: formatDate,
  time: formatTime,
  'date-time': formatDateTime,
  ipv4: formatIpv4,
  ipv6: formatIpv6,
  hostname: formatHostname,
  email: formatEmail,
  uri: formatUri,
  'uri-reference': formatUriReference,
  'uri-template': formatUriTemplate,
  uuid: formatUuid,
  byte: formatByte,
  int32: formatInt32,
  int64: formatInt64,
  float: formatFloat,
  double: formatDouble,
  duration: formatDuration,
  'json-pointer': formatJsonPointer,
  'relative-json-pointer': formatRelativeJsonPointer,
  regex: formatRegex,
  binary: formatBinary,
  password: formatPassword,
};
