/** What to validate against: a component schema (or one of its views), or one part of an operation. */
export type ValidateTarget = { schema: string } | { operation: string; part: string };

/** One problem of a value, as a generated package's `assert*` words it. */
export interface ValidationIssue {
  path: string;
  message: string;
  keyword: string;
  params: Record<string, unknown>;
  spec?: string;
}
