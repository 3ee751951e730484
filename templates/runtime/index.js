// The runtime a generated package ships, as one module: esbuild bundles this entry into the package's
// runtime.js and runtime.cjs (scripts/build-runtime.mjs). The package's validator and client modules import
// what they call from it; a bundler that builds an application from the package keeps only what it reaches.
// public.ts names the part a package exports to its users; the rest is for the package's own modules.
export * from './checks.js';
export { ValidationError, createAssert, createIs, createStandardSchema, createValidator } from './validation.js';
export { callOperation, createCore } from './client.js';
export { ClientError, NetworkError, ResponseValidationError, TimeoutError, UnexpectedStatusError } from './errors.js';
export { receiveWebhook, verifySignature } from './webhooks.js';
