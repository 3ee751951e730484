// Types of runtime.js, for the generator and the tests that import it directly.
export declare function ucs2length(text: string): number;
export declare function equal(left: unknown, right: unknown): boolean;
export declare function reportError<P>(
  errors: { instancePath: string; schemaPath: string; keyword: string; params: P }[] | null,
  instancePath: string,
  schemaPath: string,
  keyword: string,
  params: P,
): { instancePath: string; schemaPath: string; keyword: string; params: P }[];
export declare function nestedErrors<E extends { instancePath: string }>(errors: E[] | null, found: E[], prefix: string): E[];
export declare const formats: Readonly<
  Record<string, { type: 'string'; validate: (value: string) => boolean } | { type: 'number'; validate: (value: number) => boolean }>
>;
