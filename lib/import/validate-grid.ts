/**
 * Grid validation: each row normalised and checked against the shared schema (with the damage
 * warnings of lib/import/normalise-rows), then what only the whole batch can tell (repeated contacts
 * and identities). Pure: runs on the main thread for small changes and in a Web Worker for big ones.
 */
import type { Subject } from "@/lib/humanos/schemas";
import { findBatchDuplicates } from "./batch-duplicates";
import { type CellErrors, GRID_FIELDS, type GridCells } from "./grid-fields";
import type { CellIssue } from "./issues";
import { type ColumnProfile, type ImportOptions, normaliseRow, profileColumns } from "./normalise-rows";
import { isBlankRow } from "./validate-row";

export type RowVerdict =
  | { kind: "blank" }
  | { kind: "valid"; subject: Subject; sent: Partial<GridCells>; warnings: CellIssue[] }
  | { kind: "invalid"; errors: CellErrors; sent: Partial<GridCells>; warnings: CellIssue[] };

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

/** Operator-facing text starts with a capital, whatever the message table says. */
function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/** One row on its own: blank, valid (with the subject that will be sent) or invalid (a message per cell). */
export function verdictOfRow(cells: GridCells, profile: ColumnProfile, options: ImportOptions): RowVerdict {
  if (isBlankRow(cells)) return { kind: "blank" };
  const row = normaliseRow(cells, profile, options);
  const warnings = row.warnings.map((warning) => ({ ...warning, message: sentence(warning.message) }));
  if (row.subject) return { kind: "valid", subject: row.subject, sent: row.sent, warnings };
  const errors: CellErrors = {};
  for (const error of row.errors) errors[error.field] ??= sentence(error.message);
  return { kind: "invalid", errors, sent: row.sent, warnings };
}

/** Adds what only the whole batch can tell (repeated contacts and identities) and counts the outcome. */
export function summariseVerdicts(
  rows: readonly GridCells[],
  rowVerdicts: readonly RowVerdict[],
): GridValidation {
  const verdicts = rowVerdicts.slice();
  for (const [rowIndex, duplicateErrors] of findBatchDuplicates(rows)) {
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
export function rowMessages(
  verdict: RowVerdict | undefined,
): Array<{ field: (typeof GRID_FIELDS)[number]; kind: "error" | "warning"; message: string }> {
  if (!verdict || verdict.kind === "blank") return [];
  const errors = verdict.kind === "invalid" ? verdict.errors : {};
  const messages: ReturnType<typeof rowMessages> = [];
  for (const field of GRID_FIELDS) {
    const error = errors[field];
    if (error) messages.push({ field, kind: "error", message: error });
  }
  for (const warning of verdict.warnings)
    messages.push({ field: warning.field, kind: "warning", message: warning.message });
  return messages;
}
