"use client";

import { createColumnHelper, tableFeatures } from "@tanstack/react-table";
import {
  GRID_FIELD_LABELS,
  GRID_FIELD_SHORT_LABELS,
  GRID_FIELDS,
  type GridCells,
} from "@/lib/import/grid-fields";
import { rowMessages } from "@/lib/import/validate-grid";
import { cellErrorId, cellWarningId, useGridCellContext } from "./grid-context";

export const gridFeatures = tableFeatures({});
const helper = createColumnHelper<typeof gridFeatures, GridCells>();

/** The row's errors and warnings in words, one line per cell, so nothing depends on colour. */
function RowProblems({ rowIndex }: { rowIndex: number }) {
  const { verdicts, applySuggestion, answerFor } = useGridCellContext();
  const messages = rowMessages(verdicts[rowIndex]);
  const answer = answerFor(rowIndex);
  if (messages.length === 0 && !answer) return null;
  return (
    // One line per message (the row has one height); the full text is in each line's tooltip and in
    // the cells' descriptions for screen readers.
    <ul className="flex flex-col px-2 py-1 text-xs leading-4">
      {answer ? (
        <li className="truncate text-purple-900 dark:text-purple-200" title={answer}>
          <span className="font-semibold">Humanos answered:</span> {answer}
        </li>
      ) : null}
      {messages.map(({ field, kind, message, suggestedValue }) => (
        <li
          key={`${kind}-${field}`}
          id={kind === "error" ? cellErrorId(rowIndex, field) : cellWarningId(rowIndex, field)}
          title={`${GRID_FIELD_LABELS[field]}: ${message}`}
          className={
            kind === "error"
              ? "flex min-w-0 items-center gap-1 text-red-800 dark:text-red-300"
              : "flex min-w-0 items-center gap-1 text-amber-900 dark:text-amber-200"
          }
        >
          <span className="shrink-0 font-semibold">
            {kind === "warning" ? "Warning — " : ""}
            {GRID_FIELD_SHORT_LABELS[field]}:
          </span>
          {suggestedValue ? (
            <button
              type="button"
              // One tab stop per grid: the keyboard takes a suggestion with Alt+Enter on the cell.
              tabIndex={-1}
              title="Alt+Enter on the cell"
              onClick={() => applySuggestion(rowIndex, field, suggestedValue)}
              className="shrink-0 rounded border border-amber-400 px-1 leading-[14px] font-medium hover:bg-amber-100 dark:hover:bg-amber-900"
            >
              Use {suggestedValue}
            </button>
          ) : null}
          <span className="truncate">{message}</span>
        </li>
      ))}
    </ul>
  );
}

/** The row's problems cell: a fixed-height cell (rows have one height, so scrolling stays O(1)). */
export function ProblemsCell({ rowIndex }: { rowIndex: number }) {
  return (
    <div
      role="gridcell"
      className="h-full min-w-0 overflow-y-auto border-l border-slate-200 dark:border-slate-800"
    >
      <RowProblems rowIndex={rowIndex} />
    </div>
  );
}

/**
 * Column definitions (headers and order). Body cells are drawn by the grid from the virtual rows, so
 * no row model is built for 100,000 rows on every edit.
 */
export function getGridColumns() {
  return helper.columns([
    ...GRID_FIELDS.map((field) => helper.accessor(field, { header: GRID_FIELD_LABELS[field] })),
    helper.display({ id: "problems", header: "Problems" }),
  ]);
}
