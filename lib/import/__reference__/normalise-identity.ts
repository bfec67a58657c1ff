// Frozen copy of lib/import/normalise-identity.ts as it was before the row-check speed work (commit 22c462b), so
// row-checks.equivalence.test.ts can prove the faster code gives the same verdicts. Do not optimise.
// One deliberate behaviour change since freezing, made here and in the live code together: cells a
// spreadsheet replaced with a placeholder (####, #VALUE!, #N/A, #FMT, Err:502) are errors in every
// column, not only the birth, and an internalId in scientific notation is an error.
/**
 * The four identity cells of a row whose identity is complete: each is normalised on its own and
 * its damage reported on its own cell, so the operator sees every problem of the row at once.
 */
import { isKnownAlpha3 } from "@/lib/humanos/countries";
import { FULL_NAME_MAX, SHORT_FIELD_MAX } from "@/lib/humanos/schemas";
import { unknownCountryMessage } from "../country-hints";
import { type CellIssue, messages } from "../issues";
import {
  compactDocId,
  type DocIdColumnProfile,
  docIdLostLeadingZeros,
  hasLostLetter,
  isScientificNotation,
  isSpreadsheetPlaceholder,
  normaliseCountryCode,
} from "./detect-damage";
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

function normaliseFullName(fullName: string, sink: IssueSink): string | undefined {
  if (isSpreadsheetPlaceholder(fullName)) {
    const message = messages.fullNameSpreadsheetError(fullName);
    sink.errors.push({ field: "fullName", code: "fullname_spreadsheet_error", message });
    return undefined;
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
    const message = messages.docIdSpreadsheetError(docId);
    sink.errors.push({ field: "docId", code: "docid_spreadsheet_error", message });
    return undefined;
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
  const lostZeros = docIdLostLeadingZeros(docId, country, context.docIdProfile);
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

function normaliseCountry(rawCountry: string, sink: IssueSink): string | undefined {
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
 * Normalises a complete identity (all four cells filled and trimmed). Returns the values to send;
 * a cell with an error is left out (its issue is in the sink). Warnings never block.
 */
export function normaliseIdentity(
  cells: IdentityCells,
  context: IdentityContext,
  sink: IssueSink,
): Partial<IdentityCells> {
  const sent: Partial<IdentityCells> = {};
  const fullName = normaliseFullName(cells.fullName, sink);
  if (fullName !== undefined) sent.fullName = fullName;
  const birth = normaliseBirth(cells.birth, context, sink);
  if (birth !== undefined) sent.birth = birth;
  const country = normaliseCountry(cells.countryAlpha3, sink);
  if (country !== undefined) sent.countryAlpha3 = country;
  const docId = normaliseDocId(
    cells.docId,
    country ?? normaliseCountryCode(cells.countryAlpha3),
    context,
    sink,
  );
  if (docId !== undefined) sent.docId = docId;
  return sent;
}
