"use client";

import {
  type ClipboardEvent,
  type KeyboardEvent,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { GRID_FIELD_LABELS, type GridField } from "@/lib/import/grid-fields";
import {
  type CellPosition,
  clampPosition,
  fieldAt,
  LAST_COLUMN,
  moveTarget,
  nextTargetRow,
  PROBLEMS_COLUMN,
  selectedFields,
  selectedRowIndices,
  selectionRect,
  selectionToTsv,
} from "@/lib/import/grid-selection";
import { nothingToListSentence, type RowCheckState } from "@/lib/import/problems-column";
import type { RowVerdict } from "@/lib/import/validate-grid";
import { canReadClipboardQuietly } from "./clipboard-read";
import type { CellEditing, GridCellContext } from "./grid-context";
import { cellOf, useGridPaste } from "./use-grid-paste";
import type { GridRowsApi } from "./use-grid-rows";

const PAGE_ROWS = 10;

const ORIGIN: CellPosition = { row: 0, col: 0 };

function isPrintableKey(event: KeyboardEvent): boolean {
  return event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
}

/** Whether an event happened on a row's Problems cell (ProblemsCell marks it data-column="problems"). */
function isOnProblemsCell(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[data-column="problems"]') !== null;
}

// What the read-only Problems cell answers to what would change a field.
const PROBLEMS_READ_ONLY =
  "The Problems column is read-only: Enter lists the row's problems, Home goes to the row's first field.";
const NOTHING_PASTED =
  "Nothing pasted: the Problems column is read-only. Move to the field the paste starts at (Home goes to the row's first).";
const NOTHING_CLEARED = "Nothing cleared: the Problems column is read-only.";
const NOTHING_FILLED = "Nothing filled: the Problems column is read-only.";
const NOTHING_COPIED =
  "Nothing copied: the Problems column holds the grid's checks, not data. Select fields to copy.";

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
  scrollCellIntoViewSideways: (cell: HTMLElement) => void;
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
  const focusPending = useRef(false);
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

  const paste = useGridPaste({
    grid,
    viewRows,
    positionOf,
    isEditing: editing !== null,
    closeEditor: () => setEditing(null),
    announce,
  });

  // Keep the active cell inside the grid when rows disappear (delete, filter).
  const safeActive = clampPosition(active, Math.max(rowCount, 1));
  const safeAnchor = clampPosition(anchor, Math.max(rowCount, 1));
  const rect = selectionRect(safeAnchor, safeActive);

  const moveTo = useCallback((position: CellPosition, extend = false) => {
    focusPending.current = true;
    setActive(position);
    if (!extend) setAnchor(position);
  }, []);

  // Read by the focus below when its frame comes: an editor opened meanwhile keeps the focus.
  const editingNow = useRef(editing);
  editingNow.current = editing;
  useEffect(() => {
    if (!focusPending.current || editing) return;
    focusPending.current = false;
    scrollToRow(safeActive.row);
    // On a busy machine a key typed after an arrow can open the editor before this frame: moving
    // the focus back to the cell then would close the editor and lose what is being typed.
    requestAnimationFrame(() => {
      if (editingNow.current !== null) return;
      const cell = getCellElement(safeActive);
      if (!cell) return;
      cell.focus({ preventScroll: true });
      scrollCellIntoViewSideways(cell);
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
      focusPending.current = true;
      setActive({ row: viewRow, col: LAST_COLUMN });
      setAnchor((current) => ({ row: extend ? current.row : viewRow, col: 0 }));
    },
    [editing, commitEdit],
  );

  const jumpToError = useCallback(
    (direction: 1 | -1) => {
      const target = nextTargetRow(viewRows, safeActive.row, new Set(invalidRows), direction);
      if (target === undefined) announce("No rows with errors.");
      else moveTo({ row: target, col: safeActive.col });
    },
    [viewRows, invalidRows, safeActive.row, safeActive.col, announce, moveTo],
  );

  // Over the selection's fields: a selection reaching into the Problems column leaves that column out.
  const clearSelection = () => {
    const fields = selectedFields(rect);
    if (fields) grid.clearCells({ rowIndices: selectedRowIndices(viewRows, rect), ...fields });
    else announce(NOTHING_CLEARED);
  };
  const fillSelectionDown = () => {
    const fields = selectedFields(rect);
    if (fields) grid.fillCellsDown({ rowIndices: selectedRowIndices(viewRows, rect), ...fields });
    else announce(NOTHING_FILLED);
  };
  const deleteSelectedRows = () => {
    const indices = selectedRowIndices(viewRows, rect);
    grid.removeRows(indices);
    announce(`Deleted ${indices.length} row${indices.length === 1 ? "" : "s"}. Ctrl+Z undoes it.`);
    moveTo({ row: rect.top, col: safeActive.col });
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
    const rowIndex = viewRows[safeActive.row];
    const field = fieldAt(safeActive.col);
    const verdict = rowIndex === undefined ? undefined : verdicts[rowIndex];
    const suggestion =
      verdict && verdict.kind !== "blank"
        ? verdict.warnings.find((warning) => warning.field === field && warning.suggestedValue)
        : undefined;
    if (rowIndex !== undefined && field && suggestion?.suggestedValue)
      applySuggestion(rowIndex, field, suggestion.suggestedValue);
    else announce("No suggested correction for this cell.");
  };

  const activeIsProblemsCell = safeActive.col === PROBLEMS_COLUMN;
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

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (editing) return;
    // Keys pressed on a button inside the grid (a suggestion) belong to that button.
    const target = event.target as HTMLElement;
    if (target !== event.currentTarget && !target.matches("[data-cell]")) return;
    const command = event.ctrlKey || event.metaKey;
    const key = event.key;
    // Runs a shortcut's action and reports the key as handled.
    const run = (action: () => void) => {
      action();
      return true;
    };
    const handled = (() => {
      if (command && key.toLowerCase() === "z") return run(() => travel(event.shiftKey ? "redo" : "undo"));
      if (command && key.toLowerCase() === "y") return run(() => travel("redo"));
      if (command && key.toLowerCase() === "d") return run(() => fillSelectionDown());
      if (command && key.toLowerCase() === "v" && !event.shiftKey && canReadClipboardQuietly())
        return run(() =>
          isOnProblemsCell(target) ? announce(NOTHING_PASTED) : void paste.pasteFromClipboard(cellOf(target)),
        );
      if (command && key.toLowerCase() === "a") {
        return run(() => {
          setAnchor(ORIGIN);
          setActive({ row: rowCount - 1, col: LAST_COLUMN });
        });
      }
      if (!event.altKey) {
        const to = moveTarget(safeActive, key, command, rowCount, PAGE_ROWS);
        if (to) return run(() => moveTo(to, event.shiftKey));
      }
      if (event.altKey && key === "Enter") return run(applyActiveSuggestion);
      if (event.altKey && key === "ArrowDown") return run(openActiveRowProblems);
      if (command || event.altKey) return false;
      switch (key) {
        case "Tab": {
          const forward = !event.shiftKey;
          const col = safeActive.col + (forward ? 1 : -1);
          if (col < 0 || col > LAST_COLUMN) return false; // leave the grid, as Tab should
          return run(() => moveTo({ row: safeActive.row, col }));
        }
        case "Enter":
        case "F2":
          return run(() => (activeIsProblemsCell ? openActiveRowProblems() : startEditing(safeActive)));
        case "Delete":
        case "Backspace":
          return run(() => clearSelection());
        case "Escape":
          return run(() => setAnchor(safeActive));
        case "F8":
          return run(() => jumpToError(event.shiftKey ? -1 : 1));
        default:
          if (isPrintableKey(event))
            return run(() =>
              activeIsProblemsCell ? announce(PROBLEMS_READ_ONLY) : startEditing(safeActive, key),
            );
          return false;
      }
    })();
    if (handled) event.preventDefault();
  };

  const onCopy = (event: ClipboardEvent<HTMLElement>) => {
    if (editing) return;
    event.preventDefault();
    // The fields only (see selectionToTsv); the Problems column alone leaves the clipboard as it was.
    if (selectedFields(rect))
      event.clipboardData.setData("text/plain", selectionToTsv(grid.rows, viewRows, rect));
    else announce(NOTHING_COPIED);
  };

  const onPaste = (event: ClipboardEvent<HTMLElement>) => {
    // A paste starting on a Problems cell has no field to start at: placing it at the row's first
    // field, or its last, would put the values in columns the operator did not choose.
    if (!editing && isOnProblemsCell(event.target)) {
      event.preventDefault();
      announce(NOTHING_PASTED);
    } else paste.onPaste(event);
  };

  const context: Omit<GridCellContext, "verdicts" | "answerFor"> = {
    positionOf: (rowIndex) => positionOf(rowIndex) ?? -1,
    active: safeActive,
    rect,
    editing,
    selectCell,
    dragOver,
    applySuggestion,
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
    onPaste,
    onCopy,
    /** The toolbar's Paste: at the active cell. */
    pasteFromClipboard: async () => {
      const rowIndex = viewRows[safeActive.row];
      if (rowIndex === undefined) return paste.pasteFromClipboard(null);
      const field = fieldAt(safeActive.col);
      return field ? paste.pasteFromClipboard({ rowIndex, field }) : announce(NOTHING_PASTED);
    },
    canPasteFirstLineAsRow: paste.canPasteFirstLineAsRow,
    pasteFirstLineAsRow: paste.pasteFirstLineAsRow,
    rect,
    jumpToError,
    deleteSelectedRows,
    fillSelectionDown,
    travel,
  };
}
