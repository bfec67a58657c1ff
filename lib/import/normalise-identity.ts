/**
 * The identity cells of a row: each filled cell is normalised on its own and its damage reported on
 * its own cell, so the operator sees every problem of the row at once. Whether the identity may be
 * partly filled is the caller's judgement (normalise-rows reports the missing cells).
 */
import { isKnownAlpha3 } from "@/lib/humanos/countries";
import { FULL_NAME_MAX, SHORT_FIELD_MAX } from "@/lib/humanos/schemas";
import { unknownCountryMessage } from "./country-hints";
import {
  compactDocId,
  type DocIdColumnProfile,
  hasLostLetter,
  isScientificNotation,
  isSpreadsheetPlaceholder,
  lostLeadingZerosOfCompact,
  normaliseCountryCode,
} from "./detect-damage";
import type { GridField } from "./grid-fields";
import { type CellIssue, type ErrorCode, messages } from "./issues";
import { type DateColumnProfile, normaliseDate, type TextDateChoice } from "./normalise-date";

export interface IdentityCells {
  fullName: string;
  birth: string;
  docId: string;
  countryAlpha3: string;
}

export interface IdentityContext {
  birthProfile: DateColumnProfile;
  /** The operator's choice for the birth column's text dates (default: follow the column). */
  textDates?: TextDateChoice;
  docIdProfile: DocIdColumnProfile;
  /** YYYY-MM-DD; a birth on or after it is in the future. */
  today: string;
}

/** The caller's issue lists: identity problems are added to the row's. */
export interface IssueSink {
  warnings: CellIssue[];
  errors: CellIssue[];
}

const ALPHA3 = /^[A-Z]{3}$/;

/** An error on the cell, which is then not sent. */
function refuse(sink: IssueSink, field: GridField, code: ErrorCode, message: string): undefined {
  sink.errors.push({ field, code, message });
  return undefined;
}

function normaliseFullName(fullName: string, sink: IssueSink): string | undefined {
  // #NAME? would otherwise also read as a letter lost before a "?": the placeholder says it all.
  if (isSpreadsheetPlaceholder(fullName)) {
    return refuse(
      sink,
      "fullName",
      "fullname_spreadsheet_error",
      messages.fullNameSpreadsheetError(fullName),
    );
  }
  if (hasLostLetter(fullName)) {
    sink.warnings.push({
      field: "fullName",
      code: "name_replacement_char",
      message: messages.nameReplacementChar,
    });
  }
  if (fullName.length > FULL_NAME_MAX) {
    sink.errors.push({
      field: "fullName",
      code: "fullname_too_long",
      message: messages.fullNameTooLong(fullName.length),
    });
    return undefined;
  }
  return fullName;
}

const DATE_WARNING_MESSAGES = {
  date_dmy_text: messages.dateDmyText,
  date_mdy_text: messages.dateMdyText,
  date_serial_number: messages.dateSerial,
} as const;

const CHOSEN_DATE_MESSAGES = {
  date_dmy_text: messages.dateDmyChosen,
  date_mdy_text: messages.dateMdyChosen,
  date_serial_number: messages.dateSerial,
} as const;

function normaliseBirth(birth: string, context: IdentityContext, sink: IssueSink): string | undefined {
  const result = normaliseDate(birth, context.birthProfile, context.textDates);
  if (!result.ok) {
    const message =
      result.code === "birth_unreadable"
        ? messages.birthUnreadable(birth)
        : messages.birthInvalid(result.reason);
    sink.errors.push({ field: "birth", code: result.code, message });
    return undefined;
  }
  if (result.warning !== undefined) {
    sink.warnings.push({
      field: "birth",
      code: result.warning,
      message: (result.chosen ? CHOSEN_DATE_MESSAGES : DATE_WARNING_MESSAGES)[result.warning],
      value: result.iso,
    });
  }
  // Compared with the import day the caller chose, not the clock, so results are reproducible.
  if (result.iso >= context.today) {
    sink.errors.push({
      field: "birth",
      code: "birth_in_future",
      message: messages.birthInFuture,
      value: result.iso,
    });
    return undefined;
  }
  return result.iso;
}

function normaliseDocId(
  rawDocId: string,
  country: string,
  context: IdentityContext,
  sink: IssueSink,
): string | undefined {
  const docId = compactDocId(rawDocId);
  if (isSpreadsheetPlaceholder(docId)) {
    return refuse(sink, "docId", "docid_spreadsheet_error", messages.docIdSpreadsheetError(docId));
  }
  if (isScientificNotation(docId)) {
    sink.errors.push({
      field: "docId",
      code: "docid_scientific_notation",
      message: messages.docIdScientific(docId),
    });
    return undefined;
  }
  if (docId.length > SHORT_FIELD_MAX) {
    sink.errors.push({
      field: "docId",
      code: "docid_too_long",
      message: messages.docIdTooLong(docId.length),
    });
    return undefined;
  }
  // docId is compact already; the country normalised as docIdLostLeadingZeros would.
  const lostZeros = lostLeadingZerosOfCompact(docId, normaliseCountryCode(country), context.docIdProfile);
  if (lostZeros !== undefined) {
    sink.warnings.push({
      field: "docId",
      code: "docid_lost_leading_zeros",
      message: messages.docIdLostZeros(docId, country, lostZeros),
      value: docId,
      suggestedValue: lostZeros.suggestedValue,
    });
  }
  return docId;
}

const UPPER_A = 65;
const UPPER_Z = 90;

/** Three ASCII capitals: such a cell is its own normalised code (trim and upper-case change nothing). */
function isPlainAlpha3(text: string): boolean {
  if (text.length !== 3) return false;
  for (let index = 0; index < 3; index += 1) {
    const code = text.charCodeAt(index);
    if (code < UPPER_A || code > UPPER_Z) return false;
  }
  return true;
}

function normaliseCountry(rawCountry: string, sink: IssueSink): string | undefined {
  if (isPlainAlpha3(rawCountry) && isKnownAlpha3(rawCountry)) return rawCountry;
  const country = normaliseCountryCode(rawCountry);
  if (ALPHA3.test(country) && isKnownAlpha3(country)) return country;
  sink.errors.push({
    field: "countryAlpha3",
    code: "country_unknown",
    message: unknownCountryMessage(country),
  });
  return undefined;
}

/**
 * Normalises the filled cells of an identity (trimmed) into `sent` (a new object unless the caller
 * passes its own, e.g. the row's): the values to send. An empty cell is left out and says nothing (a
 * partial identity is reported by the caller, on its missing cells); a cell with an error is left out
 * too, its issue in the sink. Warnings never block.
 */
export function normaliseIdentity(
  cells: IdentityCells,
  context: IdentityContext,
  sink: IssueSink,
  sent: Partial<IdentityCells> = {},
): Partial<IdentityCells> {
  if (cells.fullName !== "") {
    const fullName = normaliseFullName(cells.fullName, sink);
    if (fullName !== undefined) sent.fullName = fullName;
  }
  if (cells.birth !== "") {
    const birth = normaliseBirth(cells.birth, context, sink);
    if (birth !== undefined) sent.birth = birth;
  }
  const country = cells.countryAlpha3 === "" ? undefined : normaliseCountry(cells.countryAlpha3, sink);
  if (country !== undefined) sent.countryAlpha3 = country;
  if (cells.docId !== "") {
    const docId = normaliseDocId(
      cells.docId,
      country ?? normaliseCountryCode(cells.countryAlpha3),
      context,
      sink,
    );
    if (docId !== undefined) sent.docId = docId;
  }
  return sent;
}
