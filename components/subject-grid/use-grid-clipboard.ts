"use client";

import type { ClipboardEvent } from "react";
import {
  type CellPosition,
  fieldAt,
  type SelectionRect,
  selectedFields,
  selectionToTsv,
} from "@/lib/import/grid-selection";
import { PROBLEMS_COLUMN_REFUSALS } from "@/lib/import/problems-column";
import { canReadClipboardQuietly } from "./clipboard-read";
import { cellOf, type GridPasteOptions, useGridPaste } from "./use-grid-paste";

/** Whether an event happened on a row's Problems cell (ProblemsCell marks it data-column="problems"). */
function isOnProblemsCell(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[data-column="problems"]') !== null;
}

/**
 * The grid's copy and paste: the copy and paste events, Ctrl+V read through the Clipboard API where
 * the page may, and the toolbar's Paste. None starts at, or copies, the read-only Problems column:
 * each says why instead.
 */
export function useGridClipboard(
  options: GridPasteOptions & {
    /** The selection (what a copy takes) and its active cell (where the toolbar's Paste starts). */
    rect: SelectionRect;
    active: CellPosition;
  },
) {
  const { grid, viewRows, isEditing, announce, rect, active } = options;
  const paste = useGridPaste(options);

  /**
   * Ctrl+V on `target`. Where the page may read the clipboard without asking, it does so and reports
   * the key handled (true); otherwise false, and the browser's paste event comes to onPaste.
   */
  const pasteKey = (target: EventTarget | null): boolean => {
    if (!canReadClipboardQuietly()) return false;
    if (isOnProblemsCell(target)) announce(PROBLEMS_COLUMN_REFUSALS.paste);
    else void paste.pasteFromClipboard(cellOf(target));
    return true;
  };

  const onCopy = (event: ClipboardEvent<HTMLElement>) => {
    if (isEditing) return;
    event.preventDefault();
    // The fields only (see selectionToTsv); the Problems column alone leaves the clipboard as it was.
    if (selectedFields(rect))
      event.clipboardData.setData("text/plain", selectionToTsv(grid.rows, viewRows, rect));
    else announce(PROBLEMS_COLUMN_REFUSALS.copy);
  };

  const onPaste = (event: ClipboardEvent<HTMLElement>) => {
    // A paste starting on a Problems cell has no field to start at: placing it at the row's first
    // field, or its last, would put the values in columns the operator did not choose.
    if (!isEditing && isOnProblemsCell(event.target)) {
      event.preventDefault();
      announce(PROBLEMS_COLUMN_REFUSALS.paste);
    } else paste.onPaste(event);
  };

  /** The toolbar's Paste: at the active cell (after the last row that holds anything when no row is shown). */
  const pasteAtActiveCell = async () => {
    const rowIndex = viewRows[active.row];
    if (rowIndex === undefined) return paste.pasteFromClipboard(null);
    const field = fieldAt(active.col);
    return field ? paste.pasteFromClipboard({ rowIndex, field }) : announce(PROBLEMS_COLUMN_REFUSALS.paste);
  };

  return {
    onCopy,
    onPaste,
    pasteKey,
    pasteAtActiveCell,
    canPasteFirstLineAsRow: paste.canPasteFirstLineAsRow,
    pasteFirstLineAsRow: paste.pasteFirstLineAsRow,
  };
}
