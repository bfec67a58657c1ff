"use client";

import { CircleAlert, TriangleAlert } from "lucide-react";
import { type KeyboardEvent, memo } from "react";
import { GRID_FIELD_LABELS, type GridField } from "@/lib/import/grid-fields";
import type { RowVerdict } from "@/lib/import/validate-grid";
import { FIELD_COLUMN_CLASSES } from "./grid-columns";
import { cellErrorId, cellWarningId, type GridActions } from "./grid-context";

function cellRing(isActive: boolean, hasError: boolean, hasWarning: boolean): string {
  if (isActive) return "ring-2 ring-blue-600 ring-inset";
  if (hasError) return "ring-1 ring-red-600 ring-inset";
  return hasWarning ? "ring-1 ring-amber-500 ring-inset" : "";
}

// Hoisted: the same element every render, so React never compares their SVG children again.
const ERROR_ICON = (
  <CircleAlert
    aria-hidden="true"
    className="absolute top-2.5 right-1.5 size-4 text-red-700 dark:text-red-400"
  />
);
const WARNING_ICON = (
  <TriangleAlert
    aria-hidden="true"
    className="absolute top-2.5 right-1.5 size-4 text-amber-600 dark:text-amber-400"
  />
);

/**
 * One data cell: text while navigating, an input while editing (type, Enter, F2 or double-click).
 * Memoised on plain props: it draws again only when its value, verdict, selection, focus or draft
 * changes, never because the grid scrolled.
 */
export const GridCell = memo(function GridCell({
  rowIndex,
  viewRow,
  col,
  field,
  value,
  verdict,
  isActive,
  isSelected,
  draft,
  actions: grid,
}: {
  /** The row's index in the grid's data. */
  rowIndex: number;
  /** The row's position among the rows shown. */
  viewRow: number;
  col: number;
  field: GridField;
  value: string;
  verdict: RowVerdict | undefined;
  isActive: boolean;
  isSelected: boolean;
  /** The editor's text when this cell is being edited, else null. */
  draft: string | null;
  actions: GridActions;
}) {
  const isEditing = draft !== null;
  const error = verdict?.kind === "invalid" ? verdict.errors[field] : undefined;
  const warning =
    verdict && verdict.kind !== "blank" ? verdict.warnings.find((issue) => issue.field === field) : undefined;
  // What will be sent, when it differs from what the operator sees (a restored +, a converted date).
  const sent = verdict && verdict.kind !== "blank" ? verdict.sent[field] : undefined;
  const showsSent = sent !== undefined && sent !== value.trim();
  // The message itself is in the row's Problems cell; the cell points at it.
  const errorId = cellErrorId(rowIndex, field);
  const hasMark = Boolean(error || warning);
  const title = value.length > 24 ? value : undefined;
  // Most cells hold their text alone, on one line: the cheapest to lay out when rows scroll into view.
  const plain = isEditing || (!showsSent && !hasMark && title === undefined);

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
      // Said as well as shown: a warning does not always give the value it explains ("restored as an
      // international number"), and some changes have none (an upper-cased country, a compacted
      // document number). Named outright: from its two lines the browser would make "351912345678 , sent as …".
      aria-label={showsSent && !isEditing ? `${value}, sent as ${sent}` : undefined}
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
      className={`relative h-full ${FIELD_COLUMN_CLASSES[field]} cursor-cell border-slate-200 text-sm outline-none dark:border-slate-800 ${
        plain ? "truncate leading-[47px]" : "flex flex-col justify-center"
      } ${isSelected ? "bg-blue-50 dark:bg-blue-950/60" : ""} ${cellRing(isActive, Boolean(error), Boolean(warning))}`}
    >
      {isEditing ? (
        <input
          // biome-ignore lint/a11y/noAutofocus: the editor opens because the operator asked to edit this cell
          autoFocus
          aria-label={`${GRID_FIELD_LABELS[field]}, row ${rowIndex + 1}`}
          value={draft ?? ""}
          onChange={(event) => grid.setDraft(event.target.value)}
          onKeyDown={onEditorKeyDown}
          onBlur={() => grid.commitEdit()}
          spellCheck={false}
          autoComplete="off"
          className="absolute inset-0 h-full w-full bg-white px-2 text-sm ring-2 ring-blue-700 outline-none ring-inset dark:bg-slate-900"
        />
      ) : plain ? (
        value
      ) : (
        <>
          <span className={hasMark ? "truncate pr-5" : "truncate"} title={title}>
            {value}
          </span>
          {showsSent ? (
            <span className="truncate text-xs text-slate-600 dark:text-slate-400">
              <span aria-hidden="true">→ </span>
              {sent}
            </span>
          ) : null}
        </>
      )}
      {!isEditing && hasMark ? (error ? ERROR_ICON : WARNING_ICON) : null}
    </div>
  );
});
