"use client";

import { createColumnHelper, tableFeatures } from "@tanstack/react-table";
import { GRID_FIELD_LABELS, GRID_FIELDS, type GridCells } from "@/lib/import/grid-fields";
import { rowMessages } from "@/lib/import/validate-grid";
import { GridCell } from "./grid-cell";
import { cellErrorId, cellWarningId, useGridCellContext } from "./grid-context";

export const gridFeatures = tableFeatures({});
const helper = createColumnHelper<typeof gridFeatures, GridCells>();

/** The row's errors and warnings in words, one line per cell, so nothing depends on colour. */
function RowProblems({ rowIndex }: { rowIndex: number }) {
  const { verdicts } = useGridCellContext();
  const messages = rowMessages(verdicts[rowIndex]);
  if (messages.length === 0) return null;
  return (
    <ul className="flex flex-col gap-0.5 px-2 py-1.5 text-xs">
      {messages.map(({ field, kind, message }) => (
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
        </li>
      ))}
    </ul>
  );
}

export function getGridColumns() {
  return helper.columns([
    ...GRID_FIELDS.map((field) =>
      helper.accessor(field, {
        header: GRID_FIELD_LABELS[field],
        cell: (info) => <GridCell rowIndex={info.row.index} field={field} value={info.getValue()} />,
      }),
    ),
    helper.display({
      id: "problems",
      header: "Problems",
      cell: (info) => (
        <div role="gridcell" className="min-w-0 border-l border-slate-200 dark:border-slate-800">
          <RowProblems rowIndex={info.row.index} />
        </div>
      ),
    }),
  ]);
}
