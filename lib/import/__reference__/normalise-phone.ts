// Frozen copy of lib/import/normalise-phone.ts as it was before the row-check speed work (commit 22c462b), so
// row-checks.equivalence.test.ts can prove the faster code gives the same verdicts. Do not optimise.
// One deliberate behaviour change since freezing, made here and in the live code together: cells a
// spreadsheet replaced with a placeholder (####, #VALUE!, #N/A, #FMT, Err:502) are errors in every
// column, not only the birth, and an internalId in scientific notation is an error.
/**
 * Phone cells → E.164, undoing what spreadsheets do to phone numbers: a numeric cell drops the `+`
 * (351912345678), a national number has no country code (912345678), a narrow General column shows
 * 3.51912E+11. Pure and memoised: it runs in a Web Worker over up to 100,000 rows, and a parse with
 * the "max" metadata costs tens of microseconds, so repeated values must not be parsed twice.
 */
import { type CountryCode, getCountryCallingCode, parsePhoneNumberFromString } from "libphonenumber-js/max";
import { isScientificNotation, isSpreadsheetPlaceholder } from "./detect-damage";

export type { CountryCode };

export type PhoneWarningCode = "phone_lost_plus" | "phone_national_default_region";
export type PhoneErrorCode = "phone_invalid" | "phone_scientific_notation" | "phone_spreadsheet_error";

/** Results are cached and shared between calls: treat them as immutable. */
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
// At most twice this many results are kept, so memory stays bounded on huge files.
const CACHE_GENERATION_SIZE = 50_000;

function stripFormatting(raw: string): string {
  return raw.trim().replace(FORMATTING, "");
}

/** True when the text is a phone number in some notation: optional `+`, digits and formatting only. */
export function looksLikePhone(raw: string): boolean {
  const compact = stripFormatting(raw);
  return PLUS_DIGITS.test(compact) || DIGITS.test(compact);
}

function validE164(text: string, region?: CountryCode): { e164: string; nationalNumber: string } | undefined {
  const parsed = parsePhoneNumberFromString(text, region);
  if (parsed === undefined || !parsed.isValid()) return undefined;
  return { e164: parsed.number, nationalNumber: parsed.nationalNumber };
}

/**
 * libphonenumber also accepts "351912345678" as Portuguese by spotting the country code in it, so a
 * valid parse alone does not prove the digits were a national number: the digits themselves must be
 * the national number (plus at most a trunk prefix), or it is an international number that lost `+`.
 */
function nationalNumber(digits: string, region: CountryCode): string | undefined {
  const parsed = validE164(digits, region);
  if (parsed === undefined) return undefined;
  if (!parsed.e164.startsWith(`+${getCountryCallingCode(region)}`)) return undefined;
  const prefixLength = digits.length - parsed.nationalNumber.length;
  if (prefixLength < 0 || prefixLength > MAX_TRUNK_PREFIX_LENGTH) return undefined;
  return digits.endsWith(parsed.nationalNumber) ? parsed.e164 : undefined;
}

function normaliseDigits(digits: string, region: CountryCode): PhoneResult {
  const national = nationalNumber(digits, region);
  if (national !== undefined) return { ok: true, e164: national, warning: "phone_national_default_region" };
  // 00 is the international call prefix in most of the world: the person wrote the country code
  // explicitly, so nothing was lost or assumed.
  if (digits.startsWith("00")) {
    const international = validE164(`+${digits.slice(2)}`);
    if (international !== undefined) return { ok: true, e164: international.e164 };
  }
  const lostPlus = validE164(`+${digits}`);
  if (lostPlus !== undefined) return { ok: true, e164: lostPlus.e164, warning: "phone_lost_plus" };
  return { ok: false, code: "phone_invalid" };
}

function computePhone(raw: string, region: CountryCode): PhoneResult {
  const trimmed = raw.trim();
  if (isScientificNotation(trimmed)) return { ok: false, code: "phone_scientific_notation" };
  if (isSpreadsheetPlaceholder(trimmed)) return { ok: false, code: "phone_spreadsheet_error" };
  const compact = stripFormatting(trimmed);
  if (PLUS_DIGITS.test(compact)) {
    const parsed = validE164(compact);
    return parsed === undefined ? { ok: false, code: "phone_invalid" } : { ok: true, e164: parsed.e164 };
  }
  if (DIGITS.test(compact)) return normaliseDigits(compact, region);
  return { ok: false, code: "phone_invalid" };
}

// Two generations instead of evicting one key at a time: deleting a Map's oldest key over and over
// leaves holes that keys().next() has to skip, which made eviction quadratic on 100,000 phones. One
// map per region keyed by the raw text: no key to build per lookup (a concatenated key costs as much
// as the lookup itself on 100,000 distinct phones).
let current = new Map<CountryCode, Map<string, PhoneResult>>();
let previous = new Map<CountryCode, Map<string, PhoneResult>>();
let currentSize = 0;

function remember(region: CountryCode, raw: string, result: PhoneResult): void {
  if (currentSize >= CACHE_GENERATION_SIZE) {
    previous = current;
    current = new Map();
    currentSize = 0;
  }
  let byRaw = current.get(region);
  if (byRaw === undefined) {
    byRaw = new Map();
    current.set(region, byRaw);
  }
  byRaw.set(raw, result);
  currentSize += 1;
}

function recall(region: CountryCode, raw: string): PhoneResult | undefined {
  const hit = current.get(region)?.get(raw);
  if (hit !== undefined) return hit;
  const old = previous.get(region)?.get(raw);
  if (old !== undefined) remember(region, raw, old);
  return old;
}

/**
 * Normalises one phone cell, following the importer's rules in order: `+…` is parsed as it is; a
 * digits-only value is a national number of the default region when it is one, otherwise a number
 * that lost its `+` when `+digits` is valid, otherwise invalid.
 */
export function normalisePhone(raw: string, defaultRegion: CountryCode = "PT"): PhoneResult {
  const cached = recall(defaultRegion, raw);
  if (cached !== undefined) return cached;
  const result = computePhone(raw, defaultRegion);
  remember(defaultRegion, raw, result);
  return result;
}

/** Empties the cache, so a benchmark can time phones as a new paste meets them (unique phones rarely hit). */
export function forgetPhoneResults(): void {
  current = new Map();
  previous = new Map();
  currentSize = 0;
}
