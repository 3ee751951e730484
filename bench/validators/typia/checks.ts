// typia's ahead-of-time checks of the curated types, for the validator benchmark. typia reads the
// constraints from the generated declarations' JSDoc (`@maxLength`, `@pattern`, `@format`); run.mjs
// transforms this file with `typia generate` and compiles it before measuring.
import typia from 'typia';
import type { PrivateCustomer } from '../../../generated/enfuce/index.js';
import type { CustomerPerson } from '../../../generated/paysafe/index.js';

export const isCustomerPerson = typia.createIs<CustomerPerson>();
export const isPrivateCustomer = typia.createIs<PrivateCustomer>();
