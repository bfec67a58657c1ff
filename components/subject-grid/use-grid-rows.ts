"use client";

import { useCallback, useRef, useState } from "react";
import {
  mergePasted,
  type PastedTable,
  type PasteOutcome,
  type PasteTarget,
  readPastedText,
  trimTrailingBlankRows,
} from "@/lib/import/apply-paste";
import { createEditHistory, rowsLabel } from "@/lib/import/edit-history";
import {
  clearRange,
  deleteRows,
  type EditResult,
  fillDown,
  type GridRange,
  insertRows,
  patchBetween,
  type ReplaceOptions,
  replaceAll,
  replaceInColumn,
  setCell,
} from "@/lib/import/grid-edits";
import { emptyGridCells, GRID_FIELD_LABELS, type GridCells, type GridField } from "@/lib/import/grid-fields";
import { isBlankRow } from "@/lib/import/validate-row";
import { getValidationPool } from "./validation-pool";

export const INITIAL_BLANK_ROWS = 5;
/** Pastes longer than this are parsed in a worker (about 1,500 rows of six cells). */
const WORKER_PASTE_CHARS = 100_000;

function pasteLabel(outcome: { rowCount: number }): string {
  return `paste of ${rowsLabel(outcome.rowCount)}`;
}

function initialRows(): GridCells[] {
  return Array.from({ length: INITIAL_BLANK_ROWS }, emptyGridCells);
}

/**
 * The grid's rows and their undo history. Rows are immutable objects replaced only where something
 * changed; every operation is one undoable step (at least 100 are kept).
 */
export function useGridRows() {
  const [rows, setRows] = useState<GridCells[]>(initialRows);
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const history = useRef(createEditHistory(200));
  // Counts every change of the rows (edits, undo, redo): tells whether anything happened since.
  const changes = useRef(0);
  // Bumped on every change so the toolbar re-reads canUndo/canRedo and their labels.
  const [, setHistoryVersion] = useState(0);

  const commit = useCallback((result: EditResult, label: string) => {
    if (result.rows === rowsRef.current) return;
    history.current.record(result.patch, label);
    changes.current += 1;
    rowsRef.current = result.rows;
    setRows(result.rows);
    setHistoryVersion((version) => version + 1);
  }, []);

  const travel = useCallback((direction: "undo" | "redo"): string | undefined => {
    const step =
      direction === "undo" ? history.current.undo(rowsRef.current) : history.current.redo(rowsRef.current);
    if (!step) return undefined;
    changes.current += 1;
    rowsRef.current = step.rows;
    setRows(step.rows);
    setHistoryVersion((version) => version + 1);
    return step.label;
  }, []);

  const updateCell = useCallback(
    (rowIndex: number, field: GridField, value: string) =>
      commit(
        setCell(rowsRef.current, rowIndex, field, value),
        `edit of ${GRID_FIELD_LABELS[field]} in row ${rowIndex + 1}`,
      ),
    [commit],
  );
  const removeRows = useCallback(
    (indices: readonly number[]) =>
      commit(deleteRows(rowsRef.current, indices), `deletion of ${rowsLabel(indices.length)}`),
    [commit],
  );
  const addRow = useCallback(
    () => commit(insertRows(rowsRef.current, rowsRef.current.length, 1), "new row"),
    [commit],
  );
  const clearCells = useCallback(
    (range: GridRange) => commit(clearRange(rowsRef.current, range), "clearing cells"),
    [commit],
  );
  const fillCellsDown = useCallback(
    (range: GridRange) => commit(fillDown(rowsRef.current, range), "fill down"),
    [commit],
  );
  const replaceText = useCallback(
    (field: GridField, find: string, replacement: string, options: ReplaceOptions): number => {
      const result = replaceInColumn(rowsRef.current, field, find, replacement, options);
      commit(result, `replace in ${GRID_FIELD_LABELS[field]}`);
      return result.count;
    },
    [commit],
  );
  const clear = useCallback(
    () => commit(replaceAll(rowsRef.current, initialRows()), "clearing the grid"),
    [commit],
  );
  const replaceRows = useCallback(
    (next: GridCells[], label: string) =>
      commit(replaceAll(rowsRef.current, next.length > 0 ? next : initialRows()), label),
    [commit],
  );
  /** Writes a read paste into the current rows, as one undoable step. */
  const place = useCallback(
    (pasted: PastedTable, target: PasteTarget): PasteOutcome => {
      const outcome = mergePasted(rowsRef.current, pasted, target);
      if (outcome.rowCount > 0)
        commit(patchBetween(rowsRef.current, trimTrailingBlankRows(outcome.rows)), pasteLabel(outcome));
      return outcome;
    },
    [commit],
  );
  const [isPasting, setIsPasting] = useState(false);
  const paste = useCallback(
    async (text: string, target: PasteTarget): Promise<PasteOutcome> => {
      const intoBlankGrid = !target.rowIndices && rowsRef.current.every(isBlankRow);
      if (text.length <= WORKER_PASTE_CHARS)
        return place(readPastedText(text, target.firstLineIsData), target);
      setIsPasting(true);
      try {
        const before = rowsRef.current;
        // Into an empty grid (the usual first paste) the workers place and validate the rows at once.
        if (intoBlankGrid) {
          const placed = await getValidationPool().pasteIntoBlankGrid(text, target, before.length);
          if (rowsRef.current === before) {
            if (placed.summary.rowCount > 0)
              commit(patchBetween(before, placed.rows), pasteLabel(placed.summary));
            return { ...placed.summary, rows: placed.rows };
          }
        }
        return place(await getValidationPool().readPaste(text, target.firstLineIsData === true), target);
      } catch (error) {
        console.error("[paste] worker failed; reading on the main thread", error);
        return place(readPastedText(text, target.firstLineIsData), target);
      } finally {
        setIsPasting(false);
      }
    },
    [commit, place],
  );

  return {
    rows,
    isPasting,
    updateCell,
    removeRows,
    addRow,
    clearCells,
    fillCellsDown,
    replaceText,
    clear,
    replaceRows,
    paste,
    undo: useCallback(() => travel("undo"), [travel]),
    redo: useCallback(() => travel("redo"), [travel]),
    /** How many times the rows have changed so far (a change bumps it and renders again). */
    changeCount: useCallback(() => changes.current, []),
    undoLabel: history.current.undoLabel,
    redoLabel: history.current.redoLabel,
  };
}

export type GridRowsApi = ReturnType<typeof useGridRows>;
