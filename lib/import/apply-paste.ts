/**
 * Writes pasted spreadsheet text into the grid's rows at a target cell. Pure: returns new rows and
 * reuses every row object it did not touch (so per-row validation caches stay warm).
 */
import { emptyGridCells, GRID_FIELDS, type GridCells, type GridField } from "./grid-fields";
import { detectHeader, tableToGridRows } from "./header-detection";
import { parseDelimitedText } from "./parse-delimited";

export interface PasteTarget {
  rowIndex: number;
  /** The column pasted into; null when the grid itself (no cell) had focus. */
  field: GridField | null;
}

export interface PasteOutcome {
  rows: GridCells[];
  /** First and count of the rows the paste wrote. */
  firstRow: number;
  rowCount: number;
  hasHeader: boolean;
  unmappedColumns: string[];
}

/** True when text is more than one cell: a paste the grid spreads over cells, not an input's own paste. */
export function isMultiCellText(text: string): boolean {
  return /[\t\r\n]/.test(text.replace(/[\r\n]+$/, ""));
}

/** Where a paste lands when no cell has focus: just after the last row that holds anything. */
export function firstRowAfterContent(rows: readonly GridCells[]): number {
  for (let index = rows.length - 1; index >= 0; index -= 1) {
    const row = rows[index];
    if (row && GRID_FIELDS.some((field) => row[field].trim() !== "")) return index + 1;
  }
  return 0;
}

export function applyPaste(rows: readonly GridCells[], text: string, target: PasteTarget): PasteOutcome {
  const table = parseDelimitedText(text);
  const firstRow = Math.max(0, Math.min(target.rowIndex, rows.length));
  const next = rows.slice();
  const unchanged: PasteOutcome = {
    rows: next,
    firstRow,
    rowCount: 0,
    hasHeader: false,
    unmappedColumns: [],
  };
  const headerRow = table[0];
  if (!headerRow) return unchanged;

  const header = detectHeader(headerRow);
  if (header.isHeader) {
    // A header names the columns, so the pasted rows replace whole grid rows whatever cell had focus.
    const mapped = tableToGridRows(table);
    mapped.rows.forEach((cells, offset) => {
      next[firstRow + offset] = cells;
    });
    return {
      rows: next,
      firstRow,
      rowCount: mapped.rows.length,
      hasHeader: true,
      unmappedColumns: mapped.unmappedColumns,
    };
  }

  const firstColumn = Math.max(0, GRID_FIELDS.indexOf(target.field ?? GRID_FIELDS[0]));
  table.forEach((cellsOfLine, offset) => {
    const rowIndex = firstRow + offset;
    const updated: GridCells = { ...(next[rowIndex] ?? emptyGridCells()) };
    cellsOfLine.forEach((value, column) => {
      const field = GRID_FIELDS[firstColumn + column];
      if (field) updated[field] = value;
    });
    next[rowIndex] = updated;
  });
  return { rows: next, firstRow, rowCount: table.length, hasHeader: false, unmappedColumns: [] };
}
