// What a generated package exports of its runtime, at its root and at `./runtime`: the errors its
// functions throw, the webhook signature check, and the types its declarations name. The package's
// runtime.d.ts is generated from this entry (scripts/build-runtime.mjs).
export { ValidationError } from './validation.js';
export { ClientError, NetworkError, ResponseValidationError, TimeoutError, UnexpectedStatusError } from './errors.js';
export { verifySignature } from './webhooks.js';
export type * from './types.js';
