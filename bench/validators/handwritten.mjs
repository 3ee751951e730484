// Straight-line hand-written checks of the same constraints as the curated specs: the reference every
// validator is measured against (a ratio of 1 means as fast as this). Formats use the generated packages'
// own runtime (templates/runtime/checks.js), so the reference is as correct as specsmith.
import { formats, ucs2length } from '../../templates/runtime/checks.js';
import * as enfuce from '../../generated/enfuce/index.js';
import * as paysafe from '../../generated/paysafe/index.js';

const set = (values) => new Set(values);
const enums = {
  customerType: set(paysafe.CustomerTypeValues),
  occupation: set(paysafe.OccupationValues),
  vulnerability: set(paysafe.VulnerabilityValues),
  restrictionName: set(paysafe.RestrictionNameValues),
  restrictionReason: set(paysafe.RestrictionReasonValues),
  requiredAction: set(paysafe.RequiredActionValues),
  instrumentType: set(paysafe.VirtualInstrumentTypeValues),
  alpha2: set(paysafe.CountryAlpha2Values),
  assignmentStatus: set(['ACCEPTED', 'PENDING', 'COMPLETED', 'REJECTED', 'FAILED']),
  locale: set(enfuce.LocaleValues),
  riskScore: set(enfuce.RiskScoreValues),
  alpha3: set(enfuce.CountryAlpha3Values),
};
const isDate = formats.date.validate;
const isDateTime = formats['date-time'].validate;
const isIpv4 = formats.ipv4.validate;
const personName = /^[\p{Script=Latin} '-]*$/u;

const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value, max, min = 0) =>
  typeof value === 'string' && (value.length <= max || ucs2length(value) <= max) && (min === 0 || ucs2length(value) >= min);
const optionalText = (value, max) => value === undefined || text(value, max);
const optionalDateTime = (value) => value === undefined || (typeof value === 'string' && isDateTime(value));
const inSet = (values, value) => typeof value === 'string' && values.has(value);

function restriction(value) {
  if (!isObject(value)) return false;
  if (!inSet(enums.restrictionName, value.name) || !inSet(enums.restrictionReason, value.reason)) return false;
  if (value.requiredActions !== undefined) {
    if (!Array.isArray(value.requiredActions)) return false;
    for (const action of value.requiredActions) if (!inSet(enums.requiredAction, action)) return false;
  }
  return optionalDateTime(value.creationTime) && text(value.id, 36);
}

function virtualInstrument(value) {
  return isObject(value) && inSet(enums.instrumentType, value.instrumentType) && (value.status === undefined || value.status === 'ACTIVE');
}

function assignmentStatus(value) {
  return (
    isObject(value) &&
    inSet(enums.instrumentType, value.instrumentType) &&
    typeof value.requestDate === 'string' &&
    isDateTime(value.requestDate) &&
    optionalDateTime(value.lastChangeDate) &&
    inSet(enums.assignmentStatus, value.status) &&
    (value.statusReason === undefined || typeof value.statusReason === 'string')
  );
}

function account(value) {
  if (!isObject(value)) return false;
  if (!optionalText(value.id, 20) || !optionalText(value.customerId, 20) || !optionalText(value.externalId, 40)) return false;
  if (!text(value.currencyCode, 3, 3)) return false;
  if (value.totalBalance !== undefined && !Number.isInteger(value.totalBalance)) return false;
  if (value.availableBalance !== undefined && !Number.isInteger(value.availableBalance)) return false;
  if (value.virtualInstrument !== undefined) {
    if (!Array.isArray(value.virtualInstrument)) return false;
    for (const item of value.virtualInstrument) if (!virtualInstrument(item)) return false;
  }
  if (value.virtualAccountAssignmentStatus !== undefined) {
    if (!Array.isArray(value.virtualAccountAssignmentStatus)) return false;
    for (const item of value.virtualAccountAssignmentStatus) if (!assignmentStatus(item)) return false;
  }
  if (!optionalDateTime(value.creationTime)) return false;
  if (value.hasVirtualInstrument !== undefined && typeof value.hasVirtualInstrument !== 'boolean') return false;
  return value.virtualAccountAssignment === undefined || typeof value.virtualAccountAssignment === 'boolean';
}

const alpha2 = (value) => text(value, 2, 2) && enums.alpha2.has(value);

/** Paysafe `CustomerPerson` (seed 004). */
export function isCustomerPerson(value) {
  if (!isObject(value)) return false;
  if (!optionalText(value.id, 20) || !text(value.externalId, 40, 1)) return false;
  if (value.type !== undefined && !inSet(enums.customerType, value.type)) return false;
  if (!text(value.email, 150) || !optionalText(value.mobile, 50)) return false;
  if (typeof value.registrationIp !== 'string' || !isIpv4(value.registrationIp)) return false;
  if (!optionalDateTime(value.registrationDate)) return false;
  if (value.restrictions !== undefined) {
    if (!Array.isArray(value.restrictions)) return false;
    for (const item of value.restrictions) if (!restriction(item)) return false;
  }
  if (value.accounts !== undefined) {
    if (!Array.isArray(value.accounts)) return false;
    for (const item of value.accounts) if (!account(item)) return false;
  }
  if (!text(value.firstName, 50) || !personName.test(value.firstName)) return false;
  if (!text(value.lastName, 50) || !personName.test(value.lastName)) return false;
  if (!optionalText(value.title, 15) || !text(value.address1, 200) || !optionalText(value.address2, 200)) return false;
  if (!text(value.city, 100) || !text(value.zip, 30) || !optionalText(value.state, 2)) return false;
  if (!alpha2(value.countryCode) || (value.nationality !== undefined && !alpha2(value.nationality))) return false;
  if (typeof value.birthDate !== 'string' || !isDate(value.birthDate)) return false;
  if (!inSet(enums.occupation, value.occupation)) return false;
  if (value.vulnerabilities !== undefined) {
    if (!Array.isArray(value.vulnerabilities)) return false;
    for (const item of value.vulnerabilities) if (!inSet(enums.vulnerability, item)) return false;
  }
  if (value.additionalAttributes !== undefined) {
    if (!isObject(value.additionalAttributes)) return false;
    for (const key in value.additionalAttributes) if (typeof value.additionalAttributes[key] !== 'string') return false;
  }
  return true;
}

const addressKeys = new Set(['address1', 'address2', 'address3', 'address4', 'city', 'country', 'region', 'zipCode']);
function address(value) {
  if (!isObject(value)) return false;
  for (const key in value) if (!addressKeys.has(key)) return false;
  for (const key of ['address2', 'address3', 'address4', 'region'])
    if (value[key] !== undefined && typeof value[key] !== 'string') return false;
  return (
    typeof value.address1 === 'string' &&
    typeof value.city === 'string' &&
    inSet(enums.alpha3, value.country) &&
    typeof value.zipCode === 'string'
  );
}

const customerKeys = new Set([
  'firstName',
  'lastName',
  'customerNumber',
  'locale',
  'regNo',
  'address',
  'salutation',
  'middleName',
  'dateOfBirth',
  'nationality',
  'riskScore',
  'email',
  'phoneNumber',
  'mobileNumber',
  'screening',
  'temporaryAddress',
  'additionalValues',
  'birthCountry',
]);
const phone = /^\+[0-9]+$/u;
const customerNumber = /^[A-Za-z0-9]+$/u;
const nationality = (value) =>
  typeof value === 'string' && ucs2length(value) <= 3 && (enums.alpha3.has(value) || value === 'QZZ' || value === 'ROM');

/** Enfuce `createPrivateCustomer` request body (seed 000). */
export function isPrivateCustomer(value) {
  if (!isObject(value)) return false;
  for (const key in value) if (!customerKeys.has(key)) return false;
  if (!text(value.firstName, 255) || !text(value.lastName, 255)) return false;
  if (!text(value.customerNumber, 64, 1) || !customerNumber.test(value.customerNumber)) return false;
  if (!inSet(enums.locale, value.locale) || !text(value.regNo, 64) || !address(value.address)) return false;
  if (!optionalText(value.salutation, 32) || !optionalText(value.middleName, 255)) return false;
  if (value.dateOfBirth !== undefined && !(typeof value.dateOfBirth === 'string' && isDate(value.dateOfBirth))) return false;
  if (value.nationality !== undefined) {
    if (!Array.isArray(value.nationality)) return false;
    for (const item of value.nationality) if (!nationality(item)) return false;
  }
  if (value.riskScore !== undefined && !inSet(enums.riskScore, value.riskScore)) return false;
  if (!optionalText(value.email, 255)) return false;
  for (const key of ['phoneNumber', 'mobileNumber'])
    if (value[key] !== undefined && !(typeof value[key] === 'string' && phone.test(value[key]))) return false;
  if (value.screening !== undefined) {
    if (!isObject(value.screening)) return false;
    for (const key in value.screening) if (key !== 'status') return false;
    if (value.screening.status !== undefined && typeof value.screening.status !== 'boolean') return false;
  }
  if (value.temporaryAddress !== undefined && !address(value.temporaryAddress)) return false;
  if (value.additionalValues !== undefined) {
    if (!Array.isArray(value.additionalValues) || value.additionalValues.length > 10) return false;
    for (const item of value.additionalValues) {
      if (!isObject(item)) return false;
      for (const key in item) if ((key !== 'key' && key !== 'value') || typeof item[key] !== 'string') return false;
    }
  }
  return value.birthCountry === undefined || inSet(enums.alpha3, value.birthCountry);
}
