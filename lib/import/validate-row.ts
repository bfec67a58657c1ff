/**
 * Row-level facts shared by the importers. (Validation itself is lib/import/normalise-rows.ts, which
 * also detects spreadsheet damage, and lib/import/validate-grid.ts, which adds batch-wide checks.)
 */
import { GRID_FIELDS, type GridCells } from "./grid-fields";

/** A row with nothing in it (whitespace and NBSP count as nothing): never sent, never an error. */
export function isBlankRow(cells: GridCells): boolean {
  for (const field of GRID_FIELDS) if (cells[field].trim() !== "") return false;
  return true;
}
