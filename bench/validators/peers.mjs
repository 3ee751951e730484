// The peers of the validator benchmark, each written to the same constraints as the curated specs:
// AJV compiled at run time (from specsmith's lowered JSON Schema, with ajv-formats in full mode), zod 4
// and valibot. Where a library cannot say a constraint the way the spec means it (code-point lengths,
// RFC 3339 details), it uses its own notion; run.mjs records where each one disagrees with the spec.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import * as v from 'valibot';
import { z } from 'zod';
import { collectValidators } from '../../generator/dist/emit/validators/validator-set.js';
import { parseDocument } from '../../generator/dist/ir/parse-document.js';
import { loadDocument } from '../../generator/dist/load/load-document.js';
import { formats } from '../../templates/runtime/checks.js';
import * as enfuce from '../../generated/enfuce/index.js';
import * as paysafe from '../../generated/paysafe/index.js';

const addFormats = addFormatsModule.default ?? addFormatsModule;

/** AJV as a user would run it: Ajv2020 + ajv-formats (full), compiling specsmith's lowered schema at start-up. */
export async function ajvValidators(spec, names) {
  const loaded = await loadDocument({ entry: spec });
  const model = parseDocument(loaded.loaded);
  const set = collectValidators(model, new Map(Object.entries(formats).map(([name, definition]) => [name, definition.type])));
  const compile = (allErrors) => {
    const ajv = new Ajv2020({ allErrors, strict: false, allowUnionTypes: true });
    addFormats(ajv, { mode: 'full' });
    ajv.addSchema({ $id: 'bench', $defs: set.defs });
    return Object.fromEntries(names.map((name) => [name, ajv.getSchema(`bench#/$defs/${name}`)]));
  };
  return { first: compile(false), all: compile(true) };
}

const personName = /^[\p{Script=Latin} '-]*$/u;
const alpha2 = paysafe.CountryAlpha2Values;

const zodRestriction = z.object({
  name: z.enum(paysafe.RestrictionNameValues),
  reason: z.enum(paysafe.RestrictionReasonValues),
  requiredActions: z.array(z.enum(paysafe.RequiredActionValues)).optional(),
  creationTime: z.iso.datetime({ offset: true }).optional(),
  id: z.string().max(36),
});
const zodAccount = z.object({
  id: z.string().max(20).optional(),
  customerId: z.string().max(20).optional(),
  externalId: z.string().max(40).optional(),
  currencyCode: z.string().length(3),
  totalBalance: z.int().optional(),
  availableBalance: z.int().optional(),
  virtualInstrument: z
    .array(z.object({ instrumentType: z.enum(paysafe.VirtualInstrumentTypeValues), status: z.literal('ACTIVE').optional() }))
    .optional(),
  virtualAccountAssignmentStatus: z
    .array(
      z.object({
        instrumentType: z.enum(paysafe.VirtualInstrumentTypeValues),
        requestDate: z.iso.datetime({ offset: true }),
        lastChangeDate: z.iso.datetime({ offset: true }).optional(),
        status: z.enum(['ACCEPTED', 'PENDING', 'COMPLETED', 'REJECTED', 'FAILED']),
        statusReason: z.string().optional(),
      }),
    )
    .optional(),
  creationTime: z.iso.datetime({ offset: true }).optional(),
  hasVirtualInstrument: z.boolean().optional(),
  virtualAccountAssignment: z.boolean().optional(),
});
const zodCustomerPerson = z.object({
  id: z.string().max(20).optional(),
  externalId: z.string().min(1).max(40),
  type: z.enum(paysafe.CustomerTypeValues).optional(),
  email: z.string().max(150),
  mobile: z.string().max(50).optional(),
  registrationIp: z.ipv4(),
  registrationDate: z.iso.datetime({ offset: true }).optional(),
  restrictions: z.array(zodRestriction).optional(),
  accounts: z.array(zodAccount).optional(),
  firstName: z.string().max(50).regex(personName),
  lastName: z.string().max(50).regex(personName),
  title: z.string().max(15).optional(),
  address1: z.string().max(200),
  address2: z.string().max(200).optional(),
  city: z.string().max(100),
  zip: z.string().max(30),
  state: z.string().max(2).optional(),
  countryCode: z.enum(alpha2),
  birthDate: z.iso.date(),
  nationality: z.enum(alpha2).optional(),
  occupation: z.enum(paysafe.OccupationValues),
  vulnerabilities: z.array(z.enum(paysafe.VulnerabilityValues)).optional(),
  additionalAttributes: z.record(z.string(), z.string()).optional(),
});

const zodAddress = z.strictObject({
  address1: z.string(),
  address2: z.string().optional(),
  address3: z.string().optional(),
  address4: z.string().optional(),
  city: z.string(),
  country: z.enum(enfuce.CountryAlpha3Values),
  region: z.string().optional(),
  zipCode: z.string(),
});
const phone = /^\+[0-9]+$/u;
const zodPrivateCustomer = z.strictObject({
  firstName: z.string().max(255),
  lastName: z.string().max(255),
  customerNumber: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9]+$/u),
  locale: z.enum(enfuce.LocaleValues),
  regNo: z.string().max(64),
  address: zodAddress,
  salutation: z.string().max(32).optional(),
  middleName: z.string().max(255).optional(),
  dateOfBirth: z.iso.date().optional(),
  nationality: z.array(z.union([z.enum(enfuce.CountryAlpha3Values), z.enum(['QZZ', 'ROM'])])).optional(),
  riskScore: z.enum(enfuce.RiskScoreValues).optional(),
  email: z.string().max(255).optional(),
  phoneNumber: z.string().regex(phone).optional(),
  mobileNumber: z.string().regex(phone).optional(),
  screening: z.strictObject({ status: z.boolean().optional() }).optional(),
  temporaryAddress: zodAddress.optional(),
  additionalValues: z
    .array(z.strictObject({ key: z.string().optional(), value: z.string().optional() }))
    .max(10)
    .optional(),
  birthCountry: z.enum(enfuce.CountryAlpha3Values).optional(),
});

export const zodValidators = {
  CustomerPerson: (value) => zodCustomerPerson.safeParse(value).success,
  PrivateCustomer: (value) => zodPrivateCustomer.safeParse(value).success,
};

const vText = (max) => v.pipe(v.string(), v.maxLength(max));
const vDateTime = v.pipe(v.string(), v.isoTimestamp());
const valibotCustomerPerson = v.object({
  id: v.optional(vText(20)),
  externalId: v.pipe(v.string(), v.minLength(1), v.maxLength(40)),
  type: v.optional(v.picklist(paysafe.CustomerTypeValues)),
  email: vText(150),
  mobile: v.optional(vText(50)),
  registrationIp: v.pipe(v.string(), v.ipv4()),
  registrationDate: v.optional(vDateTime),
  restrictions: v.optional(
    v.array(
      v.object({
        name: v.picklist(paysafe.RestrictionNameValues),
        reason: v.picklist(paysafe.RestrictionReasonValues),
        requiredActions: v.optional(v.array(v.picklist(paysafe.RequiredActionValues))),
        creationTime: v.optional(vDateTime),
        id: vText(36),
      }),
    ),
  ),
  accounts: v.optional(
    v.array(
      v.object({
        id: v.optional(vText(20)),
        customerId: v.optional(vText(20)),
        externalId: v.optional(vText(40)),
        currencyCode: v.pipe(v.string(), v.length(3)),
        totalBalance: v.optional(v.pipe(v.number(), v.integer())),
        availableBalance: v.optional(v.pipe(v.number(), v.integer())),
        virtualInstrument: v.optional(
          v.array(v.object({ instrumentType: v.picklist(paysafe.VirtualInstrumentTypeValues), status: v.optional(v.literal('ACTIVE')) })),
        ),
        virtualAccountAssignmentStatus: v.optional(
          v.array(
            v.object({
              instrumentType: v.picklist(paysafe.VirtualInstrumentTypeValues),
              requestDate: vDateTime,
              lastChangeDate: v.optional(vDateTime),
              status: v.picklist(['ACCEPTED', 'PENDING', 'COMPLETED', 'REJECTED', 'FAILED']),
              statusReason: v.optional(v.string()),
            }),
          ),
        ),
        creationTime: v.optional(vDateTime),
        hasVirtualInstrument: v.optional(v.boolean()),
        virtualAccountAssignment: v.optional(v.boolean()),
      }),
    ),
  ),
  firstName: v.pipe(v.string(), v.maxLength(50), v.regex(personName)),
  lastName: v.pipe(v.string(), v.maxLength(50), v.regex(personName)),
  title: v.optional(vText(15)),
  address1: vText(200),
  address2: v.optional(vText(200)),
  city: vText(100),
  zip: vText(30),
  state: v.optional(vText(2)),
  countryCode: v.picklist(alpha2),
  birthDate: v.pipe(v.string(), v.isoDate()),
  nationality: v.optional(v.picklist(alpha2)),
  occupation: v.picklist(paysafe.OccupationValues),
  vulnerabilities: v.optional(v.array(v.picklist(paysafe.VulnerabilityValues))),
  additionalAttributes: v.optional(v.record(v.string(), v.string())),
});

const valibotAddress = v.strictObject({
  address1: v.string(),
  address2: v.optional(v.string()),
  address3: v.optional(v.string()),
  address4: v.optional(v.string()),
  city: v.string(),
  country: v.picklist(enfuce.CountryAlpha3Values),
  region: v.optional(v.string()),
  zipCode: v.string(),
});
const valibotPrivateCustomer = v.strictObject({
  firstName: vText(255),
  lastName: vText(255),
  customerNumber: v.pipe(v.string(), v.minLength(1), v.maxLength(64), v.regex(/^[A-Za-z0-9]+$/u)),
  locale: v.picklist(enfuce.LocaleValues),
  regNo: vText(64),
  address: valibotAddress,
  salutation: v.optional(vText(32)),
  middleName: v.optional(vText(255)),
  dateOfBirth: v.optional(v.pipe(v.string(), v.isoDate())),
  nationality: v.optional(v.array(v.picklist([...enfuce.CountryAlpha3Values, 'QZZ', 'ROM']))),
  riskScore: v.optional(v.picklist(enfuce.RiskScoreValues)),
  email: v.optional(vText(255)),
  phoneNumber: v.optional(v.pipe(v.string(), v.regex(phone))),
  mobileNumber: v.optional(v.pipe(v.string(), v.regex(phone))),
  screening: v.optional(v.strictObject({ status: v.optional(v.boolean()) })),
  temporaryAddress: v.optional(valibotAddress),
  additionalValues: v.optional(
    v.pipe(v.array(v.strictObject({ key: v.optional(v.string()), value: v.optional(v.string()) })), v.maxLength(10)),
  ),
  birthCountry: v.optional(v.picklist(enfuce.CountryAlpha3Values)),
});

export const valibotValidators = {
  CustomerPerson: (value) => v.safeParse(valibotCustomerPerson, value, { abortEarly: true }).success,
  PrivateCustomer: (value) => v.safeParse(valibotPrivateCustomer, value, { abortEarly: true }).success,
};
