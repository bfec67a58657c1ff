// Frozen copy of lib/import/normalise-date.ts as it was before the row-check speed work (commit 22c462b), so
// row-checks.equivalence.test.ts can prove the faster code gives the same verdicts. Do not optimise.
// One deliberate behaviour change since freezing, made here and in the live code together: the
// placeholder test is the one every column now shares (detect-damage's isSpreadsheetPlaceholder):
// #abc or #REF without its ! are no longer placeholders, translated ones like #¡VALOR! are.
/**
 * Birth cells → YYYY-MM-DD. Spreadsheets turn dates into locale text (16/10/1985 or 10/16/1985), into
 * serial numbers (31336) or into display placeholders (####, #FMT, Err:502). Text dates are only
 * converted when the whole column proves its order, because 04/05/1990 alone could be either.
 * Calendar arithmetic is done by hand or in UTC so that no time zone can shift a day.
 */
import { isSpreadsheetPlaceholder } from "./detect-damage";

export type DateColumnProfile = "iso" | "dmy" | "mdy" | "ambiguous-slash" | "none";
/**
 * The operator's word on the column's text dates (the grid's per-column control): "detected" follows
 * the column's evidence (a column that proves its order is converted, with a warning per cell);
 * "refuse" converts none of them; "dmy"/"mdy" reads them in that order when the column cannot prove it.
 */
export type TextDateChoice = "detected" | "refuse" | "dmy" | "mdy";
/** How a column's slash dates are read, once its profile and the operator's choice are known. */
export type SlashOrder = "dmy" | "mdy" | "per-value" | "refuse";
export type DateWarningCode = "date_dmy_text" | "date_mdy_text" | "date_serial_number";
export type DateErrorCode = "birth_invalid" | "birth_unreadable";
/** Why a date was refused, so the operator can be told what to fix. */
export type DateFailureReason =
  | "not-a-date"
  | "no-such-day"
  | "ambiguous-order"
  | "two-digit-year"
  | "year-only"
  | "spreadsheet-placeholder"
  | "dmy-not-converted"
  | "mdy-not-converted";

export type DateResult =
  /** `chosen`: converted in the order the operator chose, not one the column proved. */
  | { ok: true; iso: string; warning?: DateWarningCode; chosen?: true }
  | { ok: false; code: DateErrorCode; reason: DateFailureReason };

// A date cell read by an XLSX reader may come with a midnight time; any other time is not a birth date.
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]00:00(?::00(?:\.0+)?)?Z?)?$/;
const SLASH = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:\s+0?0:00(?::00)?)?$/;
const SERIAL = /^(\d{4,5})(?:\.\d+)?$/;
// What a spreadsheet displays instead of a value it could not show: #### (column too narrow),
// LibreOffice's #FMT and Err:502, Excel's #VALUE!, #N/A, #NAME?, #DIV/0! …

// Serial numbers count days from 1899-12-30 (Excel's 1900 system, shifted to absorb its fake
// 29/02/1900); 4–5 digit serials are 1902-09-26 onwards, so that quirk never matters here.
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
// A bare 4-digit number in this range is a year someone typed, not serial 1800–2199 (1904–1906).
const YEAR_ONLY_MIN = 1800;
const YEAR_ONLY_MAX = 2199;
const MONTHS_IN_YEAR = 12;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isRealDate(year: number, month: number, day: number): boolean {
  return year >= 1 && month >= 1 && month <= MONTHS_IN_YEAR && day >= 1 && day <= daysInMonth(year, month);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

function isoFromParts(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function fail(code: DateErrorCode, reason: DateFailureReason): DateResult {
  return { ok: false, code, reason };
}

/**
 * What a column's values show about its date format, as counts, so an edit can update them (add the
 * new values, take away the old) instead of reading every row again.
 */
export interface DateColumnEvidence {
  iso: number;
  /** Every DD/MM or MM/DD value; the two below are those that prove an order. */
  slash: number;
  dayFirst: number;
  monthFirst: number;
}

export const NO_DATE_EVIDENCE: DateColumnEvidence = { iso: 0, slash: 0, dayFirst: 0, monthFirst: 0 };

/** Adds (`sign` 1) or takes away (`sign` -1) what `values` show to `evidence`; returns a new object. */
export function countDateEvidence(
  values: readonly string[],
  evidence: DateColumnEvidence = NO_DATE_EVIDENCE,
  sign: 1 | -1 = 1,
): DateColumnEvidence {
  let { iso, slash, dayFirst, monthFirst } = evidence;
  for (const value of values) {
    const text = value.trim();
    if (text === "") continue;
    const match = SLASH.exec(text);
    if (match === null) {
      if (ISO.test(text)) iso += sign;
      continue;
    }
    slash += sign;
    const first = Number(match[1]);
    const second = Number(match[3]);
    if (first > MONTHS_IN_YEAR && second <= MONTHS_IN_YEAR) dayFirst += sign;
    if (second > MONTHS_IN_YEAR && first <= MONTHS_IN_YEAR) monthFirst += sign;
  }
  return { iso, slash, dayFirst, monthFirst };
}

/**
 * Decides the order of the column's text dates. Only a value whose one number exceeds 12 while the
 * other does not is evidence (31/31/1990 is just invalid); evidence both ways leaves it undecided.
 */
export function profileFromEvidence(evidence: DateColumnEvidence): DateColumnProfile {
  const dayFirst = evidence.dayFirst > 0;
  const monthFirst = evidence.monthFirst > 0;
  if (dayFirst !== monthFirst) return dayFirst ? "dmy" : "mdy";
  if (evidence.slash > 0) return "ambiguous-slash";
  return evidence.iso > 0 ? "iso" : "none";
}

export function profileDateColumn(values: readonly string[]): DateColumnProfile {
  return profileFromEvidence(countDateEvidence(values));
}

/**
 * The order the column's slash dates are read in. A column that proves its order keeps it (an
 * explicit choice cannot contradict a day above 12); an unproven column takes the operator's order;
 * without one, each value decides alone (so 05/06/1990 stays an error).
 */
export function slashOrderFor(profile: DateColumnProfile, choice: TextDateChoice = "detected"): SlashOrder {
  if (choice === "refuse") return "refuse";
  if (profile === "dmy" || profile === "mdy") return profile;
  return choice === "detected" ? "per-value" : choice;
}

function fromSlash(
  match: RegExpExecArray,
  profile: DateColumnProfile,
  choice: TextDateChoice,
  raw: string,
): DateResult {
  const yearText = match[4] ?? "";
  // Expanding 85 to 1985 or 2085 is a guess about a birth date, so the full year is required.
  if (yearText.length === 2) return fail("birth_invalid", "two-digit-year");
  const slashOrder = slashOrderFor(profile, choice);
  const proven = profile === "dmy" || profile === "mdy" ? profile : undefined;
  // A caller that profiled another column (or none) still gets a decision, from this value alone.
  const order =
    slashOrder === "dmy" || slashOrder === "mdy" ? slashOrder : (proven ?? profileDateColumn([raw]));
  if (order !== "dmy" && order !== "mdy") return fail("birth_invalid", "ambiguous-order");
  // Turned off: say how it is written, and convert nothing without the operator's consent.
  if (slashOrder === "refuse") return fail("birth_invalid", `${order}-not-converted`);
  const first = Number(match[1]);
  const second = Number(match[3]);
  const year = Number(yearText);
  const [day, month] = order === "dmy" ? [first, second] : [second, first];
  if (!isRealDate(year, month, day)) return fail("birth_invalid", "no-such-day");
  const chosen = slashOrder === order && proven === undefined;
  return {
    ok: true,
    iso: isoFromParts(year, month, day),
    warning: order === "dmy" ? "date_dmy_text" : "date_mdy_text",
    ...(chosen ? { chosen: true as const } : {}),
  };
}

function fromSerial(serial: number): DateResult {
  if (serial >= YEAR_ONLY_MIN && serial <= YEAR_ONLY_MAX) return fail("birth_invalid", "year-only");
  const iso = new Date(SERIAL_EPOCH_MS + serial * DAY_MS).toISOString().slice(0, 10);
  return { ok: true, iso, warning: "date_serial_number" };
}

/**
 * Converts one birth cell according to its column's profile (see profileDateColumn) and the
 * operator's choice for the column's text dates (see slashOrderFor).
 */
export function normaliseDate(
  raw: string,
  profile: DateColumnProfile,
  choice: TextDateChoice = "detected",
): DateResult {
  const text = raw.trim();
  const iso = ISO.exec(text);
  if (iso !== null) {
    const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    return isRealDate(year, month, day)
      ? { ok: true, iso: isoFromParts(year, month, day) }
      : fail("birth_invalid", "no-such-day");
  }
  const slash = SLASH.exec(text);
  if (slash !== null) return fromSlash(slash, profile, choice, text);
  const serial = SERIAL.exec(text);
  if (serial !== null) return fromSerial(Number(serial[1]));
  if (isSpreadsheetPlaceholder(text)) return fail("birth_unreadable", "spreadsheet-placeholder");
  return fail("birth_invalid", "not-a-date");
}

/** What the grid's per-column control shows for the birth column (nothing when no text dates). */
export type TextDateControl =
  | { kind: "none" }
  /** The column proves its order: a switch, on unless the operator refused the conversion. */
  | { kind: "toggle"; order: "dmy" | "mdy"; on: boolean }
  /** The column does not prove its order: the operator picks one (or none). */
  | { kind: "choose"; value: TextDateChoice };

export function textDateControl(profile: DateColumnProfile, choice: TextDateChoice): TextDateControl {
  if (profile === "dmy" || profile === "mdy")
    return { kind: "toggle", order: profile, on: choice !== "refuse" };
  if (profile === "ambiguous-slash") return { kind: "choose", value: choice };
  return { kind: "none" };
}

/** The choice a switch sets: on follows the column's proof, off refuses the conversion. */
export function choiceOfToggle(on: boolean): TextDateChoice {
  return on ? "detected" : "refuse";
}
