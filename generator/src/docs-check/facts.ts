/** What a doc page states about one field: the unit `docs-check` compares with the spec. */

/** Where the page says a field lives: the part of the operation (or a schema page) and the property path. */
export type Section = 'schema' | 'path' | 'query' | 'header' | 'body' | 'response';

/**
 * One step of a field path. Some page captures glue a property name to its type name, so a step may
 * offer several candidate names (`requiredActionsRestrictionAction` is `requiredActions` or `required`…);
 * the spec decides which one exists. `*` stands for the values of a map (`additionalProperties`).
 */
export interface FieldStep {
  names: string[];
}

export type FactKind =
  | 'type'
  | 'format'
  | 'enum'
  | 'minLength'
  | 'maxLength'
  | 'minItems'
  | 'maxItems'
  | 'minimum'
  | 'maximum'
  | 'required'
  | 'default'
  | 'deprecated';

export type FactValue = string | number | boolean | string[];

export interface PageFact {
  /** 1-based line of the page that states the fact. */
  line: number;
  section: Section;
  /** For `response` facts, the status code when the page names one. */
  status?: string;
  /** Property path from the section's root; empty for the body itself. */
  field: FieldStep[];
  /** True when the fact is about the items of an array field rather than the field. */
  items?: boolean;
  kind: FactKind;
  value: FactValue;
  /**
   * Set when the capture lost the field's name: the object the fact sits in (`''` for the root), and
   * the fact's index among the unlabelled ones. The docs map names the field.
   */
  unlabelled?: { scope: string; index: number };
}

/** A page read into facts, with every constraint line the reader could not interpret (reported, never dropped). */
export interface PageReading {
  facts: PageFact[];
  unread: { line: number; text: string }[];
}

export const fieldPath = (field: readonly FieldStep[]): string => field.map((step) => step.names.join('|')).join('/');
