/**
 * What `parsePhoneNumberFromString(text, region)` then `.isValid()` of libphonenumber-js (1.13.x,
 * "max" metadata) answer for a phone written as ASCII digits, with or without a leading `+`: the
 * same steps over the library's own metadata, each pattern compiled once per numbering plan. The
 * library builds `new RegExp(pattern)` for every pattern it tries, a Metadata object per step and
 * spreads its options object per call: ~6 µs a phone, most of a paste's check of 50,000 rows.
 *
 * Every function below is named after the library function it follows (es6/parse.js and helpers/),
 * step for step; nothing here is a phone rule of our own. Text of any other shape, or metadata of
 * another layout, is not parsed here (`PARSED_BY_LIBRARY_ONLY`): the caller asks the library.
 * phone-digits-parser.equivalence.test.ts compares the two over every calling code. The metadata's
 * plans, compiled, come from phone-numbering-plans.ts.
 */

import type { CountryCode } from "libphonenumber-js/max";
import {
  callingCodePlan,
  countriesOfCallingCode,
  countryPlan,
  hasKnownMetadataLayout,
  isCallingCode,
  isCountryOfMetadata,
  type NumberingPlan,
} from "./phone-numbering-plans";

/** The parse of a valid number: what normalise-phone reads from the library's PhoneNumber. */
export type ValidPhone = { readonly e164: string; readonly nationalNumber: string };

/** Returned for text this module does not parse (not `+?[0-9]+`, or unknown metadata layout). */
export const PARSED_BY_LIBRARY_ONLY = Symbol("parsed by the library only");

// The library's constants (es6/constants.js, parse.js).
const MAX_INPUT_STRING_LENGTH = 250;
const MIN_LENGTH_FOR_NSN = 2;
const MAX_LENGTH_FOR_NSN = 17;
const MAX_LENGTH_COUNTRY_CODE = 3;
/** isViablePhoneNumber: two digits alone, or at least three digits (a `+` in front allowed). */
const MIN_DIGITS_VIABLE_WITH_PLUS = 3;

const ASCII_PHONE_DIGITS = /^\+?[0-9]+$/;
const PLUS = 43;
const ZERO = 48;

/** helpers/getNumberType.js: true when it returns a type (the nine types after fixed line included). */
function hasNumberType(nationalNumber: string, plan: NumberingPlan): boolean {
  if (!plan.nationalNumberPattern.test(nationalNumber)) return false;
  for (const type of plan.types) {
    if (type.possibleLengths !== undefined && !type.possibleLengths.includes(nationalNumber.length)) continue;
    if (type.pattern.test(nationalNumber)) return true;
  }
  return false;
}

/** isValid.js. */
function isValidNumber(nationalNumber: string, plan: NumberingPlan): boolean {
  return plan.hasTypes
    ? hasNumberType(nationalNumber, plan)
    : plan.nationalNumberPattern.test(nationalNumber);
}

/** helpers/getCountryByNationalNumber.js. */
function countryByNationalNumber(nationalNumber: string, countries: readonly string[]): string | undefined {
  for (const country of countries) {
    const plan = countryPlan(country);
    if (plan.leadingDigits !== undefined) {
      if (nationalNumber && nationalNumber.search(plan.leadingDigits) === 0) return country;
    } else if (hasNumberType(nationalNumber, plan)) {
      return country;
    }
  }
  return undefined;
}

/** helpers/getCountryByCallingCode.js. */
function countryByCallingCode(callingCode: string, nationalNumber: string): string | undefined {
  const countries = countriesOfCallingCode(callingCode);
  if (countries === undefined) return undefined;
  if (countries.length === 1) return countries[0];
  return countryByNationalNumber(nationalNumber, countries);
}

type LengthCheck = "IS_POSSIBLE" | "TOO_SHORT" | "TOO_LONG" | "INVALID_LENGTH";

/** helpers/checkNumberLength.js, without a type. */
function checkNumberLength(nationalNumber: string, plan: NumberingPlan): LengthCheck {
  const lengths = plan.possibleLengths;
  if (lengths === undefined) return "IS_POSSIBLE";
  const length = nationalNumber.length;
  const minimum = lengths[0] as number;
  if (minimum === length) return "IS_POSSIBLE";
  if (minimum > length) return "TOO_SHORT";
  if ((lengths[lengths.length - 1] as number) < length) return "TOO_LONG";
  return lengths.indexOf(length, 1) >= 0 ? "IS_POSSIBLE" : "INVALID_LENGTH";
}

/** helpers/extractNationalNumberFromPossiblyIncompleteNumber.js (the national number only). */
function withoutNationalPrefix(number: string, plan: NumberingPlan): string {
  const prefix = plan.nationalPrefixForParsing;
  if (!number || prefix === undefined) return number;
  const match = prefix.exec(number);
  if (match === null) return number;
  const capturedGroupsCount = match.length - 1;
  const hasCapturedGroups = capturedGroupsCount > 0 && Boolean(match[capturedGroupsCount]);
  if (plan.nationalPrefixTransformRule !== undefined && hasCapturedGroups) {
    return number.replace(prefix, plan.nationalPrefixTransformRule);
  }
  return number.slice(match[0].length);
}

/** helpers/extractNationalNumber.js, with no country given. */
function extractNationalNumber(number: string, plan: NumberingPlan): string {
  const nationalNumber = withoutNationalPrefix(number, plan);
  if (nationalNumber === number) return nationalNumber;
  // shouldHaveExtractedNationalPrefix
  if (plan.nationalNumberPattern.test(number) && !plan.nationalNumberPattern.test(nationalNumber))
    return number;
  if (plan.possibleLengths !== undefined) {
    const country = countryByCallingCode(plan.callingCode, nationalNumber);
    const lengthPlan = country === undefined ? plan : countryPlan(country);
    // isPossibleIncompleteNationalNumber
    const check = checkNumberLength(nationalNumber, lengthPlan);
    if (check === "TOO_SHORT" || check === "INVALID_LENGTH") return number;
  }
  return nationalNumber;
}

/** helpers/stripIddPrefix.js: the digits after the IDD prefix, or undefined. */
function stripIddPrefix(number: string, plan: NumberingPlan): string | undefined {
  if (plan.iddPrefix === undefined) return undefined;
  const match = plan.iddPrefix.exec(number);
  if (match === null || match.index !== 0) return undefined;
  const rest = number.slice(match[0].length);
  // A 0 after the IDD prefix: not an IDD prefix after all.
  if (rest.charCodeAt(0) === ZERO) return undefined;
  return rest;
}

type CallingCodeSplit = { readonly callingCode?: string; readonly number?: string };

/** helpers/extractCountryCallingCodeFromInternationalNumberWithoutPlusSign.js. */
function callingCodeWithoutPlusSign(number: string, defaultCountry: string): CallingCodeSplit {
  const plan = countryPlan(defaultCountry);
  const callingCode = plan.callingCode;
  if (!number.startsWith(callingCode)) return { number };
  const shorterNumber = number.slice(callingCode.length);
  const shorterNationalNumber = extractNationalNumber(shorterNumber, plan);
  const nationalNumber = extractNationalNumber(number, plan);
  if (
    (!plan.nationalNumberPattern.test(nationalNumber) &&
      plan.nationalNumberPattern.test(shorterNationalNumber)) ||
    checkNumberLength(nationalNumber, plan) === "TOO_LONG"
  ) {
    return { callingCode, number: shorterNumber };
  }
  return { number };
}

/** helpers/extractCountryCallingCode.js, for ASCII digits with or without a leading `+`. */
function extractCountryCallingCode(number: string, defaultCountry: string | undefined): CallingCodeSplit {
  let international = number;
  if (number.charCodeAt(0) !== PLUS) {
    const withoutIdd =
      defaultCountry === undefined ? undefined : stripIddPrefix(number, countryPlan(defaultCountry));
    if (withoutIdd && withoutIdd !== number) {
      international = `+${withoutIdd}`;
    } else {
      return defaultCountry === undefined ? { number } : callingCodeWithoutPlusSign(number, defaultCountry);
    }
  }
  if (international.charCodeAt(1) === ZERO) return {};
  for (let end = 2; end - 1 <= MAX_LENGTH_COUNTRY_CODE && end <= international.length; end += 1) {
    const callingCode = international.slice(1, end);
    if (isCallingCode(callingCode)) return { callingCode, number: international.slice(end) };
  }
  return {};
}

/** parse.js's parsePhoneNumber, then the PhoneNumber's isValid(): the valid number, or undefined. */
function parseValid(text: string, defaultCountry: string | undefined): ValidPhone | undefined {
  // parseInput: too long, or not viable (isViablePhoneNumber), is no number.
  if (text.length > MAX_INPUT_STRING_LENGTH) return undefined;
  const digitCount = text.charCodeAt(0) === PLUS ? text.length - 1 : text.length;
  const viable = text.charCodeAt(0) === PLUS ? digitCount >= MIN_DIGITS_VIABLE_WITH_PLUS : digitCount >= 2;
  if (!viable) return undefined;
  const split = extractCountryCallingCode(text, defaultCountry);
  let callingCode = split.callingCode;
  let plan: NumberingPlan;
  if (callingCode !== undefined) {
    plan = callingCodePlan(callingCode);
  } else if (split.number && defaultCountry !== undefined) {
    plan = countryPlan(defaultCountry);
    callingCode = plan.callingCode;
  } else {
    return undefined;
  }
  if (!split.number) return undefined;
  const nationalNumber = extractNationalNumber(split.number, plan);
  const country = countryByCallingCode(callingCode, nationalNumber);
  if (nationalNumber.length < MIN_LENGTH_FOR_NSN || nationalNumber.length > MAX_LENGTH_FOR_NSN)
    return undefined;
  // A national number of the default region keeps that region when no exact country is found.
  const exactCountry = country ?? (split.callingCode === undefined ? defaultCountry : undefined);
  const validationPlan =
    exactCountry === undefined ? callingCodePlan(callingCode) : countryPlan(exactCountry);
  if (!isValidNumber(nationalNumber, validationPlan)) return undefined;
  return { e164: `+${callingCode}${nationalNumber}`, nationalNumber };
}

/**
 * libphonenumber-js's `parsePhoneNumberFromString(text, region)` when `.isValid()`, as
 * `{ e164: number, nationalNumber }`; undefined when it is no number or not valid;
 * PARSED_BY_LIBRARY_ONLY when `text` is not `+?[0-9]+` or the metadata's layout is not the one read here.
 */
export function parseValidPhoneDigits(
  text: string,
  region?: CountryCode,
): ValidPhone | undefined | typeof PARSED_BY_LIBRARY_ONLY {
  if (!hasKnownMetadataLayout() || !ASCII_PHONE_DIGITS.test(text)) return PARSED_BY_LIBRARY_ONLY;
  // parsePhoneNumber_: an unsupported default country is dropped.
  const defaultCountry = region !== undefined && isCountryOfMetadata(region) ? region : undefined;
  return parseValid(text, defaultCountry);
}

/** The calling code of a country of the metadata (getCountryCallingCode without its Metadata object). */
export function callingCodeOfCountry(region: CountryCode): string | undefined {
  return isCountryOfMetadata(region) ? countryPlan(region).callingCode : undefined;
}
