"use client";

import { type KeyboardEvent, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { type GridKeyAction, gridKeyAction } from "@/lib/import/grid-keys";
import {
  type CellPosition,
  clampPosition,
  fieldAt,
  LAST_COLUMN,
  selectionRect,
} from "@/lib/import/grid-selection";
import {
  nothingToListSentence,
  PROBLEMS_COLUMN_REFUSALS,
  type RowCheckState,
} from "@/lib/import/problems-column";
import type { RowVerdict } from "@/lib/import/validate-grid";
import type { CellEditing, GridCellContext } from "./grid-context";
import { selectionCommands } from "./selection-commands";
import { useGridClipboard } from "./use-grid-clipboard";
import type { GridRowsApi } from "./use-grid-rows";

const PAGE_ROWS = 10;

const ORIGIN: CellPosition = { row: 0, col: 0 };

/**
 * The WAI-ARIA grid pattern over the visible rows: one active cell (roving tabindex), a rectangular
 * selection, type-to-edit, spreadsheet shortcuts, copy and paste. Positions are view positions.
 */
export function useGridInteraction(options: {
  grid: GridRowsApi;
  viewRows: readonly number[];
  invalidRows: readonly number[];
  verdicts: readonly (RowVerdict | undefined)[];
  scrollToRow: (viewRow: number) => void;
  getCellElement: (position: CellPosition) => HTMLElement | null;
  /** Scrolls the grid's body sideways, if need be, to show the whole of a cell (rows scroll by scrollToRow). */
  scrollCellIntoViewSideways: (cell: HTMLElement, position: CellPosition) => void;
  announce: (message: string) => void;
  /** Opens the list of all a row's problems (Alt+↓ on its cells, Enter on its Problems cell). */
  showRowProblems: (rowIndex: number) => void;
  /** Whether the row has anything to list (a problem, what its last run answered) or why not. */
  rowCheckStateOf: (rowIndex: number) => RowCheckState;
}) {
  const {
    grid,
    viewRows,
    invalidRows,
    verdicts,
    scrollToRow,
    getCellElement,
    scrollCellIntoViewSideways,
    announce,
    showRowProblems,
    rowCheckStateOf,
  } = options;
  const [active, setActive] = useState<CellPosition>(ORIGIN);
  const [anchor, setAnchor] = useState<CellPosition>(ORIGIN);
  const [editing, setEditing] = useState<CellEditing | null>(null);
  // What the next effect does with the active cell: nothing, focus it, or focus it and scroll it into
  // view sideways too. Not sideways after a row header's click: the Problems cell that click makes
  // active would pull the row numbers, just clicked, out of view in a narrow window.
  const focusPending = useRef<"none" | "focus" | "focus-and-show">("none");
  const dragging = useRef(false);

  useEffect(() => {
    const stopDragging = () => {
      dragging.current = false;
    };
    window.addEventListener("mouseup", stopDragging);
    return () => window.removeEventListener("mouseup", stopDragging);
  }, []);
  const rowCount = viewRows.length;

  // A view of every row (the usual case) is the rows in order: no 100,000-entry map to build.
  const showsEveryRow = viewRows.length === grid.rows.length;
  const positions = useMemo(
    () =>
      showsEveryRow ? null : new Map(viewRows.map((rowIndex, position) => [rowIndex, position] as const)),
    [viewRows, showsEveryRow],
  );
  const positionOf = useCallback(
    (rowIndex: number): number | undefined =>
      positions === null
        ? rowIndex >= 0 && rowIndex < viewRows.length
          ? rowIndex
          : undefined
        : positions.get(rowIndex),
    [positions, viewRows.length],
  );

  // Keep the active cell inside the grid when rows disappear (delete, filter).
  const safeActive = clampPosition(active, Math.max(rowCount, 1));
  const safeAnchor = clampPosition(anchor, Math.max(rowCount, 1));
  const rect = selectionRect(safeAnchor, safeActive);
  const clipboard = useGridClipboard({
    grid,
    viewRows,
    positionOf,
    isEditing: editing !== null,
    closeEditor: () => setEditing(null),
    announce,
    rect,
    active: safeActive,
  });

  const moveTo = useCallback((position: CellPosition, extend = false) => {
    focusPending.current = "focus-and-show";
    setActive(position);
    if (!extend) setAnchor(position);
  }, []);

  // Read by the focus below when its frame comes: an editor opened meanwhile keeps the focus.
  const editingNow = useRef(editing);
  editingNow.current = editing;
  useEffect(() => {
    if (focusPending.current === "none" || editing) return;
    const showSideways = focusPending.current === "focus-and-show";
    focusPending.current = "none";
    scrollToRow(safeActive.row);
    // On a busy machine a key typed after an arrow can open the editor before this frame: moving
    // the focus back to the cell then would close the editor and lose what is being typed.
    requestAnimationFrame(() => {
      if (editingNow.current !== null) return;
      const cell = getCellElement(safeActive);
      if (!cell) return;
      cell.focus({ preventScroll: true });
      if (showSideways) scrollCellIntoViewSideways(cell, safeActive);
    });
  });

  const commitEdit = useCallback(
    (move?: { rows: number; cols: number }) => {
      if (!editing) return;
      const rowIndex = viewRows[editing.row];
      const field = fieldAt(editing.col);
      if (rowIndex !== undefined && field && grid.rows[rowIndex]?.[field] !== editing.draft) {
        grid.updateCell(rowIndex, field, editing.draft);
      }
      setEditing(null);
      const target = move
        ? { row: editing.row + move.rows, col: editing.col + move.cols }
        : { row: editing.row, col: editing.col };
      if (move && target.row >= rowCount) grid.addRow();
      moveTo(clampPosition(target, Math.max(rowCount + (move && target.row >= rowCount ? 1 : 0), 1)));
    },
    [editing, viewRows, grid, rowCount, moveTo],
  );

  const startEditing = useCallback(
    (position: CellPosition, draft?: string) => {
      const rowIndex = viewRows[position.row];
      // The Problems column has no field: it is never edited.
      const field = fieldAt(position.col);
      if (rowIndex === undefined || !field) return;
      setActive(position);
      setAnchor(position);
      setEditing({
        row: position.row,
        col: position.col,
        draft: draft ?? grid.rows[rowIndex]?.[field] ?? "",
      });
    },
    [viewRows, grid.rows],
  );

  const selectCell = useCallback(
    (position: CellPosition, extend: boolean) => {
      if (editing) commitEdit();
      dragging.current = true;
      moveTo(position, extend);
    },
    [editing, commitEdit, moveTo],
  );

  const dragOver = useCallback((position: CellPosition) => {
    if (!dragging.current) return;
    setActive(position);
  }, []);

  const selectRows = useCallback(
    (viewRow: number, extend: boolean) => {
      if (editing) commitEdit();
      focusPending.current = "focus";
      setActive({ row: viewRow, col: LAST_COLUMN });
      setAnchor((current) => ({ row: extend ? current.row : viewRow, col: 0 }));
    },
    [editing, commitEdit],
  );

  const commands = selectionCommands({
    grid,
    viewRows,
    invalidRows,
    verdicts,
    rect,
    active: safeActive,
    moveTo,
    announce,
  });

  /**
   * Enter or F2 on a Problems cell, Alt+↓ on any of the row's cells: the row's problems in full, when
   * it has any; else why not (no problems, an empty row, or one still being checked).
   */
  const openActiveRowProblems = () => {
    const rowIndex = viewRows[safeActive.row];
    if (rowIndex === undefined) return;
    const state = rowCheckStateOf(rowIndex);
    if (state === "something-to-list") showRowProblems(rowIndex);
    else announce(nothingToListSentence(rowIndex + 1, state));
  };

  /** Performs a key's action (see gridKeyAction); false when the key is left to the browser after all. */
  const perform = (action: GridKeyAction, target: EventTarget): boolean => {
    switch (action.kind) {
      case "undo":
      case "redo":
        commands.travel(action.kind);
        break;
      case "fill-down":
        commands.fillSelectionDown();
        break;
      case "delete-rows":
        commands.deleteSelectedRows();
        break;
      case "paste":
        return clipboard.pasteKey(target);
      case "select-all":
        setAnchor(ORIGIN);
        setActive({ row: rowCount - 1, col: LAST_COLUMN });
        break;
      case "move":
        moveTo(action.to, action.extend);
        break;
      case "take-suggestion":
        commands.applyActiveSuggestion();
        break;
      case "list-problems":
        openActiveRowProblems();
        break;
      case "edit":
        startEditing(safeActive, action.draft);
        break;
      case "clear":
        commands.clearSelection();
        break;
      case "collapse-selection":
        setAnchor(safeActive);
        break;
      case "jump-to-error":
        commands.jumpToError(action.direction);
        break;
      case "refuse-typing":
        announce(PROBLEMS_COLUMN_REFUSALS.typing);
        break;
    }
    return true;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (editing) return;
    // Keys pressed on a button inside the grid (a suggestion) belong to that button.
    const target = event.target as HTMLElement;
    if (target !== event.currentTarget && !target.matches("[data-cell]")) return;
    const press = {
      key: event.key,
      code: event.code,
      command: event.ctrlKey || event.metaKey,
      shift: event.shiftKey,
      alt: event.altKey,
    };
    const action = gridKeyAction(press, safeActive, rowCount, PAGE_ROWS);
    if (action && perform(action, target)) event.preventDefault();
  };

  const context: Omit<GridCellContext, "verdicts" | "answerFor"> = {
    positionOf: (rowIndex) => positionOf(rowIndex) ?? -1,
    active: safeActive,
    rect,
    editing,
    selectCell,
    dragOver,
    applySuggestion: commands.applySuggestion,
    selectRows,
    startEditing,
    setDraft: (draft) => setEditing((current) => (current ? { ...current, draft } : current)),
    commitEdit,
    cancelEdit: () => {
      setEditing(null);
      moveTo(safeActive);
    },
  };

  return {
    context,
    onKeyDown,
    onPaste: clipboard.onPaste,
    onCopy: clipboard.onCopy,
    /** The toolbar's Paste: at the active cell. */
    pasteFromClipboard: clipboard.pasteAtActiveCell,
    canPasteFirstLineAsRow: clipboard.canPasteFirstLineAsRow,
    pasteFirstLineAsRow: clipboard.pasteFirstLineAsRow,
    rect,
    jumpToError: commands.jumpToError,
    deleteSelectedRows: commands.deleteSelectedRows,
    fillSelectionDown: commands.fillSelectionDown,
    travel: commands.travel,
  };
}
