import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { DocsMapPage } from './docs-map.js';
import { fieldPath, type PageFact, type PageReading } from './facts.js';
import { compareFact } from './match.js';
import { readDocusaurusOperationPage } from './read-docusaurus-operation.js';
import { readDocusaurusSchemaPage } from './read-docusaurus-schema.js';
import { readMintlifyPage } from './read-mintlify.js';
import type { Located, SpecNode, SpecView } from './spec-view.js';

/** One fact of a page and whether the spec states it. */
export interface FactResult {
  line: number;
  /** The field as the spec names it (`restrictions/name`), or as the page offers it when nothing matched. */
  field: string;
  kind: PageFact['kind'];
  value: PageFact['value'];
  /** Why the spec does not match; absent when it does. */
  problem?: string;
  /** `file:line` of the spec node compared with. */
  spec?: string;
}

export function readPage(layout: DocsMapPage['layout'], text: string): PageReading {
  if (layout === 'mintlify') return readMintlifyPage(text);
  if (layout === 'docusaurus-schema') return readDocusaurusSchemaPage(text);
  return readDocusaurusOperationPage(text);
}

/** Gives unlabelled facts the property paths the docs map lists, checking each against the object it sits in. */
export function labelFacts(facts: PageFact[], entry: DocsMapPage): { facts: PageFact[]; diagnostics: Diagnostic[] } {
  const names = entry.unlabelled ?? [];
  const count = new Set(facts.flatMap((fact) => (fact.unlabelled === undefined ? [] : [fact.unlabelled.index]))).size;
  const problem = (message: string) =>
    createDiagnostic({
      code: 'docs-unlabelled-mismatch',
      message,
      file: entry.origin.file,
      pointer: entry.origin.pointer,
      line: entry.origin.line,
      column: entry.origin.column,
    });
  if (count !== names.length) {
    return { facts: [], diagnostics: [problem(`${entry.page} has ${count} unlabelled fact lines; the map names ${names.length}`)] };
  }
  const diagnostics: Diagnostic[] = [];
  const labelled = facts.map((fact) => {
    if (fact.unlabelled === undefined) return fact;
    const path = (names[fact.unlabelled.index] ?? '').split('/');
    const { scope } = fact.unlabelled;
    const fits = scope === '' ? path.length === 1 : path.length > 1 && path[0] === scope;
    if (!fits)
      diagnostics.push(
        problem(`${entry.page}:${fact.line} sits in ${scope === '' ? 'the body root' : scope}; the map puts it at ${path.join('/')}`),
      );
    return { ...fact, field: path.map((name) => ({ names: [name] })) };
  });
  return { facts: labelled, diagnostics };
}

/** Compares every fact of a page with the spec. */
export function compareFacts(facts: PageFact[], entry: DocsMapPage, view: SpecView): FactResult[] {
  return facts.map((fact) => {
    const located = locate(fact, entry, view);
    const base = { line: fact.line, kind: fact.kind, value: fact.value };
    if ('problem' in located) return { ...base, field: fieldPath(fact.field), problem: located.problem };
    const { node, names } = located;
    const problem = compareFact(fact, node, view);
    const spec = node.origin === undefined ? undefined : `${node.origin.file}:${node.origin.line}`;
    return { ...base, field: names.join('/'), ...(problem === undefined ? {} : { problem }), ...(spec === undefined ? {} : { spec }) };
  });
}

type Found = { node: SpecNode; names: string[] } | { problem: string };

/** Follows the fact's field from the root of its part of the spec. */
function locate(fact: PageFact, entry: DocsMapPage, view: SpecView): Found {
  let located: Located =
    entry.schema !== undefined
      ? view.schemaRoot(entry.schema)
      : view.operationRoot(entry.operation ?? '', fact.section === 'schema' ? 'body' : fact.section, fact.status);
  const names: string[] = [];
  for (const step of fact.field) {
    if ('problem' in located) return located;
    located = view.child(located.node, step);
    if ('node' in located) names.push(located.name ?? '');
  }
  return 'problem' in located ? located : { node: located.node, names };
}
