"use client";

import { createColumnHelper, tableFeatures } from "@tanstack/react-table";
import { CircleAlert, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { GRID_FIELD_LABELS, GRID_FIELDS, type GridCells, type GridField } from "@/lib/import/grid-fields";
import { useGridActions } from "./grid-context";

export const gridFeatures = tableFeatures({});
const helper = createColumnHelper<typeof gridFeatures, GridCells>();

export const GRID_FIELD_PLACEHOLDERS: Record<GridField, string> = {
  contact: "ana@example.com or +351912345678",
  internalId: "optional",
  fullName: "Ana Silva",
  birth: "1990-01-31",
  docId: "12345678",
  countryAlpha3: "PRT",
};

function EditableCell({ rowIndex, field, value }: { rowIndex: number; field: GridField; value: string }) {
  const { verdicts, updateCell, onCellKeyDown } = useGridActions();
  const verdict = verdicts[rowIndex];
  const error = verdict?.kind === "invalid" ? verdict.errors[field] : undefined;
  const errorId = `cell-error-${rowIndex}-${field}`;
  return (
    <div className="relative h-full">
      <input
        data-cell={`${rowIndex}:${field}`}
        data-row={rowIndex}
        data-field={field}
        value={value}
        onChange={(event) => updateCell(rowIndex, field, event.target.value)}
        onKeyDown={(event) => onCellKeyDown(event, rowIndex, field)}
        aria-label={`${GRID_FIELD_LABELS[field]}, row ${rowIndex + 1}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        placeholder={rowIndex === 0 ? GRID_FIELD_PLACEHOLDERS[field] : undefined}
        spellCheck={false}
        autoComplete="off"
        className={cn(
          "h-full min-h-9 w-full border-0 bg-transparent px-2 text-sm outline-none placeholder:text-slate-400 focus:bg-white focus:ring-2 focus:ring-blue-600 focus:ring-inset dark:focus:bg-slate-900",
          error && "pr-7 ring-1 ring-red-600 ring-inset",
        )}
      />
      {error ? (
        <>
          <CircleAlert
            aria-hidden="true"
            className="absolute top-2.5 right-1.5 size-4 text-red-700 dark:text-red-400"
          />
          <span id={errorId} className="sr-only">
            {error}
          </span>
        </>
      ) : null}
    </div>
  );
}

function RowProblems({ rowIndex }: { rowIndex: number }) {
  const { verdicts } = useGridActions();
  const verdict = verdicts[rowIndex];
  if (verdict?.kind !== "invalid") return null;
  return (
    <ul className="flex flex-col gap-0.5 px-2 py-1.5 text-xs text-red-800 dark:text-red-300">
      {GRID_FIELDS.flatMap((field) => {
        const message = verdict.errors[field];
        return message ? (
          <li key={field}>
            <span className="font-semibold">{GRID_FIELD_LABELS[field]}:</span> {message}
          </li>
        ) : (
          []
        );
      })}
    </ul>
  );
}

function RemoveRowButton({ rowIndex }: { rowIndex: number }) {
  const { removeRow } = useGridActions();
  return (
    <Button
      variant="danger"
      size="icon"
      onClick={() => removeRow(rowIndex)}
      aria-label={`Remove row ${rowIndex + 1}`}
    >
      <Trash2 aria-hidden="true" className="size-4" />
    </Button>
  );
}

export function getGridColumns() {
  return helper.columns([
    ...GRID_FIELDS.map((field) =>
      helper.accessor(field, {
        header: GRID_FIELD_LABELS[field],
        cell: (info) => <EditableCell rowIndex={info.row.index} field={field} value={info.getValue()} />,
      }),
    ),
    helper.display({
      id: "problems",
      header: "Problems",
      cell: (info) => <RowProblems rowIndex={info.row.index} />,
    }),
    helper.display({
      id: "remove",
      header: () => <span className="sr-only">Remove</span>,
      cell: (info) => <RemoveRowButton rowIndex={info.row.index} />,
    }),
  ]);
}
