"use client";

import type { GridCells, GridField } from "@/lib/import/grid-fields";
import type { CellPosition, SelectionRect } from "@/lib/import/grid-selection";
import type { RowVerdict } from "@/lib/import/validate-grid";

export interface CellEditing {
  row: number;
  col: number;
  draft: string;
}

/** The grid's state and actions as the interaction hook hands them to the grid. */
export interface GridCellContext {
  verdicts: readonly (RowVerdict | undefined)[];
  /** What became of a row loaded back to be fixed in its last run (see answerText), if any. */
  answerFor: (rowIndex: number) => string | undefined;
  /** The position of a data row among the rows shown. */
  positionOf: (rowIndex: number) => number;
  active: CellPosition;
  rect: SelectionRect;
  editing: CellEditing | null;
  selectCell: (position: CellPosition, extend: boolean) => void;
  /** The pointer entered a cell: extends the selection while a drag is in progress. */
  dragOver: (position: CellPosition) => void;
  /** Accepts a suggested correction (e.g. restored leading zeros) as one undoable edit. */
  applySuggestion: (rowIndex: number, field: GridField, value: string) => void;
  selectRows: (viewRow: number, extend: boolean) => void;
  startEditing: (position: CellPosition, draft?: string) => void;
  setDraft: (draft: string) => void;
  commitEdit: (move?: { rows: number; cols: number }) => void;
  cancelEdit: () => void;
}

/**
 * What rows and cells call back: one object for the grid's lifetime (each call reaches the latest
 * handlers), so it never makes a memoised row or cell render again.
 */
export type GridActions = Pick<
  GridCellContext,
  | "selectCell"
  | "dragOver"
  | "applySuggestion"
  | "selectRows"
  | "startEditing"
  | "setDraft"
  | "commitEdit"
  | "cancelEdit"
> & {
  removeRow: (rowIndex: number) => void;
  /** Opens the list of all the row's problems, in full (the Problems cell shows two lines). */
  showRowProblems: (rowIndex: number) => void;
};

export type { GridCells };

export function cellErrorId(rowIndex: number, field: string): string {
  return `cell-error-${rowIndex}-${field}`;
}

export function cellWarningId(rowIndex: number, field: string): string {
  return `cell-warning-${rowIndex}-${field}`;
}
