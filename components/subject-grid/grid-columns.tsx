"use client";

import { createColumnHelper, tableFeatures } from "@tanstack/react-table";
import { GRID_FIELD_LABELS, GRID_FIELDS, type GridCells } from "@/lib/import/grid-fields";
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
    <ul className="flex flex-col gap-0.5 px-2 py-1.5 text-xs">
      {answer ? (
        <li className="text-purple-900 dark:text-purple-200">
          <span className="font-semibold">Humanos answered:</span> {answer}
        </li>
      ) : null}
      {messages.map(({ field, kind, message, suggestedValue }) => (
        <li
          key={`${kind}-${field}`}
          id={kind === "error" ? cellErrorId(rowIndex, field) : cellWarningId(rowIndex, field)}
          className={
            kind === "error" ? "text-red-800 dark:text-red-300" : "text-amber-900 dark:text-amber-200"
          }
        >
          <span className="font-semibold">
            {kind === "warning" ? "Warning — " : ""}
            {GRID_FIELD_LABELS[field]}:
          </span>{" "}
          {message}
          {suggestedValue ? (
            <button
              type="button"
              // One tab stop per grid: the keyboard takes a suggestion with Alt+Enter on the cell.
              tabIndex={-1}
              title="Alt+Enter on the cell"
              onClick={() => applySuggestion(rowIndex, field, suggestedValue)}
              className="ml-1 rounded border border-amber-400 px-1 font-medium hover:bg-amber-100 dark:hover:bg-amber-900"
            >
              Use {suggestedValue}
            </button>
          ) : null}
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
