import { NameRegistry, toIdentifier } from '../../ir/names.js';
import type { ApiModel, OperationNode } from '../../ir/types.js';

/** The runtime's client errors (templates/runtime/errors.js), which the client module re-exports. */
export const clientErrors = ['ClientError', 'UnexpectedStatusError', 'NetworkError', 'TimeoutError', 'ResponseValidationError'] as const;

/** Names the client module exports besides the operations: the factories and the errors. */
export const clientExports = ['createClient', 'createClientCore', ...clientErrors] as const;

/**
 * The function (and method) name of each operation: its operationId as an identifier, unique in the
 * package, never one of the names the index exports from elsewhere (a package re-exports the client,
 * the validators and the enum value lists side by side, and ES modules drop a name two `export *` share).
 */
export function operationFunctionNames(model: ApiModel, taken: Iterable<string>): Map<OperationNode, string> {
  const used = NameRegistry.taking([...clientExports, ...taken]);
  const names = new Map<OperationNode, string>();
  for (const operation of model.operations) {
    const base = toIdentifier(operation.id);
    names.set(operation, used.claim(used.has(base) ? `${base}Operation` : base));
  }
  return names;
}
