import equal from 'fast-deep-equal';
import { compareStrings } from '../diagnostics/diagnostic.js';
import { packageVersion } from '../util/versions.js';
import type { ApiModel, NamedSchema, OperationNode } from '../ir/types.js';
import { escapePointerToken, getAtPointer, parsePointer } from '../util/json-pointer.js';
import type { SeverityOverrides } from '../shared/change-catalog.js';
import { ChangeLog, placeOf, type Change, type Place } from './change-log.js';
import { bumpRank, severityRank, type Bump } from '../shared/change-catalog.js';
import { sideOf, type PlacePair, type Side } from './compare-context.js';
import { compareDocumentation } from './compare-documentation.js';
import { compareOperation, operationLabel } from './compare-operation.js';
import { compareSchema } from './compare-schema.js';
import { compareServers } from './compare-servers.js';
import { breakingAllowed, lifecycleChanges, removalOf } from './lifecycle.js';
import { compareWebhooks } from './compare-webhooks.js';
import type { KeywordLocator } from './keyword-places.js';

export interface ModelDiff {
  /** Every change whose check is not turned off: most severe first, then by place in the new version. */
  changes: Change[];
  /** Changes of checks turned `off`: not reported, but counted for the package's version. */
  hidden: Change[];
  /** Some change has severity `error`. */
  breaking: boolean;
  /** The release the generated package needs, or `none` when nothing changed. */
  bump: Bump | 'none';
}

/** Two versions of a spec, as models, compared from a client's side. */
export function diffModels({
  old,
  new: next,
  severity = {},
  files = { old: old.source, new: next.source },
  locate = { old: undefined, new: undefined },
}: {
  old: ApiModel;
  new: ApiModel;
  severity?: SeverityOverrides;
  /** The entry files as shown, for changes with no node of their own to point at. @default each model's `source` */
  files?: Files;
  /** Finds a keyword's line in each version (the loaded documents' positions); without it, changes are at their nodes. */
  locate?: KeywordLocator;
}): ModelDiff {
  const log = new ChangeLog(severity, locate);
  const sides = { old: sideOf(old), new: sideOf(next) };
  // Schemas the stable operations compared are not compared again; those only draft/alpha operations
  // reached are (by webhooks, at their own severity), and count as reached for the components.
  const { visited, reachedRelaxed } = compareOperations({ sides, log, files });
  compareWebhooks({ sides, log, visited, root: { old: rootPlace(files.old, '/webhooks'), new: rootPlace(files.new, '/webhooks') } });
  compareServers({
    old: old.servers,
    new: next.servers,
    log,
    at: (side, index) => rootPlace(files[side], index === undefined || index < 0 ? '/servers' : `/servers/${index}`),
  });
  compareComponents({ sides, log, files, visited, reached: new Set([...visited, ...reachedRelaxed]) });
  compareInfo({ old, new: next, log, files });
  if (log.changes.length === 0 && log.hidden.length === 0 && !equal(old.shipped.document, next.shipped.document)) {
    log.add({
      id: 'unclassified-change',
      message: 'the documents differ, in parts no check reads (tags, links, examples, extensions...)',
      old: rootPlace(files.old),
      new: rootPlace(files.new),
    });
  }
  const changes = sortChanges(log.changes);
  const breaking = changes.some((change) => change.severity === 'error');
  const all = [...changes, ...log.hidden];
  const bump = all.length === 0 ? 'none' : all.map((change) => change.bump).sort((a, b) => bumpRank[a] - bumpRank[b])[0]!;
  return { changes, hidden: log.hidden, breaking, bump };
}

type Files = { old: string; new: string };
const rootPlace = (file: string, pointer = ''): Place => ({ file, pointer, line: 0, column: 0 });
const operationPlace = (operation: OperationNode, file: string) =>
  placeOf(operation.origin, rootPlace(file, `/paths/${escapePointerToken(operation.path)}/${operation.method}`));

/** The route an operation answers: its method and path template, with parameter names left out (`/a/{}`). */
const routeOf = (operation: OperationNode) => `${operation.method} ${operation.path.replace(/\{[^}]*\}/g, '{}')}`;

/**
 * Operations are paired by route, then the ones left by operationId (an operation that moved). What is
 * left after both is added or removed.
 */
function compareOperations({ sides, log, files }: { sides: { old: Side; new: Side }; log: ChangeLog; files: Files }): {
  visited: Set<string>;
  reachedRelaxed: Set<string>;
} {
  const visited = new Set<string>();
  const reachedOnlyRelaxed = new Set<string>();
  // A route may be written twice (`/pets/{id}` and `/pets/{name}`, which OpenAPI 3.1 §4.8.8.2 forbids):
  // such operations pair in order, so a spec compared with itself is no change.
  const byRoute = new Map<string, OperationNode[]>();
  for (const operation of sides.new.model.operations)
    byRoute.set(routeOf(operation), [...(byRoute.get(routeOf(operation)) ?? []), operation]);
  const unmatched = new Set(sides.new.model.operations);
  const leftOver: OperationNode[] = [];
  const pairs: [OperationNode, OperationNode][] = [];
  for (const operation of sides.old.model.operations) {
    const partner = byRoute.get(routeOf(operation))?.find((candidate) => unmatched.has(candidate));
    if (partner === undefined) leftOver.push(operation);
    else {
      unmatched.delete(partner);
      pairs.push([operation, partner]);
    }
  }
  for (const operation of leftOver) {
    const partner = [...unmatched].find((candidate) => candidate.id === operation.id);
    const at = {
      old: operationPlace(operation, files.old),
      new: partner === undefined ? rootPlace(files.new, '/paths') : operationPlace(partner, files.new),
    };
    if (partner === undefined) {
      const removal = removalOf(operation);
      log.add({
        id: removal === 'without-deprecation' ? 'operation-removed' : `operation-removed-${removal}`,
        message: removal === 'before-sunset' ? `x-sunset ${operation.sunset}` : '',
        operation: operationLabel(operation),
        values: { old: routeOf(operation) },
        ...at,
      });
      continue;
    }
    unmatched.delete(partner);
    const moved = operation.method !== partner.method ? 'operation-method-changed' : 'operation-path-changed';
    log.add({
      id: moved,
      message: `${routeOf(operation)} -> ${routeOf(partner)}`,
      operation: operationLabel(partner),
      values: { old: routeOf(operation), new: routeOf(partner) },
      ...at,
    });
    pairs.push([operation, partner]);
  }
  for (const [before, after] of pairs) {
    const at = { old: operationPlace(before, files.old), new: operationPlace(after, files.new) };
    if (before.id !== after.id)
      log.add({
        id: 'operation-id-changed',
        message: `operationId ${before.id} -> ${after.id}`,
        operation: operationLabel(after),
        keyword: 'operationId',
        values: { old: before.id, new: after.id },
        ...at,
      });
    compareLifecycle({ old: before, new: after, log, at });
    // Breaking changes to a draft or alpha operation are allowed: reported as info, and shared schemas are
    // compared again for the operations that are held to them.
    const relaxed = breakingAllowed(before.stability);
    const compared = relaxed ? new Set<string>() : visited;
    compareOperation({
      pair: { old: before, new: after, at },
      sides,
      log: relaxed ? log.relaxed(`x-stability-level: ${before.stability}`) : log,
      visited: compared,
    });
    if (relaxed) for (const key of compared) reachedOnlyRelaxed.add(key);
  }
  for (const operation of unmatched)
    log.add({
      id: 'operation-added',
      message: '',
      operation: operationLabel(operation),
      values: { new: routeOf(operation) },
      old: rootPlace(files.old, '/paths'),
      new: operationPlace(operation, files.new),
    });
  return { visited, reachedRelaxed: reachedOnlyRelaxed };
}

/** x-stability-level and x-sunset changes of a pair of operations (lifecycle.ts). */
function compareLifecycle({ old, new: next, log, at }: { old: OperationNode; new: OperationNode; log: ChangeLog; at: PlacePair }): void {
  for (const change of lifecycleChanges(old, next))
    log.add({
      id: `operation-${change.check}`,
      message: `${change.keyword} ${String(change.values.old ?? 'none')} -> ${String(change.values.new ?? 'none')}`,
      operation: operationLabel(next),
      keyword: change.keyword,
      values: change.values,
      ...at,
    });
}

/**
 * Component schemas added or removed change the package's exports. A component that no operation reaches
 * is still compared (its type and validator are exported), in both directions, as changes that break no call.
 */
function compareComponents({
  sides,
  log,
  files,
  visited,
  reached: reachedKeys,
}: {
  sides: { old: Side; new: Side };
  log: ChangeLog;
  files: Files;
  /** The named-schema pairs compared so far (compareSchema's keys). */
  visited: Set<string>;
  /** Those and the pairs only draft/alpha operations compared: every pair some operation reaches. */
  reached: Set<string>;
}): void {
  const before = new Map(sides.old.model.schemas.map((schema) => [schema.specName, schema]));
  const after = new Map(sides.new.model.schemas.map((schema) => [schema.specName, schema]));
  const componentsPlace = (file: string) => rootPlace(file, '/components/schemas');
  for (const [name, schema] of after)
    if (!before.has(name))
      log.add({
        id: 'schema-added',
        message: `schema ${name}`,
        schema: name,
        old: componentsPlace(files.old),
        new: placeOf(schema.schema.meta.origin, componentsPlace(files.new)),
      });
  for (const [name, schema] of before)
    if (!after.has(name))
      log.add({
        id: 'schema-removed',
        message: `schema ${name}`,
        schema: name,
        old: placeOf(schema.schema.meta.origin, componentsPlace(files.old)),
        new: componentsPlace(files.new),
      });
  const reached = new Set([...reachedKeys].map((key) => key.split('\u0000')[1]));
  const unused = log.outsideOperations();
  for (const [name, schema] of before) {
    const partner = after.get(name);
    if (partner === undefined || reached.has(name) || writtenAlike(sides, schema, partner)) continue;
    const at = {
      old: placeOf(schema.schema.meta.origin, componentsPlace(files.old)),
      new: placeOf(partner.schema.meta.origin, componentsPlace(files.new)),
    };
    for (const direction of ['request', 'response'] as const)
      compareSchema({ direction, ...sides, log: unused, visited, location: name, schema: name }, schema.schema, partner.schema, at);
  }
}

/**
 * True when both versions write a component schema the same way, under the same reading of OpenAPI (3.0
 * and 3.1 read `nullable` differently): nothing in it changed, and what it references is a component of
 * its own, compared on its own.
 */
function writtenAlike(sides: { old: Side; new: Side }, old: NamedSchema, next: NamedSchema): boolean {
  const written = (side: Side, schema: NamedSchema) => {
    const pointer = schema.schema.meta.origin?.shipped?.pointer;
    const tokens = pointer === undefined ? undefined : parsePointer(pointer);
    return tokens === undefined ? undefined : getAtPointer(side.model.shipped.document, tokens);
  };
  const before = written(sides.old, old);
  if (before === undefined || sides.old.model.openapi.slice(0, 3) !== sides.new.model.openapi.slice(0, 3)) return false;
  return equal(before, written(sides.new, next));
}

function compareInfo({ old, new: next, log, files }: { old: ApiModel; new: ApiModel; log: ChangeLog; files: Files }): void {
  const at = { old: rootPlace(files.old, '/info'), new: rootPlace(files.new, '/info') };
  compareDocumentation(log, {
    old: { title: old.info.title, description: old.info.description },
    new: { title: next.info.title, description: next.info.description },
    at,
  });
  if (old.info.version !== next.info.version)
    log.add({
      id: 'api-version-changed',
      message: `info.version ${old.info.version} -> ${next.info.version}`,
      keyword: 'version',
      values: { old: old.info.version, new: next.info.version },
      ...at,
    });
  const majorOf = (version: string) => Number(packageVersion(version).split('.')[0]);
  if (log.changes.some((change) => change.severity === 'error') && majorOf(next.info.version) <= majorOf(old.info.version))
    log.add({
      id: 'api-version-not-bumped',
      message: `breaking changes, but info.version ${old.info.version} -> ${next.info.version} keeps its major`,
      keyword: 'version',
      values: { old: old.info.version, new: next.info.version },
      ...at,
    });
}

function sortChanges(changes: Change[]): Change[] {
  const placeKey = (change: Change) => change.new ?? change.old!;
  return [...changes].sort(
    (a, b) =>
      severityRank[a.severity] - severityRank[b.severity] ||
      compareStrings(placeKey(a).file, placeKey(b).file) ||
      placeKey(a).line - placeKey(b).line ||
      compareStrings(placeKey(a).pointer, placeKey(b).pointer) ||
      compareStrings(a.id, b.id) ||
      compareStrings(a.message, b.message),
  );
}
