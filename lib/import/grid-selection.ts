/**
 * Selection geometry for the paste grid, in view coordinates: `row` is a position among the rows
 * shown (all rows, or only those with errors), `col` a column the keyboard moves over: an index into
 * GRID_FIELDS, or PROBLEMS_COLUMN (the row's read-only problems, after the fields). Pure.
 */
import { GRID_FIELDS, type GridCells, type GridField } from "./grid-fields";

export interface CellPosition {
  row: number;
  col: number;
}

export interface SelectionRect {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The last column that holds a field. */
export const LAST_FIELD_COLUMN = GRID_FIELDS.length - 1;
/** The row's Problems cell: on the arrow-key path like any cell (WAI-ARIA grid), but never edited. */
export const PROBLEMS_COLUMN = GRID_FIELDS.length;
/** The last column the active cell can be in. */
export const LAST_COLUMN = PROBLEMS_COLUMN;

/** The field a column holds, or undefined for the Problems column. */
export function fieldAt(col: number): GridField | undefined {
  return col >= 0 && col <= LAST_FIELD_COLUMN ? GRID_FIELDS[col] : undefined;
}

export function selectionRect(anchor: CellPosition, active: CellPosition): SelectionRect {
  return {
    top: Math.min(anchor.row, active.row),
    bottom: Math.max(anchor.row, active.row),
    left: Math.min(anchor.col, active.col),
    right: Math.max(anchor.col, active.col),
  };
}

export function isInRect(rect: SelectionRect, row: number, col: number): boolean {
  return row >= rect.top && row <= rect.bottom && col >= rect.left && col <= rect.right;
}

export function clampPosition(position: CellPosition, rowCount: number): CellPosition {
  return {
    row: Math.max(0, Math.min(position.row, rowCount - 1)),
    col: Math.max(0, Math.min(position.col, LAST_COLUMN)),
  };
}

/** The data-row indices a selection covers, in display order. */
export function selectedRowIndices(viewRows: readonly number[], rect: SelectionRect): number[] {
  return viewRows.slice(rect.top, rect.bottom + 1);
}

/**
 * The fields a selection covers (clear, fill down), leaving out the Problems column: null when it
 * covers the Problems column alone.
 */
export function selectedFields(rect: SelectionRect): { fieldStart: GridField; fieldEnd: GridField } | null {
  const fieldStart = fieldAt(rect.left);
  const fieldEnd = fieldAt(Math.min(rect.right, LAST_FIELD_COLUMN));
  return fieldStart && fieldEnd ? { fieldStart, fieldEnd } : null;
}

/**
 * The selection's fields as tab-separated text, as spreadsheets put it on the clipboard. The Problems
 * column is left out: it is the grid's verdict on the row, not data, and pasted back it would land as
 * an extra column past the grid's fields.
 */
export function selectionToTsv(
  rows: readonly GridCells[],
  viewRows: readonly number[],
  rect: SelectionRect,
): string {
  const fields = GRID_FIELDS.slice(rect.left, Math.min(rect.right, LAST_FIELD_COLUMN) + 1);
  const quote = (value: string) => (/[\t\r\n"]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  return selectedRowIndices(viewRows, rect)
    .map((rowIndex) => fields.map((field) => quote(rows[rowIndex]?.[field] ?? "")).join("\t"))
    .join("\r\n");
}

/**
 * Where a navigation key moves the active cell among `rowCount` rows (arrows, Page Up/Down by
 * `pageRows`, Home/End along the row, Ctrl+Home/End to the grid's first and last cells), over every
 * column the keyboard reaches, the Problems column included. Undefined for any other key.
 */
export function moveTarget(
  active: CellPosition,
  key: string,
  command: boolean,
  rowCount: number,
  pageRows: number,
): CellPosition | undefined {
  const rows = Math.max(rowCount, 1);
  const by = (rowStep: number, colStep: number) =>
    clampPosition({ row: active.row + rowStep, col: active.col + colStep }, rows);
  if (command) {
    if (key === "Home") return { row: 0, col: 0 };
    if (key === "End") return { row: rows - 1, col: LAST_COLUMN };
    return undefined;
  }
  switch (key) {
    case "ArrowUp":
      return by(-1, 0);
    case "ArrowDown":
      return by(1, 0);
    case "ArrowLeft":
      return by(0, -1);
    case "ArrowRight":
      return by(0, 1);
    case "PageUp":
      return by(-pageRows, 0);
    case "PageDown":
      return by(pageRows, 0);
    case "Home":
      return { row: active.row, col: 0 };
    case "End":
      return { row: active.row, col: LAST_COLUMN };
    default:
      return undefined;
  }
}

/** The next view position (wrapping) whose row is in `targets`, searching forward or backward. */
export function nextTargetRow(
  viewRows: readonly number[],
  from: number,
  targets: ReadonlySet<number>,
  direction: 1 | -1,
): number | undefined {
  const count = viewRows.length;
  for (let step = 1; step <= count; step += 1) {
    const position = (((from + direction * step) % count) + count) % count;
    if (targets.has(viewRows[position] as number)) return position;
  }
  return undefined;
}
