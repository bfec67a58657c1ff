import type { Subject } from "@/lib/humanos/schemas";
import { findBatchDuplicates } from "./batch-duplicates";
import type { CellErrors, GridCells } from "./grid-fields";
import { isBlankRow, validateGridRow } from "./validate-row";

export type RowVerdict =
  | { kind: "blank" }
  | { kind: "valid"; subject: Subject }
  | { kind: "invalid"; errors: CellErrors };

export interface GridValidation {
  verdicts: RowVerdict[];
  validCount: number;
  invalidCount: number;
  /** Row indices with errors, in order (for the summary and "jump to error"). */
  invalidRows: number[];
}

/** One row on its own: blank, valid (with the subject that will be sent) or invalid (a message per cell). */
export function verdictOfRow(cells: GridCells): RowVerdict {
  if (isBlankRow(cells)) return { kind: "blank" };
  const result = validateGridRow(cells);
  return result.ok ? { kind: "valid", subject: result.subject } : { kind: "invalid", errors: result.errors };
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
    verdicts[rowIndex] = { kind: "invalid", errors: { ...duplicateErrors, ...errors } };
  }
  const invalidRows: number[] = [];
  let validCount = 0;
  verdicts.forEach((verdict, index) => {
    if (verdict.kind === "valid") validCount += 1;
    else if (verdict.kind === "invalid") invalidRows.push(index);
  });
  return { verdicts, validCount, invalidCount: invalidRows.length, invalidRows };
}

export function validateGrid(rows: readonly GridCells[]): GridValidation {
  return summariseVerdicts(rows, rows.map(verdictOfRow));
}
