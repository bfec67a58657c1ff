// Frozen copy of lib/import/validate-row.ts as it was before the row-check speed work (commit 22c462b), so
// row-checks.equivalence.test.ts can prove the faster code gives the same verdicts. Do not optimise.
/**
 * Row-level facts shared by the importers. (Validation itself is lib/import/normalise-rows.ts, which
 * also detects spreadsheet damage, and lib/import/validate-grid.ts, which adds batch-wide checks.)
 */
import { GRID_FIELDS, type GridCells } from "../grid-fields";

/** A row with nothing in it (whitespace and NBSP count as nothing): never sent, never an error. */
export function isBlankRow(cells: GridCells): boolean {
  for (const field of GRID_FIELDS) if (cells[field].trim() !== "") return false;
  return true;
}
