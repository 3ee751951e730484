// `instanceof` for the runtime's classes by a brand registered with `Symbol.for`, not by class identity.
// An application that loads a package both as an ES module and as CommonJS (or two generated packages)
// holds two copies of each class; `error instanceof ValidationError` must hold whichever copy made the
// error. Each branded class declares `static brand` (its name, kept whatever a minifier does to names)
// and `static [Symbol.hasInstance]` calling `isBranded`: both are free of side effects, so a bundler still
// drops the classes an import does not reach.

const brandKey = Symbol.for('specsmith.runtime.brand');

/**
 * The `instanceof` of a branded class: true for a value built through a class of the same brand, from
 * any copy of the runtime. A subclass a caller writes, without a brand of its own, keeps the prototype check.
 * @param {Function & { brand?: string }} type
 * @param {unknown} value
 */
export function isBranded(type, value) {
  if (!Object.hasOwn(type, 'brand')) return Function.prototype[Symbol.hasInstance].call(type, value);
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return false;
  const names = /** @type {{ [brandKey]?: unknown }} */ (value)[brandKey];
  return Array.isArray(names) && names.includes(type.brand);
}

/** The brands of each class an instance may be made by, worked out on its first instance. */
const brandsOf = new WeakMap();

/**
 * Marks an instance with the brand of its class and of each branded class above it.
 * @param {object} instance
 * @param {Function} type the class it was made by (`new.target`)
 */
export function brandInstance(instance, type) {
  let names = brandsOf.get(type);
  if (names === undefined) {
    names = [];
    for (let at = type; at !== null && at !== Function.prototype; at = Object.getPrototypeOf(at))
      if (Object.hasOwn(at, 'brand')) names.push(/** @type {{ brand: string }} */ (/** @type {unknown} */ (at)).brand);
    names = Object.freeze(names);
    brandsOf.set(type, names);
  }
  Object.defineProperty(instance, brandKey, { value: names });
}
