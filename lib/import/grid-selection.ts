/**
 * Selection geometry for the paste grid, in view coordinates: `row` is a position among the rows
 * shown (all rows, or only those with errors), `col` an index into GRID_FIELDS. Pure.
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

export const LAST_COLUMN = GRID_FIELDS.length - 1;

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

export function selectedFields(rect: SelectionRect): { fieldStart: GridField; fieldEnd: GridField } {
  return {
    fieldStart: GRID_FIELDS[rect.left] ?? "contact",
    fieldEnd: GRID_FIELDS[rect.right] ?? "countryAlpha3",
  };
}

/** The selection as tab-separated text, as spreadsheets put it on the clipboard. */
export function selectionToTsv(
  rows: readonly GridCells[],
  viewRows: readonly number[],
  rect: SelectionRect,
): string {
  const fields = GRID_FIELDS.slice(rect.left, rect.right + 1);
  const quote = (value: string) => (/[\t\r\n"]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  return selectedRowIndices(viewRows, rect)
    .map((rowIndex) => fields.map((field) => quote(rows[rowIndex]?.[field] ?? "")).join("\t"))
    .join("\r\n");
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
