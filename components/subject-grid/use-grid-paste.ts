"use client";

import { type ClipboardEvent, useEffect, useState } from "react";
import { firstRowAfterContent, isMultiCellText, type PasteTarget } from "@/lib/import/apply-paste";
import type { GridField } from "@/lib/import/grid-fields";
import { forgetClipboardReadPermission, watchClipboardReadPermission } from "./clipboard-read";
import { pasteMessage } from "./paste-message";
import type { GridRowsApi } from "./use-grid-rows";
import { getValidationPool } from "./validation-pool";

/** Where a paste lands: a row and, unless the grid's row-number column, a field. */
export interface PastedCell {
  rowIndex: number;
  field: GridField | null;
}

/** The cell an event happened on, or null when it happened on the grid itself. */
export function cellOf(target: EventTarget | null): PastedCell | null {
  const cell = (target as HTMLElement | null)?.closest<HTMLElement>("[data-row][data-field]");
  if (!cell) return null;
  return {
    rowIndex: Number(cell.dataset.row),
    field: (cell.dataset.field as GridField | undefined) ?? null,
  };
}

/** What the grid's paste works with: the rows, the rows shown, the cell editor, the announcements. */
export interface GridPasteOptions {
  grid: GridRowsApi;
  viewRows: readonly number[];
  positionOf: (rowIndex: number) => number | undefined;
  /** Whether a cell editor is open, and how to close it. */
  isEditing: boolean;
  closeEditor: () => void;
  announce: (message: string) => void;
}

/**
 * The grid's paste: from the paste event, or read through the asynchronous Clipboard API (the
 * toolbar's Paste, and Ctrl+V where the permission is granted, see clipboard-read.ts), placed at a
 * cell and announced.
 */
export function useGridPaste(options: GridPasteOptions) {
  const { grid, viewRows, positionOf, isEditing, closeEditor, announce } = options;

  useEffect(watchClipboardReadPermission, []);

  // The last paste whose first line was read as column names, and the grid's change count after it:
  // while nothing else has changed, the operator can paste it again with that line as a row.
  const [headerPaste, setHeaderPaste] = useState<{
    text: string;
    target: PasteTarget;
    pastedRows: boolean;
    changeCount: number;
  } | null>(null);

  const pasteAt = async (text: string, target: PasteTarget) => {
    const outcome = await grid.paste(text, target);
    setHeaderPaste(
      outcome.hasHeader
        ? { text, target, pastedRows: outcome.rowCount > 0, changeCount: grid.changeCount() }
        : null,
    );
    announce(pasteMessage(outcome));
  };

  /** Pastes `text` at `cell`, or (null) after the last row that holds anything. */
  const pasteText = async (text: string, cell: PastedCell | null) => {
    if (isEditing) closeEditor();
    // In a filtered view ("only rows with errors") the lines go to the rows shown, never to hidden ones.
    const isFiltered = viewRows.length !== grid.rows.length;
    await pasteAt(
      text,
      cell
        ? {
            ...cell,
            rowIndices: isFiltered ? viewRows.slice(positionOf(cell.rowIndex) ?? viewRows.length) : undefined,
          }
        : { rowIndex: firstRowAfterContent(grid.rows), field: null },
    );
  };

  const canPasteFirstLineAsRow = headerPaste !== null && headerPaste.changeCount === grid.changeCount();

  /** Undoes the last paste and pastes it again with its first line as a row (it was a person). */
  const pasteFirstLineAsRow = async () => {
    if (!headerPaste || headerPaste.changeCount !== grid.changeCount()) return;
    if (isEditing) closeEditor();
    if (headerPaste.pastedRows) grid.undo();
    await pasteAt(headerPaste.text, { ...headerPaste.target, firstLineIsData: true });
  };

  const onPaste = (event: ClipboardEvent<HTMLElement>) => {
    const text = event.clipboardData.getData("text/plain");
    if (isEditing && !isMultiCellText(text)) return; // a value pasted into the open editor
    event.preventDefault();
    void pasteText(text, cellOf(event.target));
  };

  /** Reads the clipboard through the asynchronous Clipboard API and pastes at `cell`. */
  const pasteFromClipboard = async (cell: PastedCell | null) => {
    // The workers stop warming up while the browser reads the clipboard: a big paste finds them idle.
    const resumeWarmUp = getValidationPool().holdWarmUp();
    try {
      let text: string;
      try {
        text = await navigator.clipboard.readText();
      } catch {
        forgetClipboardReadPermission();
        return announce(
          "The browser did not let the page read the clipboard. Press Ctrl+V (Cmd+V on a Mac) in the grid to paste.",
        );
      }
      await pasteText(text, cell);
    } finally {
      resumeWarmUp();
    }
  };

  return { onPaste, pasteFromClipboard, canPasteFirstLineAsRow, pasteFirstLineAsRow };
}
