import { runtimeTypeNames } from '../ir/names.js';

/** The runtime's entry (`./runtime` in the package's exports), in packages with validators. */
export const runtimeFiles = { esm: 'runtime.js', commonJs: 'runtime.cjs' } as const;
/** Where the index's declarations find the runtime's. */
export const runtimeDeclarations = `./${runtimeFiles.commonJs}`;

/**
 * How the index's declarations name a type of the runtime. The package's root belongs to the spec: where
 * the spec declares a type under a runtime name (a schema called `ValidationError`), the root exports the
 * spec's, and the declarations import the runtime's under another name (`ValidationError$Runtime`: a type
 * name made from a spec never holds a `$`). `imports` lists the names referred to, for the index's import.
 */
export class RuntimeNames {
  private readonly named = new Set<string>();
  /** The runtime's names that the spec declares too. */
  readonly shadowed: readonly string[];

  constructor(specNames: Iterable<string>) {
    const spec = new Set(specNames);
    this.shadowed = runtimeTypeNames.filter((name) => spec.has(name));
  }

  /** The name by which the index's declarations refer to the runtime's `name`. */
  ref(name: string): string {
    this.named.add(name);
    return this.shadowed.includes(name) ? `${name}$Runtime` : name;
  }

  /** The import specifiers of the names referred to, in the order of the runtime's list (`X` or `X as X$Runtime`). */
  get imports(): string[] {
    return runtimeTypeNames
      .filter((name) => this.named.has(name))
      .map((name) => (this.shadowed.includes(name) ? `${name} as ${name}$Runtime` : name));
  }
}
