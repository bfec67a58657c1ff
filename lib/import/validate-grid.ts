/**
 * Grid validation: each row normalised and checked against the shared schema (with the damage
 * warnings of lib/import/normalise-rows), then what only the whole batch can tell (repeated contacts
 * and identities). Pure: runs on the main thread for small changes and in a Web Worker for big ones.
 */
import type { SubjectInput } from "@/lib/humanos/schemas";
import { findBatchDuplicates } from "./batch-duplicates";
import { type CellErrors, GRID_FIELDS, type GridCells } from "./grid-fields";
import type { CellIssue } from "./issues";
import {
  type ColumnProfile,
  type ImportOptions,
  normaliseTrimmedRow,
  profileColumns,
  trimCells,
} from "./normalise-rows";
import { type EncodedVerdicts, encodeVerdictsOf } from "./worker-transport";

export type RowVerdict =
  | { kind: "blank" }
  /** `sent`: only the cells whose value to send differs from the cell (e.g. a restored +). */
  | { kind: "valid"; sent: Partial<GridCells>; warnings: CellIssue[] }
  | { kind: "invalid"; errors: CellErrors; sent: Partial<GridCells>; warnings: CellIssue[] };

/** Only the cells whose sent value differs from what the operator sees, trimmed (keeps verdicts small). */
function changedCells(trimmed: GridCells, sent: Partial<GridCells>): Partial<GridCells> {
  const changed: Partial<GridCells> = {};
  for (const field of GRID_FIELDS) {
    const value = sent[field];
    if (value !== undefined && value !== trimmed[field]) changed[field] = value;
  }
  return changed;
}

export interface GridValidation {
  verdicts: RowVerdict[];
  validCount: number;
  invalidCount: number;
  warningCount: number;
  /** Row indices with errors, in order (for the summary, the "only errors" view and F8). */
  invalidRows: number[];
}

export type { ColumnProfile, ImportOptions };
export { profileColumns };

/** What every verdict depends on besides its row and the column profile: equal keys, equal verdicts. */
export function importOptionsKey(options: ImportOptions): string {
  return `${options.defaultRegion}|${options.today}|${options.textDates ?? "detected"}`;
}

/** Operator-facing text starts with a capital, whatever the message table says. */
function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/**
 * The subject to send for a valid row: its cells, trimmed, with the normalised values the verdict
 * carries (E.164 phone, ISO date…). The server re-validates it with the shared schema.
 */
export function subjectToSend(cells: GridCells, sent: Partial<GridCells>): SubjectInput {
  const value = (field: (typeof GRID_FIELDS)[number]) => sent[field] ?? cells[field].trim();
  const identity = {
    fullName: value("fullName"),
    birth: value("birth"),
    docId: value("docId"),
    countryAlpha3: value("countryAlpha3"),
  };
  const hasIdentity = Object.values(identity).some((cell) => cell !== "");
  const internalId = value("internalId");
  return {
    contact: value("contact"),
    ...(internalId ? { internalId } : {}),
    ...(hasIdentity ? { identity } : {}),
  };
}

/** One row on its own: blank, valid (with the subject that will be sent) or invalid (a message per cell). */
export function verdictOfRow(cells: GridCells, profile: ColumnProfile, options: ImportOptions): RowVerdict {
  // Trimmed once: the blank test, the checks and the comparison with what is sent all read these.
  const trimmed = trimCells(cells);
  if (isBlankTrimmed(trimmed)) return { kind: "blank" };
  const row = normaliseTrimmedRow(trimmed, profile, options);
  const sent = changedCells(trimmed, row.sent);
  const warnings = row.warnings.map((warning) => ({ ...warning, message: sentence(warning.message) }));
  if (row.subject) return { kind: "valid", sent, warnings };
  const errors: CellErrors = {};
  for (const error of row.errors) errors[error.field] ??= sentence(error.message);
  return { kind: "invalid", errors, sent, warnings };
}

/**
 * Every row's verdict, encoded for the page: the loop a grid worker runs over its part of a paste.
 * The workers' warm-up (lib/import/warm-up.ts) runs this very function, so V8 has optimised this loop,
 * with the checks inlined into it, before the first big paste. (When the warm-up ran its own loop, the
 * first 100,000-row paste had each worker compile this one, ~100 ms of TurboFan per compile, twice.)
 */
export function encodedVerdictsOfRows(
  rows: readonly GridCells[],
  profile: ColumnProfile,
  options: ImportOptions,
): EncodedVerdicts {
  return encodeVerdictsOf(rows, (row) => verdictOfRow(row, profile, options));
}

/** isBlankRow of trimmed cells. */
function isBlankTrimmed(trimmed: GridCells): boolean {
  for (const field of GRID_FIELDS) if (trimmed[field] !== "") return false;
  return true;
}

/** Adds what only the whole batch can tell (repeated contacts and identities) and counts the outcome. */
export function summariseVerdicts(
  rows: readonly GridCells[],
  rowVerdicts: readonly RowVerdict[],
  /** The repeats, when a worker already found them for exactly these rows. */
  duplicates: ReadonlyMap<number, CellErrors> = findBatchDuplicates(rows),
): GridValidation {
  const verdicts = rowVerdicts.slice();
  for (const [rowIndex, duplicateErrors] of duplicates) {
    const verdict = verdicts[rowIndex];
    if (!verdict || verdict.kind === "blank") continue;
    const errors = verdict.kind === "invalid" ? verdict.errors : {};
    verdicts[rowIndex] = {
      kind: "invalid",
      errors: { ...duplicateErrors, ...errors },
      sent: verdict.sent,
      warnings: verdict.warnings,
    };
  }
  const invalidRows: number[] = [];
  let validCount = 0;
  let warningCount = 0;
  verdicts.forEach((verdict, index) => {
    if (verdict.kind === "blank") return;
    if (verdict.warnings.length > 0) warningCount += 1;
    if (verdict.kind === "valid") validCount += 1;
    else invalidRows.push(index);
  });
  return { verdicts, validCount, invalidCount: invalidRows.length, warningCount, invalidRows };
}

export function validateGrid(rows: readonly GridCells[], options: ImportOptions): GridValidation {
  const profile = profileColumns(rows);
  return summariseVerdicts(
    rows,
    rows.map((row) => verdictOfRow(row, profile, options)),
  );
}

/** The messages of a row, errors first, one per cell, in column order. */
export function rowMessages(verdict: RowVerdict | undefined): Array<{
  field: (typeof GRID_FIELDS)[number];
  kind: "error" | "warning";
  message: string;
  suggestedValue?: string;
}> {
  if (!verdict || verdict.kind === "blank") return [];
  const errors = verdict.kind === "invalid" ? verdict.errors : {};
  const messages: ReturnType<typeof rowMessages> = [];
  for (const field of GRID_FIELDS) {
    const error = errors[field];
    if (error) messages.push({ field, kind: "error", message: error });
  }
  // Warnings the operator can act on (a suggested correction) come first: rows show two lines.
  const warnings = [...verdict.warnings].sort(
    (a, b) => Number(b.suggestedValue !== undefined) - Number(a.suggestedValue !== undefined),
  );
  for (const warning of warnings) {
    messages.push({
      field: warning.field,
      kind: "warning",
      message: warning.message,
      suggestedValue: warning.suggestedValue,
    });
  }
  return messages;
}
