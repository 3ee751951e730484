import path from 'node:path';
import { createDiagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { lintOpenApiSchema } from './lint-openapi-schema.js';
import { lintOperations } from './lint-operations.js';
import { lintSchemaKeywords, type KeywordTypoSeverity } from './lint-schema-keywords.js';
import { lintVersion, type OpenApiMinor } from './lint-version.js';
import { inlineExternalRefs, withoutCycles } from './inline-external.js';
import type { OpenApiSchemas } from './openapi-schema.js';
import { OriginIndex } from './origins.js';
import { isRef, parseRef, Resolver } from './resolver.js';
import { readSourceFile, type ReadText, type SourceFile } from './source-set.js';
import { scanStructure, type RefSite } from './walk-refs.js';

/** A checked OpenAPI document and every file it references, with positions for every node. */
export interface LoadedDocument {
  minor: OpenApiMinor;
  /** The `openapi` field as written. */
  openapi: string;
  root: SourceFile;
  document: Record<string, unknown>;
  resolver: Resolver;
  /** The objects whose `$ref` is a reference (not data inside an example), in every file. */
  refHolders: ReadonlySet<object>;
  /** The objects that say where their facts come from (`x-source`), file by file in document order. */
  sourceHolders: readonly Record<string, unknown>[];
}

export type LoadResult = { ok: true; loaded: LoadedDocument; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

export interface LoadOptions {
  /** Path of the entry file. */
  entry: string;
  /** Paths in diagnostics and JSDoc are shown relative to it. @default process.cwd() */
  root?: string;
  /** Reuse compiled OpenAPI schemas across loads of one run. */
  schemas?: OpenApiSchemas;
  /**
   * Check the document against the OpenAPI schema of its version. Compiling that schema takes about
   * 0.2 s, so a command that only reads a spec to validate values against it may skip it.
   * @default true
   */
  lintOpenApiSchema?: boolean;
  /** How a near-miss of a Schema Object keyword is reported in a 3.1 document (lint-schema-keywords.ts). @default 'error' */
  schemaKeywordTypos?: KeywordTypoSeverity;
  /** How files are read (by absolute path). @default the file system */
  readText?: ReadText;
  /** Read an OpenAPI 3.2 document as 3.1, with a warning (`diff` compares such pairs). @default false */
  newerAs31?: boolean;
}

/** Reads, parses, bundles and checks a document; every problem found is reported, none thrown. */
export async function loadDocument(options: LoadOptions): Promise<LoadResult> {
  const root = path.resolve(options.root ?? process.cwd());
  const origins = new OriginIndex();
  const entry = path.resolve(root, options.entry);
  const first = await readSourceFile({ absolutePath: entry, root, origins, readText: options.readText });
  if (first.file === undefined) return { ok: false, diagnostics: first.diagnostics };
  const version = lintVersion({ document: first.file.value, file: first.file.displayPath, origins, newerAs31: options.newerAs31 === true });
  if (version.minor === undefined) return { ok: false, diagnostics: version.diagnostics };
  // The 3.1 schema would refuse what a newer document adds.
  const lintSchema = options.lintOpenApiSchema !== false && version.newer !== true;

  const {
    files,
    sites,
    sourceHolders,
    diagnostics: loadDiagnostics,
  } = await loadReferencedFiles({
    rootFile: first.file,
    root,
    origins,
    readText: options.readText,
  });
  const diagnostics = [...version.diagnostics, ...loadDiagnostics];
  const displayToAbsolute = new Map([...files.values()].map((file) => [file.displayPath, file.absolutePath]));
  const resolver = new Resolver(files, origins, displayToAbsolute);
  diagnostics.push(...checkRefs({ files, sites, resolver, origins }));
  const document = first.file.value as Record<string, unknown>;
  const file = first.file.displayPath;
  // Fragments in other files are checked where they are used, by validating a view with them inlined.
  const refHolders = new Set([...sites.values()].flat().map((site) => site.holder));
  if (lintSchema) {
    const view = files.size === 1 ? document : inlineExternalRefs({ document, refHolders, resolver, origins });
    const checked = [...files.values()].some((loaded) => loaded.syntax === 'yaml') ? withoutCycles(view, origins) : view;
    // Loaded on demand: AJV and the OpenAPI schemas are most of what a command that skips the check would import.
    const schemas = options.schemas ?? new (await import('./openapi-schema.js')).OpenApiSchemas();
    diagnostics.push(...lintOpenApiSchema({ document: checked, minor: version.minor, file, origins, schemas }));
  }
  diagnostics.push(...lintOperations({ document, resolver, file }));
  if (version.minor === '3.1' && lintSchema)
    diagnostics.push(
      ...lintSchemaKeywords({ document, resolver, origins, ...(options.schemaKeywordTypos ? { typos: options.schemaKeywordTypos } : {}) }),
    );
  const unique = dedupe(diagnostics);
  const errors = unique.filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length > 0) return { ok: false, diagnostics: sortDiagnostics(unique) };
  const loaded: LoadedDocument = {
    minor: version.minor,
    openapi: String(document.openapi),
    root: first.file,
    document,
    resolver,
    refHolders,
    sourceHolders,
  };
  return { ok: true, loaded, diagnostics: sortDiagnostics(unique) };
}

/** Breadth-first over `$ref`s to other files, so that resolution afterwards is synchronous. */
async function loadReferencedFiles({
  rootFile,
  root,
  origins,
  readText,
}: {
  rootFile: SourceFile;
  root: string;
  origins: OriginIndex;
  readText: ReadText | undefined;
}) {
  const files = new Map<string, SourceFile>([[rootFile.absolutePath, rootFile]]);
  const failed = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  const sites = new Map<SourceFile, RefSite[]>();
  const sourceHolders: Record<string, unknown>[] = [];
  const queue: SourceFile[] = [rootFile];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    const scanned = scanStructure(file.value);
    const fileSites = scanned.sites;
    sites.set(file, fileSites);
    sourceHolders.push(...scanned.sourceHolders);
    for (const site of fileSites) {
      const target = parseRef(site.ref, file.absolutePath);
      if (target === undefined || files.has(target.absolutePath) || failed.has(target.absolutePath)) continue;
      const read = await readSourceFile({ absolutePath: target.absolutePath, root, origins, readText });
      if (read.file === undefined) {
        failed.add(target.absolutePath);
        // A missing file is reported once per `$ref` by checkRefs; syntax errors inside it are reported here.
        diagnostics.push(...read.diagnostics.filter((diagnostic) => diagnostic.code !== 'file-unreadable'));
        continue;
      }
      files.set(target.absolutePath, read.file);
      queue.push(read.file);
    }
  }
  return { files, sites, sourceHolders, diagnostics };
}

function checkRefs({
  files,
  sites,
  resolver,
  origins,
}: {
  files: Map<string, SourceFile>;
  sites: Map<SourceFile, RefSite[]>;
  resolver: Resolver;
  origins: OriginIndex;
}): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const [file, fileSites] of sites) {
    for (const site of fileSites) {
      const origin = origins.ofChild(site.holder, '$ref');
      const where = { file: file.displayPath, pointer: origin?.pointer ?? '', line: origin?.line, column: origin?.column };
      const target = parseRef(site.ref, file.absolutePath);
      if (target === undefined) {
        diagnostics.push(
          createDiagnostic({
            code: 'ref-unresolved',
            message: `cannot resolve ${JSON.stringify(site.ref)}: only local and relative file references are supported`,
            ...where,
          }),
        );
        continue;
      }
      if (!files.has(target.absolutePath)) {
        diagnostics.push(
          createDiagnostic({ code: 'ref-unresolved', message: `${JSON.stringify(site.ref)}: the file it names cannot be read`, ...where }),
        );
        continue;
      }
      const resolved = resolver.resolveOnce(site.holder);
      if (resolved === undefined) {
        diagnostics.push(createDiagnostic({ code: 'ref-unresolved', message: `${JSON.stringify(site.ref)} points at nothing`, ...where }));
      } else if (isRef(resolved.value) && resolver.deref(site.holder) === undefined) {
        diagnostics.push(
          createDiagnostic({
            code: 'ref-cycle',
            message: `${JSON.stringify(site.ref)} is a chain of references that never reaches an object`,
            ...where,
          }),
        );
      }
    }
  }
  return diagnostics;
}

function dedupe(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((diagnostic) => {
    const key = [diagnostic.code, diagnostic.file, diagnostic.pointer, diagnostic.message].join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
