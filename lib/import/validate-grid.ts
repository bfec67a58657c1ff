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

// Rows are immutable objects: an unchanged row keeps its identity, so its verdict is reused.
const verdictCache = new WeakMap<GridCells, RowVerdict>();

function verdictOf(cells: GridCells): RowVerdict {
  const cached = verdictCache.get(cells);
  if (cached) return cached;
  let verdict: RowVerdict;
  if (isBlankRow(cells)) verdict = { kind: "blank" };
  else {
    const result = validateGridRow(cells);
    verdict = result.ok
      ? { kind: "valid", subject: result.subject }
      : { kind: "invalid", errors: result.errors };
  }
  verdictCache.set(cells, verdict);
  return verdict;
}

/** Validates every row with the shared schema, then flags contacts and identities repeated in the batch. */
export function validateGrid(rows: readonly GridCells[]): GridValidation {
  const verdicts = rows.map(verdictOf);
  const duplicates = findBatchDuplicates(rows as GridCells[]);
  for (const [rowIndex, duplicateErrors] of duplicates) {
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
