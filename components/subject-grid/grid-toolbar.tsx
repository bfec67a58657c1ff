"use client";

import { ArrowDownToLine, ClipboardPaste, Redo2, SkipForward, Trash2, Undo2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { FindReplace } from "./find-replace";
import type { GridRowsApi } from "./use-grid-rows";

export function GridToolbar({
  grid,
  onlyErrors,
  onOnlyErrorsChange,
  invalidCount,
  selectedRowCount,
  onJumpToError,
  onDeleteSelectedRows,
  onFillDown,
  onTravel,
  onPaste,
  announce,
}: {
  grid: GridRowsApi;
  onlyErrors: boolean;
  onOnlyErrorsChange: (value: boolean) => void;
  invalidCount: number;
  selectedRowCount: number;
  onJumpToError: () => void;
  onDeleteSelectedRows: () => void;
  onFillDown: () => void;
  onTravel: (direction: "undo" | "redo") => void;
  onPaste: () => void;
  announce: (message: string) => void;
}) {
  return (
    <div role="toolbar" aria-label="Grid tools" className="flex flex-wrap items-center gap-2 text-sm">
      <Button
        variant="secondary"
        size="sm"
        onClick={() => onTravel("undo")}
        disabled={!grid.undoLabel}
        title={grid.undoLabel ? `${grid.undoLabel} (Ctrl+Z)` : "Nothing to undo"}
      >
        <Undo2 aria-hidden="true" className="size-4" /> Undo
      </Button>
      <Button
        variant="secondary"
        size="sm"
        onClick={() => onTravel("redo")}
        disabled={!grid.redoLabel}
        title={grid.redoLabel ? `${grid.redoLabel} (Ctrl+Shift+Z)` : "Nothing to redo"}
      >
        <Redo2 aria-hidden="true" className="size-4" /> Redo
      </Button>
      <Button
        variant="secondary"
        size="sm"
        onClick={onPaste}
        title="Paste the clipboard at the selected cell (Ctrl+V). The browser may ask once to allow it."
      >
        <ClipboardPaste aria-hidden="true" className="size-4" /> Paste
      </Button>
      <Button
        variant="secondary"
        size="sm"
        onClick={onFillDown}
        title="Copy the first selected row's cells down the selection (Ctrl+D)"
      >
        <ArrowDownToLine aria-hidden="true" className="size-4" /> Fill down
      </Button>
      <Button
        variant="secondary"
        size="sm"
        onClick={onDeleteSelectedRows}
        title="Delete the selected rows (Ctrl+Alt+−; Ctrl+Z undoes it)"
        aria-keyshortcuts="Control+Alt+Minus"
      >
        <Trash2 aria-hidden="true" className="size-4" /> Delete{" "}
        {selectedRowCount === 1 ? "row" : `${selectedRowCount} rows`}
      </Button>
      <FindReplace grid={grid} announce={announce} />
      <span className="mx-1 h-5 w-px bg-slate-300 dark:bg-slate-600" aria-hidden="true" />
      <label className="flex items-center gap-1.5">
        <input
          type="checkbox"
          className="size-4"
          checked={onlyErrors}
          onChange={(event) => onOnlyErrorsChange(event.target.checked)}
        />
        Show only rows with errors
      </label>
      <Button
        variant="secondary"
        size="sm"
        onClick={onJumpToError}
        disabled={invalidCount === 0}
        title="F8 (Shift+F8: previous)"
      >
        <SkipForward aria-hidden="true" className="size-4" /> Next error
      </Button>
    </div>
  );
}
