/**
 * The only places spec values become code text: literals go through JSON, names are checked as
 * identifiers or quoted. Everything else in generated code is structure.
 */
export function tsLiteral(value: unknown): string {
  if (value === undefined) return 'undefined';
  return JSON.stringify(value);
}

export function tsPropertyName(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name);
}
