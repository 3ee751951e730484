// Parameter serialization of specsmith's generated clients: OpenAPI 3.1 §4.8.12.4 (style and explode),
// as its Style Examples table spells each case.

const encode = (value) => encodeURIComponent(String(value));

/**
 * An object's entries (own, defined) or an array's items, in order; undefined for a primitive.
 * @param {unknown} value
 * @returns {{ kind: 'array'; items: unknown[]; entries?: undefined } | { kind: 'object'; entries: [string, unknown][]; items?: undefined } | undefined}
 */
function partsOf(value) {
  if (Array.isArray(value)) return { kind: 'array', items: value.filter((item) => item !== undefined) };
  if (value !== null && typeof value === 'object')
    return { kind: 'object', entries: Object.entries(value).filter(([, item]) => item !== undefined) };
  return undefined;
}

/**
 * A path parameter's text: `simple` (`3,4,5`, `role=admin,firstName=Alex`), `label` (`.3.4.5`) or
 * `matrix` (`;color=blue;color=black`). Values are percent-encoded, delimiters are not.
 */
export function serializePath(name, value, style, explode) {
  const parts = partsOf(value);
  const prefix = style === 'label' ? '.' : style === 'matrix' ? ';' : '';
  if (parts === undefined) return style === 'matrix' ? `;${encode(name)}=${encode(value)}` : `${prefix}${encode(value)}`;
  if (parts.kind === 'array') {
    if (style === 'matrix')
      return explode
        ? parts.items.map((item) => `;${encode(name)}=${encode(item)}`).join('')
        : `;${encode(name)}=${parts.items.map(encode).join(',')}`;
    return prefix + parts.items.map(encode).join(explode && style === 'label' ? '.' : ',');
  }
  if (explode) {
    const pairs = parts.entries.map(([key, item]) => `${encode(key)}=${encode(item)}`);
    return style === 'matrix' ? pairs.map((pair) => `;${pair}`).join('') : prefix + pairs.join(style === 'label' ? '.' : ',');
  }
  const flat = parts.entries.flatMap(([key, item]) => [encode(key), encode(item)]).join(',');
  return style === 'matrix' ? `;${encode(name)}=${flat}` : `${prefix}${flat}`;
}

const delimiters = { form: ',', spaceDelimited: '%20', pipeDelimited: '%7C' };

/**
 * A query parameter as encoded `name=value` pairs: `form` (repeated names when exploded, commas when not),
 * `spaceDelimited`, `pipeDelimited`, `deepObject` (`color%5BR%5D=100`).
 */
export function serializeQuery(name, value, style, explode) {
  if (value === undefined) return [];
  const parts = partsOf(value);
  if (parts === undefined) return [`${encode(name)}=${value === null ? '' : encode(value)}`];
  if (style === 'deepObject')
    return parts.kind === 'object' ? parts.entries.map(([key, item]) => `${encode(`${name}[${key}]`)}=${encode(item)}`) : [];
  const delimiter = delimiters[style] ?? ',';
  if (parts.kind === 'array') {
    if (explode && style === 'form') return parts.items.map((item) => `${encode(name)}=${encode(item)}`);
    return [`${encode(name)}=${parts.items.map(encode).join(delimiter)}`];
  }
  if (explode && style === 'form') return parts.entries.map(([key, item]) => `${encode(key)}=${encode(item)}`);
  return [`${encode(name)}=${parts.entries.flatMap(([key, item]) => [encode(key), encode(item)]).join(delimiter)}`];
}

/** A header's value (`simple` style): `3,4,5`, `role,admin` or, exploded, `role=admin`. Not percent-encoded. */
export function serializeHeader(value, explode) {
  const parts = partsOf(value);
  if (parts === undefined) return String(value);
  if (parts.kind === 'array') return parts.items.map(String).join(',');
  return parts.entries.map(([key, item]) => (explode ? `${key}=${item}` : `${key},${item}`)).join(',');
}

/** A cookie's `name=value` pairs (`form` style). */
export function serializeCookie(name, value, explode) {
  const parts = partsOf(value);
  if (parts === undefined) return [`${name}=${encode(value)}`];
  if (parts.kind === 'array')
    return explode ? parts.items.map((item) => `${name}=${encode(item)}`) : [`${name}=${parts.items.map(encode).join(',')}`];
  return explode
    ? parts.entries.map(([key, item]) => `${key}=${encode(item)}`)
    : [`${name}=${parts.entries.flatMap(([key, item]) => [encode(key), encode(item)]).join(',')}`];
}

/** A request body in the media type the operation documents: JSON, a URL-encoded form or multipart form data. */
export function serializeBody(mediaType, body) {
  if (/^application\/x-www-form-urlencoded\b/i.test(mediaType)) {
    const form = new URLSearchParams();
    for (const [key, value] of Object.entries(body ?? {})) appendField(form, key, value, (item) => String(item));
    return { body: form, contentType: 'application/x-www-form-urlencoded' };
  }
  if (/^multipart\/form-data\b/i.test(mediaType)) {
    const form = new FormData();
    for (const [key, value] of Object.entries(body ?? {}))
      appendField(form, key, value, (item) => (item instanceof Blob ? item : String(item)));
    // The platform writes the boundary into the content type itself.
    return { body: form, contentType: undefined };
  }
  if (/json/i.test(mediaType)) return { body: JSON.stringify(body), contentType: mediaType };
  if (typeof body === 'string' || body instanceof Blob || body instanceof ArrayBuffer || ArrayBuffer.isView(body))
    return { body, contentType: mediaType };
  return { body: JSON.stringify(body), contentType: mediaType };
}

/** Form fields: an array repeats its name, an object other than a file is sent as JSON (OpenAPI 3.1 §4.8.15). */
function appendField(form, key, value, convert) {
  if (value === undefined) return;
  if (Array.isArray(value)) {
    for (const item of value) appendField(form, key, item, convert);
    return;
  }
  const isFile = typeof Blob !== 'undefined' && value instanceof Blob;
  form.append(key, value !== null && typeof value === 'object' && !isFile ? JSON.stringify(value) : convert(value ?? ''));
}
