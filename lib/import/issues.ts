/**
 * The warnings and errors the importer reports per cell, and the sentences the operator reads. The
 * codes are the ones the spreadsheet fixtures define, plus internalid_too_long (which the schema
 * enforces but the fixtures never exercise) and the *_spreadsheet_error codes and
 * internalid_scientific_notation (spreadsheet damage in cells the fixtures only damage in the birth,
 * phone or docId; a phone placeholder is the fixtures' phone_invalid, with its own message); a
 * message says what happened and what to do.
 */
import { getCountryCallingCode } from "libphonenumber-js/max";
import { FULL_NAME_MAX, SHORT_FIELD_MAX } from "@/lib/humanos/schemas";
import type { LostLeadingZeros } from "./detect-damage";
import type { GridField } from "./grid-fields";
import type { DateFailureReason } from "./normalise-date";
import type { CountryCode } from "./normalise-phone";

export const WARNING_CODES = [
  "phone_lost_plus",
  "phone_national_default_region",
  "docid_lost_leading_zeros",
  "date_dmy_text",
  "date_mdy_text",
  "date_serial_number",
  "name_replacement_char",
] as const;

export const ERROR_CODES = [
  "contact_missing",
  "email_invalid",
  "phone_invalid",
  "phone_scientific_notation",
  "identity_partial",
  "birth_in_future",
  "birth_invalid",
  "birth_unreadable",
  "docid_scientific_notation",
  "docid_spreadsheet_error",
  "docid_too_long",
  "country_unknown",
  "fullname_spreadsheet_error",
  "fullname_too_long",
  "internalid_scientific_notation",
  "internalid_spreadsheet_error",
  "internalid_too_long",
] as const;

export type WarningCode = (typeof WARNING_CODES)[number];
export type ErrorCode = (typeof ERROR_CODES)[number];
export type IssueCode = WarningCode | ErrorCode;

export interface CellIssue {
  field: GridField;
  code: IssueCode;
  message: string;
  /** The normalised value, when there is one (what is sent, or what was refused). */
  value?: string;
  /** A correction the operator may accept; never applied silently. */
  suggestedValue?: string;
}

export const INTERNAL_ID_MAX = 200;

const REEXPORT_ADVICE = "format the column as text in the spreadsheet and export again";

/** A cell the spreadsheet replaced with ####, #VALUE!, #N/A, #FMT or Err:502: the value is not in the file. */
const spreadsheetReplaced = (what: string, raw: string) =>
  `${what} shows as ${raw}: the spreadsheet put this in place of the value, which is not in the file; copy it again from the source (in the spreadsheet, widen the column or format it as text first)`;

const BIRTH_INVALID: Record<DateFailureReason, string> = {
  "not-a-date": "not a date: write it as YYYY-MM-DD",
  "no-such-day": "no such day in the calendar: check the day and month",
  "ambiguous-order":
    "the column's text dates do not show whether they are day-first or month-first; choose the order above the grid, or write them as YYYY-MM-DD",
  "two-digit-year": "the year has only two digits: write the full year (YYYY-MM-DD)",
  "year-only": "only a year was given: write the full date as YYYY-MM-DD",
  "spreadsheet-placeholder": "the spreadsheet showed a placeholder instead of the date; fix the cell",
  "dmy-not-converted": "written DD/MM/YYYY; turn on the conversion above the grid, or write YYYY-MM-DD",
  "mdy-not-converted": "written MM/DD/YYYY; turn on the conversion above the grid, or write YYYY-MM-DD",
};

const LOST_ZEROS_BASIS: Record<LostLeadingZeros["rule"], (country: string) => string> = {
  "prt-civil-id": () => "Portuguese civil ID (CC) numbers",
  "bra-cpf": () => "Brazilian CPF numbers",
  column: (country) => `most other ${country} document numbers in this column`,
};

export const messages = {
  phoneLostPlus: "phone lost its leading + (the cell was numeric); restored as an international number",
  phoneNationalDefaultRegion: (region: CountryCode) =>
    `phone has no country code; default region ${region} (+${getCountryCallingCode(region)}) assumed`,
  phoneInvalid: "not a valid phone number: use + and the country code, e.g. +351912345678",
  phoneScientific: (raw: string) =>
    `phone shows as ${raw}: the spreadsheet rounded it and the digits are lost; ${REEXPORT_ADVICE}`,
  phoneSpreadsheetError: (raw: string) => spreadsheetReplaced("phone", raw),
  contactMissing: "no e-mail and no phone: contact is required",
  emailInvalid: "not a valid e-mail address; correct it in the file",
  identityPartial: (missing: readonly GridField[]) =>
    `identity is partly filled: when any of fullName, birth, docId, countryAlpha3 is given, all four are required (missing: ${missing.join(", ")})`,
  dateDmyText: "date arrived as DD/MM/YYYY text; converted (column is day-first)",
  dateMdyText: "date arrived as M/D/YYYY text; converted (column is month-first)",
  dateDmyChosen: "date arrived as DD/MM/YYYY text; converted (you chose day-first for this column)",
  dateMdyChosen: "date arrived as MM/DD/YYYY text; converted (you chose month-first for this column)",
  dateSerial: "date arrived as a spreadsheet serial number; converted (days since 1899-12-30)",
  birthInFuture: "birth must be a date in the past; check the year",
  birthUnreadable: (raw: string) =>
    `the spreadsheet showed ${raw} instead of the date, so the date is lost; fix the cell (or widen the column) and export again`,
  birthInvalid: (reason: DateFailureReason) => BIRTH_INVALID[reason],
  docIdScientific: (raw: string) =>
    `docId shows as ${raw}: the spreadsheet rounded it and the digits are lost; ${REEXPORT_ADVICE}`,
  docIdSpreadsheetError: (raw: string) => spreadsheetReplaced("docId", raw),
  docIdTooLong: (length: number) =>
    `docId has ${length} characters (spaces removed); the API allows at most ${SHORT_FIELD_MAX}`,
  docIdLostZeros: (docId: string, country: string, damage: LostLeadingZeros) =>
    `docId has ${docId.length} digits but ${LOST_ZEROS_BASIS[damage.rule](country)} have ${damage.expectedLength}: leading zero(s) were probably lost because the cell was numeric; sent as it arrived, fix at source or accept the suggestion`,
  nameReplacementChar:
    "fullName contains '?' or '\uFFFD' in place of a letter: the file's encoding could not hold it, so the letter is lost; correct the name",
  fullNameSpreadsheetError: (raw: string) => spreadsheetReplaced("fullName", raw),
  fullNameTooLong: (length: number) =>
    `fullName has ${length} characters; the API allows at most ${FULL_NAME_MAX}`,
  internalIdScientific: (raw: string) =>
    `internalId shows as ${raw}: the spreadsheet rounded it and the digits are lost; ${REEXPORT_ADVICE}`,
  internalIdSpreadsheetError: (raw: string) => spreadsheetReplaced("internalId", raw),
  internalIdTooLong: (length: number) =>
    `internalId has ${length} characters; the API allows at most ${INTERNAL_ID_MAX}`,
} as const;
