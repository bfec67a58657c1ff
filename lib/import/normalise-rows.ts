/**
 * The layer between the grid and the wire: turns one row of (possibly spreadsheet-damaged) cells into
 * the subject that will be sent, with a warning for every repair and an error for every loss. Pure,
 * so it can run in a Web Worker; column-wide decisions (date order, usual docId lengths) are made
 * once by profileColumns and passed to every normaliseRow call.
 */
import { contactSchema, type Subject } from "@/lib/humanos/schemas";
import {
  type DocIdColumnProfile,
  isScientificNotation,
  isSpreadsheetPlaceholder,
  profileDocIdColumn,
} from "./detect-damage";
import { type GridCells, type GridField, IDENTITY_FIELDS } from "./grid-fields";
import { type CellIssue, INTERNAL_ID_MAX, type IssueCode, messages } from "./issues";
import { type GridSubjectInput, judgeSubject } from "./judge-subject";
import {
  countDateEvidence,
  type DateColumnEvidence,
  type DateColumnProfile,
  profileFromEvidence,
  type TextDateChoice,
} from "./normalise-date";
import { type IdentityContext, normaliseIdentity } from "./normalise-identity";
import { type CountryCode, normalisePhone, type PhoneErrorCode } from "./normalise-phone";
import { withoutWhiteSpace } from "./validate-row";

export type { CellIssue, ErrorCode, IssueCode, WarningCode } from "./issues";
export { ERROR_CODES, WARNING_CODES } from "./issues";

export interface ImportOptions {
  defaultRegion: CountryCode;
  /** The import day, YYYY-MM-DD: births on or after it are in the future. */
  today: string;
  /** The operator's choice for the birth column's DD/MM or MM/DD text dates; "detected" when absent. */
  textDates?: TextDateChoice;
}

export interface ColumnProfile {
  birth: DateColumnProfile;
  docId: DocIdColumnProfile;
  /** The counts `birth` was decided from, so an edit can update them (absent in hand-made profiles). */
  birthEvidence?: DateColumnEvidence;
}

export interface NormalisedRow {
  /** The subject to send, or null when the row has an error. */
  subject: Subject | null;
  /** The normalised value per cell (what will be sent); cells that are empty or in error are absent. */
  sent: Partial<GridCells>;
  warnings: CellIssue[];
  errors: CellIssue[];
}

export function profileColumns(rows: readonly GridCells[]): ColumnProfile {
  const birthEvidence = countDateEvidence(rows.map((row) => row.birth));
  return { birth: profileFromEvidence(birthEvidence), docId: profileDocIdColumn(rows), birthEvidence };
}

export function trimCells(cells: GridCells): GridCells {
  // JS trim() also removes NBSP, which spreadsheets and web pages leave at the ends of cells.
  return {
    contact: cells.contact.trim(),
    internalId: cells.internalId.trim(),
    fullName: cells.fullName.trim(),
    birth: cells.birth.trim(),
    docId: cells.docId.trim(),
    countryAlpha3: cells.countryAlpha3.trim(),
  };
}

/**
 * The issue each failed phone reports. A placeholder (####, #N/A…) is reported under phone_invalid, the
 * spreadsheet fixtures' code for a phone nothing correct can be sent for, with a message of its own.
 */
const PHONE_ISSUES = {
  phone_invalid: () => ({ code: "phone_invalid", message: messages.phoneInvalid }),
  phone_scientific_notation: (raw: string) => ({
    code: "phone_scientific_notation",
    message: messages.phoneScientific(raw),
  }),
  phone_spreadsheet_error: (raw: string) => ({
    code: "phone_invalid",
    message: messages.phoneSpreadsheetError(raw),
  }),
} as const satisfies Record<PhoneErrorCode, (raw: string) => { code: IssueCode; message: string }>;

/**
 * Checks the contact. An e-mail is only marked for the schema (returns true): when the rest of the
 * row is clean, the schema's judgement of the row decides (see toSubject); otherwise
 * judgeEmailAlone does. Either way the e-mail is judged by contactSchema, on the same text.
 */
function normaliseContactCell(contact: string, options: ImportOptions, row: NormalisedRow): boolean {
  if (contact === "") {
    row.errors.push({ field: "contact", code: "contact_missing", message: messages.contactMissing });
    return false;
  }
  if (contact.includes("@")) {
    // normaliseContact's /\s+/g removal, without the regex pass when there is no white space.
    row.sent.contact = withoutWhiteSpace(contact);
    return true;
  }
  const phone = normalisePhone(contact, options.defaultRegion);
  if (!phone.ok) {
    row.errors.push({ field: "contact", ...PHONE_ISSUES[phone.code](contact) });
    return false;
  }
  row.sent.contact = phone.e164;
  if (phone.warning === "phone_lost_plus") {
    row.warnings.push({
      field: "contact",
      code: phone.warning,
      message: messages.phoneLostPlus,
      value: phone.e164,
    });
  } else if (phone.warning === "phone_national_default_region") {
    row.warnings.push({
      field: "contact",
      code: phone.warning,
      message: messages.phoneNationalDefaultRegion(options.defaultRegion),
      value: phone.e164,
    });
  }
  return false;
}

const EMAIL_INVALID: CellIssue = { field: "contact", code: "email_invalid", message: messages.emailInvalid };

/** The e-mail turned out invalid: no contact is sent, and its error comes first, as the cell is first. */
function refuseEmail(row: NormalisedRow): void {
  delete row.sent.contact;
  row.errors.unshift({ ...EMAIL_INVALID });
}

/** A row with errors elsewhere is never parsed whole, so its e-mail is judged on its own. */
function judgeEmailAlone(contact: string, row: NormalisedRow): void {
  // The shared schema is the judge of e-mail syntax, so the grid and the server cannot disagree.
  if (!contactSchema.safeParse(contact).success) refuseEmail(row);
}

/** The internalId as it arrived, unless the spreadsheet destroyed it (#N/A, 1.23457E+11) or it is too long. */
function normaliseInternalId(internalId: string, row: NormalisedRow): void {
  if (internalId === "") return;
  if (isSpreadsheetPlaceholder(internalId)) {
    const message = messages.internalIdSpreadsheetError(internalId);
    row.errors.push({ field: "internalId", code: "internalid_spreadsheet_error", message });
  } else if (isScientificNotation(internalId)) {
    const message = messages.internalIdScientific(internalId);
    row.errors.push({ field: "internalId", code: "internalid_scientific_notation", message });
  } else if (internalId.length > INTERNAL_ID_MAX) {
    const message = messages.internalIdTooLong(internalId.length);
    row.errors.push({ field: "internalId", code: "internalid_too_long", message });
  } else {
    row.sent.internalId = internalId;
  }
}

let lastContext: IdentityContext | undefined;

/** The identity context of a profile and options: one object for every row of a pass, not one a row. */
function identityContext(profile: ColumnProfile, options: ImportOptions): IdentityContext {
  // Compared by value, so an options object changed in place still gets a context of its own.
  if (
    lastContext?.birthProfile === profile.birth &&
    lastContext.docIdProfile === profile.docId &&
    lastContext.today === options.today &&
    lastContext.textDates === options.textDates
  ) {
    return lastContext;
  }
  lastContext = {
    birthProfile: profile.birth,
    docIdProfile: profile.docId,
    today: options.today,
    textDates: options.textDates,
  };
  return lastContext;
}

function normaliseIdentityCells(
  cells: GridCells,
  profile: ColumnProfile,
  options: ImportOptions,
  row: NormalisedRow,
) {
  const complete =
    cells.fullName !== "" && cells.birth !== "" && cells.docId !== "" && cells.countryAlpha3 !== "";
  if (!complete) {
    const missing = IDENTITY_FIELDS.filter((field) => cells[field] === "");
    if (missing.length === IDENTITY_FIELDS.length) return;
    const message = messages.identityPartial(missing);
    for (const field of missing) row.errors.push({ field, code: "identity_partial", message });
  }
  // A partial identity's filled cells are checked as a complete identity's are: `sent` holds the forms
  // they would be sent in (a held-back row is stored, and "Edit failed rows" loads it back, in them,
  // so a birth column never comes back half 01/02/1980, half 1971-02-25), and their warnings and
  // errors show now, with the "→ sent" hint they explain, rather than when the last cell is filled.
  normaliseIdentity(cells, identityContext(profile, options), row, row.sent);
}

// Safety net for anything the checks above let through: the schema issue lands on its cell.
const SCHEMA_ISSUE_CODES: Record<GridField, (sent: Partial<GridCells>) => IssueCode> = {
  contact: (sent) => (sent.contact?.includes("@") === true ? "email_invalid" : "phone_invalid"),
  internalId: () => "internalid_too_long",
  fullName: () => "fullname_too_long",
  // The birth sent is always a real ISO date, so the schema can only object to it being in the past
  // by the clock (when options.today is later than the real date).
  birth: () => "birth_in_future",
  docId: () => "docid_too_long",
  countryAlpha3: () => "country_unknown",
};

function toSubject(row: NormalisedRow, emailPending: boolean): Subject | null {
  const { sent } = row;
  const input: GridSubjectInput = { contact: sent.contact ?? "" };
  if (sent.internalId !== undefined) input.internalId = sent.internalId;
  if (sent.fullName !== undefined && sent.birth !== undefined && sent.docId !== undefined) {
    input.identity = {
      fullName: sent.fullName,
      birth: sent.birth,
      docId: sent.docId,
      countryAlpha3: sent.countryAlpha3 ?? "",
    };
  }
  const result = judgeSubject(input);
  if (result.success) return result.data;
  // An e-mail the schema refuses is the row's only error, as when it was judged before the rest.
  if (emailPending && result.issues.some((issue) => issue.field === "contact")) {
    refuseEmail(row);
    return null;
  }
  for (const { field, message } of result.issues) {
    row.errors.push({ field, code: SCHEMA_ISSUE_CODES[field](sent), message });
  }
  return null;
}

/** Normalises one row. A row with any error has subject null; warnings never block. */
export function normaliseRow(
  cells: GridCells,
  profile: ColumnProfile,
  options: ImportOptions,
): NormalisedRow {
  return normaliseTrimmedRow(trimCells(cells), profile, options);
}

/** normaliseRow of cells already trimmed (see trimCells). */
export function normaliseTrimmedRow(
  trimmed: GridCells,
  profile: ColumnProfile,
  options: ImportOptions,
): NormalisedRow {
  const row: NormalisedRow = { subject: null, sent: {}, warnings: [], errors: [] };
  const emailPending = normaliseContactCell(trimmed.contact, options, row);
  normaliseInternalId(trimmed.internalId, row);
  normaliseIdentityCells(trimmed, profile, options, row);
  if (row.errors.length === 0) row.subject = toSubject(row, emailPending);
  else if (emailPending) judgeEmailAlone(trimmed.contact, row);
  return row;
}
