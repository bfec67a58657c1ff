// Frozen copy of lib/import/normalise-rows.ts as it was before the row-check speed work (commit 22c462b), so
// row-checks.equivalence.test.ts can prove the faster code gives the same verdicts. Do not optimise.
// One deliberate behaviour change since freezing, made here and in the live code together: a partial
// identity's filled cells are normalised (see normaliseIdentityCells).
// A second one: cells a spreadsheet replaced with a placeholder (####, #VALUE!, #N/A, #FMT, Err:502)
// are errors in every column, not only the birth, and an internalId in scientific notation is one.
/**
 * The layer between the grid and the wire: turns one row of (possibly spreadsheet-damaged) cells into
 * the subject that will be sent, with a warning for every repair and an error for every loss. Pure,
 * so it can run in a Web Worker; column-wide decisions (date order, usual docId lengths) are made
 * once by profileColumns and passed to every normaliseRow call.
 */
import type { z } from "zod";
import {
  contactSchema,
  normaliseContact,
  type Subject,
  type SubjectInput,
  subjectSchema,
} from "@/lib/humanos/schemas";
import { GRID_FIELDS, type GridCells, type GridField, IDENTITY_FIELDS } from "../grid-fields";
import { type CellIssue, INTERNAL_ID_MAX, type IssueCode, messages } from "../issues";
import {
  type DocIdColumnProfile,
  isScientificNotation,
  isSpreadsheetPlaceholder,
  profileDocIdColumn,
} from "./detect-damage";
import {
  countDateEvidence,
  type DateColumnEvidence,
  type DateColumnProfile,
  profileFromEvidence,
  type TextDateChoice,
} from "./normalise-date";
import { type IssueSink, normaliseIdentity } from "./normalise-identity";
import { type CountryCode, normalisePhone, type PhoneErrorCode } from "./normalise-phone";

export type { CellIssue, ErrorCode, IssueCode, WarningCode } from "../issues";
export { ERROR_CODES, WARNING_CODES } from "../issues";

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

function trimCells(cells: GridCells): GridCells {
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

function normaliseContactCell(contact: string, options: ImportOptions, row: NormalisedRow): void {
  if (contact === "") {
    row.errors.push({ field: "contact", code: "contact_missing", message: messages.contactMissing });
    return;
  }
  if (contact.includes("@")) {
    // The shared schema is the judge of e-mail syntax, so the grid and the server cannot disagree.
    if (contactSchema.safeParse(contact).success) row.sent.contact = normaliseContact(contact);
    else row.errors.push({ field: "contact", code: "email_invalid", message: messages.emailInvalid });
    return;
  }
  const phone = normalisePhone(contact, options.defaultRegion);
  if (!phone.ok) {
    row.errors.push({ field: "contact", ...PHONE_ISSUES[phone.code](contact) });
    return;
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
}

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

function normaliseIdentityCells(
  cells: GridCells,
  profile: ColumnProfile,
  options: ImportOptions,
  row: NormalisedRow,
) {
  const missing = IDENTITY_FIELDS.filter((field) => cells[field] === "");
  if (missing.length === IDENTITY_FIELDS.length) return;
  const context = {
    birthProfile: profile.birth,
    docIdProfile: profile.docId,
    today: options.today,
    textDates: options.textDates,
  };
  if (missing.length > 0) {
    const message = messages.identityPartial(missing);
    for (const field of missing) row.errors.push({ field, code: "identity_partial", message });
    // THE ONE DELIBERATE BEHAVIOUR CHANGE SINCE THIS COPY WAS FROZEN, made here and in the live
    // normaliseIdentityCells together (so the equivalence test still guards everything else). Frozen,
    // a partial identity's filled cells were not normalised ("their warnings would be noise until the
    // row is complete"), so its verdict had no sent forms: a row held back for a missing document was
    // stored, and loaded back by "Edit failed rows", with 01/02/1980 among dates sent as 1971-02-25.
    // Now its filled cells are normalised, warned about and refused as a complete identity's are; the
    // missing cells keep their identity_partial error. The frozen normaliseIdentity wants all four
    // cells, so it runs on the whole identity here and only what it says about the filled cells is kept
    // (the live normaliseIdentity skips empty cells instead).
    const own: IssueSink = { warnings: [], errors: [] };
    const sent = normaliseIdentity(cells, context, own);
    const filled = (field: GridField) => cells[field] !== "";
    row.warnings.push(...own.warnings.filter((issue) => filled(issue.field)));
    row.errors.push(...own.errors.filter((issue) => filled(issue.field)));
    for (const field of IDENTITY_FIELDS) {
      const value = sent[field];
      if (filled(field) && value !== undefined) row.sent[field] = value;
    }
    return;
  }
  Object.assign(row.sent, normaliseIdentity(cells, context, row));
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

function fieldOfIssue(issue: z.core.$ZodIssue): GridField {
  const key = issue.path[0] === "identity" ? issue.path[1] : issue.path[0];
  return GRID_FIELDS.find((field) => field === key) ?? "contact";
}

function toSubject(row: NormalisedRow): Subject | null {
  const { sent } = row;
  const input: SubjectInput = { contact: sent.contact ?? "" };
  if (sent.internalId !== undefined) input.internalId = sent.internalId;
  if (sent.fullName !== undefined && sent.birth !== undefined && sent.docId !== undefined) {
    input.identity = {
      fullName: sent.fullName,
      birth: sent.birth,
      docId: sent.docId,
      countryAlpha3: sent.countryAlpha3 ?? "",
    };
  }
  const result = subjectSchema.safeParse(input);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const field = fieldOfIssue(issue);
    row.errors.push({ field, code: SCHEMA_ISSUE_CODES[field](sent), message: issue.message });
  }
  return null;
}

/** Normalises one row. A row with any error has subject null; warnings never block. */
export function normaliseRow(
  cells: GridCells,
  profile: ColumnProfile,
  options: ImportOptions,
): NormalisedRow {
  const trimmed = trimCells(cells);
  const row: NormalisedRow = { subject: null, sent: {}, warnings: [], errors: [] };
  normaliseContactCell(trimmed.contact, options, row);
  normaliseInternalId(trimmed.internalId, row);
  normaliseIdentityCells(trimmed, profile, options, row);
  if (row.errors.length === 0) row.subject = toSubject(row);
  return row;
}
