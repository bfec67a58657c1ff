"use client";

import { createColumnHelper, tableFeatures } from "@tanstack/react-table";
import { GRID_FIELD_LABELS, GRID_FIELDS, type GridCells } from "@/lib/import/grid-fields";
import { GridCell } from "./grid-cell";
import { cellErrorId, useGridCellContext } from "./grid-context";

export const gridFeatures = tableFeatures({});
const helper = createColumnHelper<typeof gridFeatures, GridCells>();

/** The row's problems in words, one line per cell, so nothing depends on colour. */
function RowProblems({ rowIndex }: { rowIndex: number }) {
  const { verdicts } = useGridCellContext();
  const verdict = verdicts[rowIndex];
  if (verdict?.kind !== "invalid") return null;
  return (
    <ul className="flex flex-col gap-0.5 px-2 py-1.5 text-xs text-red-800 dark:text-red-300">
      {GRID_FIELDS.flatMap((field) => {
        const message = verdict.errors[field];
        return message ? (
          <li key={field} id={cellErrorId(rowIndex, field)}>
            <span className="font-semibold">{GRID_FIELD_LABELS[field]}:</span> {message}
          </li>
        ) : (
          []
        );
      })}
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
