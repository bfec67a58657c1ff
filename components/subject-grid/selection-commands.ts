import { GRID_FIELD_LABELS, type GridField } from "@/lib/import/grid-fields";
import {
  type CellPosition,
  fieldAt,
  nextTargetRow,
  type SelectionRect,
  selectedFields,
  selectedRowIndices,
} from "@/lib/import/grid-selection";
import { PROBLEMS_COLUMN_REFUSALS } from "@/lib/import/problems-column";
import type { RowVerdict } from "@/lib/import/validate-grid";
import type { GridRowsApi } from "./use-grid-rows";

/**
 * What the grid's shortcuts and toolbar do to the rows around the selection: clear, fill down, delete
 * rows, undo and redo, take a suggested correction, jump to an error. Each says what it did. Plain
 * functions over this render's state (no hooks): made again on every render.
 */
export function selectionCommands(options: {
  grid: GridRowsApi;
  viewRows: readonly number[];
  invalidRows: readonly number[];
  verdicts: readonly (RowVerdict | undefined)[];
  rect: SelectionRect;
  active: CellPosition;
  moveTo: (position: CellPosition) => void;
  announce: (message: string) => void;
}) {
  const { grid, viewRows, invalidRows, verdicts, rect, active, moveTo, announce } = options;

  const jumpToError = (direction: 1 | -1) => {
    const target = nextTargetRow(viewRows, active.row, new Set(invalidRows), direction);
    if (target === undefined) announce("No rows with errors.");
    else moveTo({ row: target, col: active.col });
  };

  // Over the selection's fields: a selection reaching into the Problems column leaves that column out.
  const clearSelection = () => {
    const fields = selectedFields(rect);
    if (fields) grid.clearCells({ rowIndices: selectedRowIndices(viewRows, rect), ...fields });
    else announce(PROBLEMS_COLUMN_REFUSALS.clear);
  };
  const fillSelectionDown = () => {
    const fields = selectedFields(rect);
    if (fields) grid.fillCellsDown({ rowIndices: selectedRowIndices(viewRows, rect), ...fields });
    else announce(PROBLEMS_COLUMN_REFUSALS.fill);
  };
  const deleteSelectedRows = () => {
    const indices = selectedRowIndices(viewRows, rect);
    grid.removeRows(indices);
    announce(`Deleted ${indices.length} row${indices.length === 1 ? "" : "s"}. Ctrl+Z undoes it.`);
    moveTo({ row: rect.top, col: active.col });
  };
  const travel = (direction: "undo" | "redo") => {
    const label = direction === "undo" ? grid.undo() : grid.redo();
    announce(label ? `${direction === "undo" ? "Undid" : "Redid"} ${label}.` : `Nothing to ${direction}.`);
  };

  const applySuggestion = (rowIndex: number, field: GridField, value: string) => {
    grid.updateCell(rowIndex, field, value);
    announce(`Row ${rowIndex + 1}: ${GRID_FIELD_LABELS[field]} set to ${value}. Ctrl+Z undoes it.`);
  };
  const applyActiveSuggestion = () => {
    const rowIndex = viewRows[active.row];
    const field = fieldAt(active.col);
    const verdict = rowIndex === undefined ? undefined : verdicts[rowIndex];
    const suggestion =
      verdict && verdict.kind !== "blank"
        ? verdict.warnings.find((warning) => warning.field === field && warning.suggestedValue)
        : undefined;
    if (rowIndex !== undefined && field && suggestion?.suggestedValue)
      applySuggestion(rowIndex, field, suggestion.suggestedValue);
    else announce("No suggested correction for this cell.");
  };

  return {
    jumpToError,
    clearSelection,
    fillSelectionDown,
    deleteSelectedRows,
    travel,
    applySuggestion,
    applyActiveSuggestion,
  };
}
