"use client";

import { CircleAlert, TriangleAlert } from "lucide-react";
import type { KeyboardEvent } from "react";
import { GRID_FIELD_LABELS, GRID_FIELDS, type GridField } from "@/lib/import/grid-fields";
import { isInRect } from "@/lib/import/grid-selection";
import { cellErrorId, cellWarningId, useGridCellContext } from "./grid-context";

function cellRing(isActive: boolean, hasError: boolean, hasWarning: boolean): string {
  if (isActive) return "ring-2 ring-blue-600 ring-inset";
  if (hasError) return "ring-1 ring-red-600 ring-inset";
  return hasWarning ? "ring-1 ring-amber-500 ring-inset" : "";
}

/** One data cell: text while navigating, an input while editing (type, Enter, F2 or double-click). */
export function GridCell({ rowIndex, field, value }: { rowIndex: number; field: GridField; value: string }) {
  const grid = useGridCellContext();
  const viewRow = grid.positionOf(rowIndex);
  const col = GRID_FIELDS.indexOf(field);
  const isActive = grid.active.row === viewRow && grid.active.col === col;
  const isSelected = isInRect(grid.rect, viewRow, col);
  const isEditing = grid.editing?.row === viewRow && grid.editing.col === col;
  const verdict = grid.verdicts[rowIndex];
  const error = verdict?.kind === "invalid" ? verdict.errors[field] : undefined;
  const warning =
    verdict && verdict.kind !== "blank" ? verdict.warnings.find((issue) => issue.field === field) : undefined;
  // What will be sent, when it differs from what the operator sees (a restored +, a converted date).
  const sent = verdict && verdict.kind !== "blank" ? verdict.sent[field] : undefined;
  const showsSent = sent !== undefined && sent !== value.trim();
  // The message itself is in the row's Problems cell; the cell points at it.
  const errorId = cellErrorId(rowIndex, field);

  const onEditorKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Keys typed while editing belong to the editor, except the ones that finish the edit.
    event.stopPropagation();
    if (event.key === "Enter") {
      event.preventDefault();
      grid.commitEdit({ rows: event.shiftKey ? -1 : 1, cols: 0 });
    } else if (event.key === "Tab") {
      event.preventDefault();
      grid.commitEdit({ rows: 0, cols: event.shiftKey ? -1 : 1 });
    } else if (event.key === "Escape") {
      event.preventDefault();
      grid.cancelEdit();
    }
  };

  return (
    <div
      role="gridcell"
      tabIndex={isActive ? 0 : -1}
      aria-selected={isSelected}
      aria-invalid={error ? true : undefined}
      aria-describedby={
        [error ? errorId : "", warning ? cellWarningId(rowIndex, field) : ""].filter(Boolean).join(" ") ||
        undefined
      }
      data-cell={`${viewRow}:${col}`}
      data-row={rowIndex}
      data-field={field}
      onMouseDown={(event) => {
        if (isEditing) return;
        event.preventDefault();
        grid.selectCell({ row: viewRow, col }, event.shiftKey);
      }}
      onMouseEnter={() => grid.dragOver({ row: viewRow, col })}
      onDoubleClick={() => grid.startEditing({ row: viewRow, col })}
      // Plain concatenation, not cn(): these classes never conflict, and hundreds of cells render per frame.
      className={`relative flex h-full min-h-9 min-w-0 cursor-cell flex-col justify-center border-l border-slate-200 px-2 text-sm outline-none dark:border-slate-800 ${
        isSelected ? "bg-blue-50 dark:bg-blue-950/60" : ""
      } ${cellRing(isActive, Boolean(error), Boolean(warning))}`}
    >
      {isEditing ? (
        <input
          // biome-ignore lint/a11y/noAutofocus: the editor opens because the operator asked to edit this cell
          autoFocus
          aria-label={`${GRID_FIELD_LABELS[field]}, row ${rowIndex + 1}`}
          value={grid.editing?.draft ?? ""}
          onChange={(event) => grid.setDraft(event.target.value)}
          onKeyDown={onEditorKeyDown}
          onBlur={() => grid.commitEdit()}
          spellCheck={false}
          autoComplete="off"
          className="absolute inset-0 h-full w-full bg-white px-2 text-sm ring-2 ring-blue-700 outline-none ring-inset dark:bg-slate-900"
        />
      ) : (
        <>
          <span
            className={error || warning ? "truncate pr-5" : "truncate"}
            title={value.length > 24 ? value : undefined}
          >
            {value}
          </span>
          {showsSent ? (
            // aria-hidden: the sent value is also in the row's warning text; this is the visual hint.
            <span aria-hidden="true" className="truncate text-xs text-slate-600 dark:text-slate-400">
              → {sent}
            </span>
          ) : null}
        </>
      )}
      {!isEditing && (error || warning) ? (
        error ? (
          <CircleAlert
            aria-hidden="true"
            className="absolute top-2.5 right-1.5 size-4 text-red-700 dark:text-red-400"
          />
        ) : (
          <TriangleAlert
            aria-hidden="true"
            className="absolute top-2.5 right-1.5 size-4 text-amber-600 dark:text-amber-400"
          />
        )
      ) : null}
    </div>
  );
}
