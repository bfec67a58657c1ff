/**
 * Phone cells → E.164, undoing what spreadsheets do to phone numbers: a numeric cell drops the `+`
 * (351912345678), a national number has no country code (912345678), a narrow General column shows
 * 3.51912E+11, a column too narrow for it shows ####. Pure; it runs in a Web Worker over up to 100,000 rows. The numbers are parsed and
 * validated by phone-digits-parser (libphonenumber-js's own steps over its own metadata, each pattern
 * compiled once); normalisePhoneByLibrary asks the library itself: the reference the equivalence
 * tests compare with. No memo: a parse now costs less than a Map lookup and insert of a paste's
 * unique phones (measured: verdicts of 100,000 rows faster without it on a first pass, and at most
 * ~4 % slower on a re-check of the same rows).
 */
import { type CountryCode, getCountryCallingCode, parsePhoneNumberFromString } from "libphonenumber-js/max";
import { isScientificNotation, isSpreadsheetPlaceholder } from "./detect-damage";
import {
  callingCodeOfCountry,
  PARSED_BY_LIBRARY_ONLY,
  parseValidPhoneDigits,
  type ValidPhone,
} from "./phone-digits-parser";

export type { CountryCode };

export type PhoneWarningCode = "phone_lost_plus" | "phone_national_default_region";
export type PhoneErrorCode = "phone_invalid" | "phone_scientific_notation" | "phone_spreadsheet_error";

export type PhoneResult =
  | { readonly ok: true; readonly e164: string; readonly warning?: PhoneWarningCode }
  | { readonly ok: false; readonly code: PhoneErrorCode };

// Spaces (incl. NBSP and the other Unicode spaces), brackets, hyphens/dashes and dots are how people
// format numbers; they carry no information, so they go without a warning.
const FORMATTING = /[\s()[\]\-‐‑‒–—.]/g;
const PLUS_DIGITS = /^\+\d+$/;
const DIGITS = /^\d+$/;
// A national number carries at most a one-digit trunk prefix (0 in most countries, 1 in NANP, 8 in
// a few) in front of what libphonenumber calls the national number.
const MAX_TRUNK_PREFIX_LENGTH = 1;

function stripFormatting(raw: string): string {
  return raw.trim().replace(FORMATTING, "");
}

/** True when the text is a phone number in some notation: optional `+`, digits and formatting only. */
export function looksLikePhone(raw: string): boolean {
  const compact = stripFormatting(raw);
  return PLUS_DIGITS.test(compact) || DIGITS.test(compact);
}

/** How a phone text is parsed: the valid number, or undefined; and a region's calling code. */
type PhoneParser = {
  readonly validE164: (text: string, region?: CountryCode) => ValidPhone | undefined;
  readonly callingCode: (region: CountryCode) => string;
};

function validE164ByLibrary(text: string, region?: CountryCode): ValidPhone | undefined {
  const parsed = parsePhoneNumberFromString(text, region);
  if (parsed === undefined || !parsed.isValid()) return undefined;
  return { e164: parsed.number, nationalNumber: parsed.nationalNumber };
}

const LIBRARY: PhoneParser = { validE164: validE164ByLibrary, callingCode: getCountryCallingCode };

const FAST: PhoneParser = {
  validE164(text, region) {
    const parsed = parseValidPhoneDigits(text, region);
    return parsed === PARSED_BY_LIBRARY_ONLY ? validE164ByLibrary(text, region) : parsed;
  },
  callingCode: (region) => callingCodeOfCountry(region) ?? getCountryCallingCode(region),
};

/**
 * libphonenumber also accepts "351912345678" as Portuguese by spotting the country code in it, so a
 * valid parse alone does not prove the digits were a national number: the digits themselves must be
 * the national number (plus at most a trunk prefix), or it is an international number that lost `+`.
 */
function nationalNumber(digits: string, region: CountryCode, parser: PhoneParser): string | undefined {
  const parsed = parser.validE164(digits, region);
  if (parsed === undefined) return undefined;
  if (!parsed.e164.startsWith(`+${parser.callingCode(region)}`)) return undefined;
  const prefixLength = digits.length - parsed.nationalNumber.length;
  if (prefixLength < 0 || prefixLength > MAX_TRUNK_PREFIX_LENGTH) return undefined;
  return digits.endsWith(parsed.nationalNumber) ? parsed.e164 : undefined;
}

function normaliseDigits(digits: string, region: CountryCode, parser: PhoneParser): PhoneResult {
  const national = nationalNumber(digits, region, parser);
  if (national !== undefined) return { ok: true, e164: national, warning: "phone_national_default_region" };
  // 00 is the international call prefix in most of the world: the person wrote the country code
  // explicitly, so nothing was lost or assumed.
  if (digits.startsWith("00")) {
    const international = parser.validE164(`+${digits.slice(2)}`);
    if (international !== undefined) return { ok: true, e164: international.e164 };
  }
  const lostPlus = parser.validE164(`+${digits}`);
  if (lostPlus !== undefined) return { ok: true, e164: lostPlus.e164, warning: "phone_lost_plus" };
  return { ok: false, code: "phone_invalid" };
}

const PLUS = 43;
const DIGIT_0 = 48;
const DIGIT_9 = 57;

/** "+digits" → PLUS_DIGITS, "digits" → DIGITS (ASCII, as \d), anything else → undefined. */
function plainShape(text: string): typeof PLUS_DIGITS | typeof DIGITS | undefined {
  if (text.length === 0) return undefined;
  const start = text.charCodeAt(0) === PLUS ? 1 : 0;
  if (start === text.length) return undefined;
  for (let index = start; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < DIGIT_0 || code > DIGIT_9) return undefined;
  }
  return start === 1 ? PLUS_DIGITS : DIGITS;
}

function fromPlusDigits(compact: string, parser: PhoneParser): PhoneResult {
  const parsed = parser.validE164(compact);
  return parsed === undefined ? { ok: false, code: "phone_invalid" } : { ok: true, e164: parsed.e164 };
}

function computePhone(raw: string, region: CountryCode, parser: PhoneParser): PhoneResult {
  const trimmed = raw.trim();
  // The usual cells, +digits or digits: not scientific notation (no E), nothing to strip, so they
  // take the branches below without the three regex passes.
  const shape = plainShape(trimmed);
  if (shape === PLUS_DIGITS) return fromPlusDigits(trimmed, parser);
  if (shape === DIGITS) return normaliseDigits(trimmed, region, parser);
  if (isScientificNotation(trimmed)) return { ok: false, code: "phone_scientific_notation" };
  if (isSpreadsheetPlaceholder(trimmed)) return { ok: false, code: "phone_spreadsheet_error" };
  const compact = stripFormatting(trimmed);
  if (PLUS_DIGITS.test(compact)) return fromPlusDigits(compact, parser);
  if (DIGITS.test(compact)) return normaliseDigits(compact, region, parser);
  return { ok: false, code: "phone_invalid" };
}

/**
 * Normalises one phone cell, following the importer's rules in order: `+…` is parsed as it is; a
 * digits-only value is a national number of the default region when it is one, otherwise a number
 * that lost its `+` when `+digits` is valid, otherwise invalid.
 */
export function normalisePhone(raw: string, defaultRegion: CountryCode = "PT"): PhoneResult {
  return computePhone(raw, defaultRegion, FAST);
}

/**
 * normalisePhone as libphonenumber-js itself parses and validates: the reference the
 * equivalence tests compare normalisePhone with.
 */
export function normalisePhoneByLibrary(raw: string, defaultRegion: CountryCode = "PT"): PhoneResult {
  return computePhone(raw, defaultRegion, LIBRARY);
}
