/**
 * Writes pasted spreadsheet text into the grid's rows at a target cell. Pure: returns new rows and
 * reuses every row object it did not touch (so per-row validation caches stay warm).
 */
import { emptyGridCells, GRID_FIELDS, type GridCells, type GridField } from "./grid-fields";
import { columnsWithData, detectHeader, tableToGridRows } from "./header-detection";
import { parseDelimitedText } from "./parse-delimited";
import { isBlankRow } from "./validate-row";

export interface PasteTarget {
  rowIndex: number;
  /** The column pasted into; null when the grid itself (no cell) had focus. */
  field: GridField | null;
  /**
   * The rows the pasted lines go to, in order, when the grid shows only some rows (e.g. only rows
   * with errors): line i goes to rowIndices[i], never to a hidden row. Lines beyond it are appended.
   */
  rowIndices?: readonly number[];
  /**
   * Read the first line as a row even when it looks like a header row (the operator said it is a
   * person: see PasteOutcome.header).
   */
  firstLineIsData?: boolean;
}

export interface PasteOutcome {
  rows: GridCells[];
  /** First and count of the rows the paste wrote. */
  firstRow: number;
  rowCount: number;
  hasHeader: boolean;
  /** The first line, when it was read as a header row (column names) rather than as a row. */
  header: string[] | null;
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

/**
 * What a paste holds, read from the text (the costly part: parsing and mapping): whole rows mapped
 * by a header row, or a plain table placed from the target cell.
 */
export type PastedTable =
  | { kind: "header"; header: string[]; rows: GridCells[]; unmappedColumns: string[] }
  | { kind: "plain"; table: string[][] };

/** Reads pasted text; `firstLineIsData` reads its first line as a row even when it looks like a header. */
export function readPastedText(text: string, firstLineIsData = false): PastedTable {
  const table = parseDelimitedText(text);
  const headerRow = table[0];
  if (!firstLineIsData && headerRow && detectHeader(headerRow, table[1]).isHeader) {
    const mapped = tableToGridRows(table, true);
    return { kind: "header", header: headerRow, rows: mapped.rows, unmappedColumns: mapped.unmappedColumns };
  }
  return { kind: "plain", table };
}

/**
 * The pasted columns that fall past the grid's last column when a table without header is pasted
 * from `field` ("Column 7" = the paste's 7th column), among those holding a value somewhere
 * (`dataColumns`, see columnsWithData). They are not pasted; the operator is told which.
 */
export function columnsPastTheGrid(dataColumns: readonly boolean[], field: GridField | null): string[] {
  const room = GRID_FIELDS.length - Math.max(0, GRID_FIELDS.indexOf(field ?? GRID_FIELDS[0]));
  const names: string[] = [];
  for (let column = room; column < dataColumns.length; column += 1)
    if (dataColumns[column] === true) names.push(`Column ${column + 1}`);
  return names;
}

/** Writes a read paste into the rows at the target (cheap: touches only the rows pasted). */
export function mergePasted(
  rows: readonly GridCells[],
  pasted: PastedTable,
  target: PasteTarget,
): PasteOutcome {
  const firstRow = Math.max(0, Math.min(target.rowIndex, rows.length));
  const next = rows.slice();
  let appended = 0;
  const rowFor = (offset: number): number => {
    if (!target.rowIndices) return firstRow + offset;
    const index = target.rowIndices[offset];
    if (index !== undefined) return index;
    appended += 1;
    return rows.length + appended - 1;
  };
  if (pasted.kind === "header") {
    // A header names the columns, so the pasted rows replace whole grid rows whatever cell had focus.
    pasted.rows.forEach((cells, offset) => {
      next[rowFor(offset)] = cells;
    });
    return {
      rows: next,
      firstRow,
      rowCount: pasted.rows.length,
      hasHeader: true,
      header: pasted.header,
      unmappedColumns: pasted.unmappedColumns,
    };
  }
  const firstColumn = Math.max(0, GRID_FIELDS.indexOf(target.field ?? GRID_FIELDS[0]));
  pasted.table.forEach((cellsOfLine, offset) => {
    const rowIndex = rowFor(offset);
    const updated: GridCells = { ...(next[rowIndex] ?? emptyGridCells()) };
    cellsOfLine.forEach((value, column) => {
      const field = GRID_FIELDS[firstColumn + column];
      if (field) updated[field] = value;
    });
    next[rowIndex] = updated;
  });
  return {
    rows: next,
    firstRow,
    rowCount: pasted.table.length,
    hasHeader: false,
    header: null,
    unmappedColumns: columnsPastTheGrid(columnsWithData(pasted.table), target.field),
  };
}

export function applyPaste(rows: readonly GridCells[], text: string, target: PasteTarget): PasteOutcome {
  return mergePasted(rows, readPastedText(text, target.firstLineIsData), target);
}

/**
 * Drops the blank rows left below the last row that holds anything (the empty rows a new grid
 * offers), keeping at least one row: after a paste the grid holds exactly the rows pasted.
 */
export function trimTrailingBlankRows(rows: GridCells[]): GridCells[] {
  let end = rows.length;
  while (end > 1 && isBlankRow(rows[end - 1] as GridCells)) end -= 1;
  return end === rows.length ? rows : rows.slice(0, end);
}
