/**
 * Damage a spreadsheet does to identity text that cannot be normalised away, only pointed out: a
 * document number stored as a number loses its leading zeros (01234567 → 1234567) or turns into
 * 1.23457E+11, a cell the spreadsheet could not show arrives as #### or #VALUE!, and a name saved in
 * an 8-bit encoding loses the letters it cannot hold (Łukasz → ?ukasz). The docId is always sent as
 * it arrived; these checks only produce warnings or errors.
 */
import { withoutWhiteSpace } from "./validate-row";

const DIGITS = /^\d+$/;
// How a spreadsheet displays a long number in a General column: 3.51912E+11, or 3,51912E+11 in a
// comma-decimal locale. Only six significant digits survive, so the value cannot be recovered.
const SCIENTIFIC = /^\d(?:[.,]\d+)?E\+\d{1,3}$/i;
// What a spreadsheet shows, and exports, in place of a value it could not show: #### when a number or
// date is wider than its column (a lone # in a very narrow one); an error value, which ends in ! or ?
// (Excel's #VALUE!, #REF!, #NAME?, #DIV/0!, #NUM!, #NULL!, #SPILL!, translated too: #WERT!, #NOME?,
// #¡VALOR!), except #N/A (translated #N/D, #NV), #GETTING_DATA and LibreOffice's #FMT; and
// LibreOffice's Err:502. Nothing else: #12345, #A1, #hashtag or #REF (no !) are someone's text.
const PLACEHOLDER = /^(?:#+|#[¡¿]?\p{L}[\p{L}\d/_.]*[!?]|#(?:N\/A|N\/D|NV|FMT|GETTING_DATA)|Err:\d+)$/iu;
const HASH = 35;
const UPPER_E = 69;
const LOWER_E = 101;
const COLON = 58;
const REPEATED_DIGIT = /^(\d)\1+$/;
// U+FFFD is what a decoder puts where bytes made no sense; a `?` touching a letter is what an
// encoder puts where the target encoding had no such letter. A real name never contains either.
const LOST_LETTER = /\uFFFD|\p{L}\?|\?\p{L}/u;
// A number that lost more zeros than this is more likely a different kind of document.
const MAX_LOST_ZEROS = 3;
// With fewer siblings than this the column says nothing about the usual length.
const MIN_SIBLINGS = 2;

const PRT_CIVIL_ID_LENGTH = 8;
const BRA_CPF_LENGTH = 11;

export type LostZerosRule = "prt-civil-id" | "bra-cpf" | "column";

export interface LostLeadingZeros {
  suggestedValue: string;
  /** The length the suggestion was padded to. */
  expectedLength: number;
  rule: LostZerosRule;
}

/** Digit lengths of the column's digits-only docIds, per country, for the sibling comparison. */
export interface DocIdColumnProfile {
  readonly digitLengthsByCountry: ReadonlyMap<string, ReadonlyMap<number, number>>;
}

export const EMPTY_DOC_ID_PROFILE: DocIdColumnProfile = { digitLengthsByCountry: new Map() };

/** The docId as it will be sent: the API removes spaces, so the importer does too. */
export function compactDocId(raw: string): string {
  return withoutWhiteSpace(raw);
}

export function normaliseCountryCode(raw: string): string {
  return raw.trim().toUpperCase();
}

/** True for a number shown in scientific notation (3.51912E+11): the digits are lost. */
export function isScientificNotation(text: string): boolean {
  // Without a "+" the pattern cannot match: most cells are decided without trimming them.
  return text.includes("+") && SCIENTIFIC.test(text.trim());
}

/**
 * True when a cell holds what a spreadsheet shows instead of a value (####, #VALUE!, #N/A, #FMT,
 * Err:502): the value itself is not in the file. `text` is the cell trimmed.
 */
export function isSpreadsheetPlaceholder(text: string): boolean {
  // Every placeholder starts with # or Err: — most cells are decided by their first character.
  const first = text.charCodeAt(0);
  if (first !== HASH && !((first === UPPER_E || first === LOWER_E) && text.charCodeAt(3) === COLON)) {
    return false;
  }
  return PLACEHOLDER.test(text);
}

export function profileDocIdColumn(
  rows: readonly { readonly docId: string; readonly countryAlpha3: string }[],
): DocIdColumnProfile {
  const digitLengthsByCountry = new Map<string, Map<number, number>>();
  for (const row of rows) {
    const docId = compactDocId(row.docId);
    const country = normaliseCountryCode(row.countryAlpha3);
    if (country === "" || !DIGITS.test(docId)) continue;
    let lengths = digitLengthsByCountry.get(country);
    if (lengths === undefined) {
      lengths = new Map();
      digitLengthsByCountry.set(country, lengths);
    }
    lengths.set(docId.length, (lengths.get(docId.length) ?? 0) + 1);
  }
  return { digitLengthsByCountry };
}

/** Brazilian CPF check digits (módulo 11); sequences like 000.000.000-00 pass the sums but are void. */
export function isValidCpf(cpf: string): boolean {
  if (cpf.length !== BRA_CPF_LENGTH || !DIGITS.test(cpf) || REPEATED_DIGIT.test(cpf)) return false;
  const digits = Array.from(cpf, Number);
  const checkDigit = (count: number): number => {
    let sum = 0;
    for (let i = 0; i < count; i++) sum += (digits[i] ?? 0) * (count + 1 - i);
    return ((sum * 10) % 11) % 10;
  };
  return checkDigit(9) === digits[9] && checkDigit(10) === digits[10];
}

function padTo(docId: string, length: number): string | undefined {
  const missing = length - docId.length;
  return missing >= 1 && missing <= MAX_LOST_ZEROS ? docId.padStart(length, "0") : undefined;
}

/**
 * The usual length among the other digits-only docIds of the same country, when most of them are
 * longer than one of `ownLength` digits (the most frequent longer length; ties go to the shorter,
 * fewer zeros).
 */
function siblingLengthOf(ownLength: number, lengths: ReadonlyMap<number, number>): number | undefined {
  let siblings = 0;
  let longer = 0;
  let best: { length: number; count: number } | undefined;
  for (const [length, total] of lengths) {
    // The profile counted this docId too; it is not its own sibling.
    const count = length === ownLength ? total - 1 : total;
    siblings += count;
    if (length <= ownLength || count === 0) continue;
    longer += count;
    if (best === undefined || count > best.count || (count === best.count && length < best.length)) {
      best = { length, count };
    }
  }
  if (siblings < MIN_SIBLINGS || longer * 2 <= siblings) return undefined;
  return best?.length;
}

function siblingLength(docId: string, country: string, profile: DocIdColumnProfile): number | undefined {
  const lengths = profile.digitLengthsByCountry.get(country);
  return lengths === undefined ? undefined : siblingLengthOf(docId.length, lengths);
}

/** Countries whose docIds are judged by a known length, never by the column. */
const FIXED_LENGTH_COUNTRIES = new Set(["PRT", "BRA"]);

const NO_LENGTHS: ReadonlyMap<number, number> = new Map();

function longestLength(lengths: ReadonlyMap<number, number>): number {
  let longest = 0;
  for (const length of lengths.keys()) longest = Math.max(longest, length);
  return longest;
}

/**
 * True when both profiles tell any digits-only docId the same usual length for its country and digit
 * count, whether or not such a docId is in the column now (a row brought back by undo keeps the
 * verdict it had). A verdict reached under one profile then holds under the other, so the grid keeps
 * it; the counts themselves may differ.
 */
export function sameDocIdDecisions(a: DocIdColumnProfile, b: DocIdColumnProfile): boolean {
  const countries = new Set([...a.digitLengthsByCountry.keys(), ...b.digitLengthsByCountry.keys()]);
  for (const country of countries) {
    if (FIXED_LENGTH_COUNTRIES.has(country)) continue;
    const before = a.digitLengthsByCountry.get(country) ?? NO_LENGTHS;
    const after = b.digitLengthsByCountry.get(country) ?? NO_LENGTHS;
    if (before === after) continue;
    // A docId as long as the longest has no longer siblings: from there on, nothing is suggested.
    const longest = Math.max(longestLength(before), longestLength(after));
    for (let length = 1; length < longest; length += 1) {
      if (siblingLengthOf(length, before) !== siblingLengthOf(length, after)) return false;
    }
  }
  return true;
}

/**
 * The profile after some rows left the column and others joined it, without reading the rest: what
 * lets the grid keep the profile current after an edit in 100,000 rows. The given profile is not
 * changed (only the countries touched are copied).
 */
export function updateDocIdProfile(
  profile: DocIdColumnProfile,
  removed: readonly { readonly docId: string; readonly countryAlpha3: string }[],
  added: readonly { readonly docId: string; readonly countryAlpha3: string }[],
): DocIdColumnProfile {
  const byCountry = new Map<string, ReadonlyMap<number, number>>(profile.digitLengthsByCountry);
  const copies = new Map<string, Map<number, number>>();
  const count = (row: { readonly docId: string; readonly countryAlpha3: string }, step: 1 | -1) => {
    const docId = compactDocId(row.docId);
    const country = normaliseCountryCode(row.countryAlpha3);
    if (country === "" || !DIGITS.test(docId)) return;
    let lengths = copies.get(country);
    if (lengths === undefined) {
      lengths = new Map(byCountry.get(country));
      copies.set(country, lengths);
      byCountry.set(country, lengths);
    }
    const next = (lengths.get(docId.length) ?? 0) + step;
    if (next > 0) lengths.set(docId.length, next);
    else lengths.delete(docId.length);
  };
  for (const row of removed) count(row, -1);
  for (const row of added) count(row, 1);
  for (const [country, lengths] of copies) if (lengths.size === 0) byCountry.delete(country);
  return { digitLengthsByCountry: byCountry };
}

/**
 * A digits-only docId shorter than its country's usual length: the spreadsheet probably stored it as
 * a number. Portugal (civil ID, 8 digits) and Brazil (CPF, 11 digits, and the padded value must pass
 * the CPF check digits) have a known length; other countries are compared with the column.
 */
export function docIdLostLeadingZeros(
  docId: string,
  countryAlpha3: string,
  columnProfile: DocIdColumnProfile,
): LostLeadingZeros | undefined {
  return lostLeadingZerosOfCompact(compactDocId(docId), normaliseCountryCode(countryAlpha3), columnProfile);
}

/** docIdLostLeadingZeros of a docId already compact and a country already normalised. */
export function lostLeadingZerosOfCompact(
  compact: string,
  country: string,
  columnProfile: DocIdColumnProfile,
): LostLeadingZeros | undefined {
  if (!DIGITS.test(compact)) return undefined;
  if (country === "PRT") {
    const suggestedValue = padTo(compact, PRT_CIVIL_ID_LENGTH);
    return suggestedValue === undefined
      ? undefined
      : { suggestedValue, expectedLength: PRT_CIVIL_ID_LENGTH, rule: "prt-civil-id" };
  }
  if (country === "BRA") {
    const suggestedValue = padTo(compact, BRA_CPF_LENGTH);
    return suggestedValue === undefined || !isValidCpf(suggestedValue)
      ? undefined
      : { suggestedValue, expectedLength: BRA_CPF_LENGTH, rule: "bra-cpf" };
  }
  const expectedLength = siblingLength(compact, country, columnProfile);
  const suggestedValue = expectedLength === undefined ? undefined : padTo(compact, expectedLength);
  return suggestedValue === undefined || expectedLength === undefined
    ? undefined
    : { suggestedValue, expectedLength, rule: "column" };
}

/** True when a name shows a letter lost to an encoding: U+FFFD, or `?` in place of a letter. */
export function hasLostLetter(name: string): boolean {
  // The pattern needs a U+FFFD or a "?": most names are decided without the Unicode-class regex.
  return (name.includes("?") || name.includes("\uFFFD")) && LOST_LETTER.test(name);
}
