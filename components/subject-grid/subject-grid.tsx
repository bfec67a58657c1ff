"use client";

import { useTable } from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { type ClipboardEvent, type KeyboardEvent, useCallback, useMemo, useRef, useState } from "react";
import { firstRowAfterContent, isMultiCellText } from "@/lib/import/apply-paste";
import { GRID_FIELDS, type GridField } from "@/lib/import/grid-fields";
import type { GridValidation } from "@/lib/import/validate-grid";
import { getGridColumns, gridFeatures } from "./grid-columns";
import { type GridActions, GridContext } from "./grid-context";
import type { useGridRows } from "./use-grid-rows";

const columns = getGridColumns();
const GRID_TEMPLATE = "3.5rem repeat(6, minmax(9rem, 1fr)) minmax(16rem, 1.6fr) 2.75rem";
const ROW_HEIGHT_ESTIMATE = 38;

type GridRowsApi = ReturnType<typeof useGridRows>;

function formatCount(count: number): string {
  return count.toLocaleString("en-US");
}

/** The paste grid: role="grid" named "Subjects", virtualised, every cell an editable input. */
export function SubjectGrid({
  grid,
  validation,
  isValidating,
}: {
  grid: GridRowsApi;
  validation: GridValidation;
  isValidating: boolean;
}) {
  const { rows, updateCell, removeRow, addRow, paste } = grid;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [announcement, setAnnouncement] = useState("");
  const table = useTable({ features: gridFeatures, columns, data: rows });
  const tableRows = table.getRowModel().rows;

  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT_ESTIMATE,
    overscan: 8,
  });

  const focusCell = useCallback(
    (rowIndex: number, field: GridField) => {
      virtualizer.scrollToIndex(rowIndex, { align: "auto" });
      requestAnimationFrame(() => {
        scrollRef.current?.querySelector<HTMLInputElement>(`[data-cell="${rowIndex}:${field}"]`)?.focus();
      });
    },
    [virtualizer],
  );

  const onCellKeyDown = useCallback(
    (event: KeyboardEvent<HTMLInputElement>, rowIndex: number, field: GridField) => {
      if (event.key === "ArrowDown" || (event.key === "Enter" && !event.shiftKey)) {
        event.preventDefault();
        if (rowIndex + 1 >= rows.length) addRow();
        focusCell(rowIndex + 1, field);
      } else if (event.key === "ArrowUp" || (event.key === "Enter" && event.shiftKey)) {
        event.preventDefault();
        if (rowIndex > 0) focusCell(rowIndex - 1, field);
      }
    },
    [rows.length, addRow, focusCell],
  );

  const onPaste = useCallback(
    (event: ClipboardEvent<HTMLDivElement>) => {
      const text = event.clipboardData.getData("text/plain");
      const cell = (event.target as HTMLElement).closest<HTMLElement>("[data-cell]");
      // A single value pasted into a cell is the input's own business; anything bigger spreads over the grid.
      if (cell && !isMultiCellText(text)) return;
      event.preventDefault();
      const target = cell
        ? { rowIndex: Number(cell.dataset.row), field: (cell.dataset.field as GridField | undefined) ?? null }
        : { rowIndex: firstRowAfterContent(rows), field: null };
      const outcome = paste(text, target);
      if (outcome.rowCount === 0) {
        setAnnouncement("Nothing to paste: the clipboard held no cells.");
        return;
      }
      const ignored =
        outcome.unmappedColumns.length > 0 ? ` Ignored columns: ${outcome.unmappedColumns.join(", ")}.` : "";
      setAnnouncement(
        `Pasted ${formatCount(outcome.rowCount)} row${outcome.rowCount === 1 ? "" : "s"} at row ${outcome.firstRow + 1}${outcome.hasHeader ? ", columns matched by the header row" : ""}.${ignored}`,
      );
    },
    [rows, paste],
  );

  const actions: GridActions = useMemo(
    () => ({ verdicts: validation.verdicts, updateCell, removeRow, onCellKeyDown }),
    [validation.verdicts, updateCell, removeRow, onCellKeyDown],
  );

  const headerGroup = table.getHeaderGroups()[0];
  return (
    <GridContext.Provider value={actions}>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {announcement ? (
        <p className="text-sm text-slate-700 dark:text-slate-300" aria-hidden="true">
          {announcement}
        </p>
      ) : null}
      <div
        role="grid"
        aria-label="Subjects"
        aria-rowcount={rows.length + 1}
        aria-colcount={GRID_FIELDS.length + 3}
        aria-busy={isValidating}
        tabIndex={0}
        onPaste={onPaste}
        className="rounded-md border border-slate-300 bg-white dark:border-slate-700 dark:bg-slate-900"
      >
        <div
          role="rowgroup"
          className="border-b border-slate-300 bg-slate-100 dark:border-slate-700 dark:bg-slate-800"
        >
          <div role="row" aria-rowindex={1} className="grid" style={{ gridTemplateColumns: GRID_TEMPLATE }}>
            <div role="columnheader" className="px-2 py-2 text-xs font-semibold">
              Row
            </div>
            {headerGroup?.headers.map((header) => (
              <div key={header.id} role="columnheader" className="px-2 py-2 text-xs font-semibold">
                <table.FlexRender header={header} />
              </div>
            ))}
          </div>
        </div>
        <div ref={scrollRef} role="rowgroup" className="relative max-h-[28rem] min-h-48 overflow-auto">
          <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = tableRows[item.index];
              if (!row) return null;
              const isInvalid = validation.verdicts[item.index]?.kind === "invalid";
              return (
                <div
                  key={item.key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  className="absolute inset-x-0 grid border-b border-slate-200 dark:border-slate-800"
                  style={{ transform: `translateY(${item.start}px)`, gridTemplateColumns: GRID_TEMPLATE }}
                >
                  <div
                    role="rowheader"
                    className="flex items-center gap-1 px-2 text-xs text-slate-500 tabular-nums"
                    aria-label={`Row ${item.index + 1}${isInvalid ? ", has errors" : ""}`}
                  >
                    {item.index + 1}
                    {isInvalid ? <span className="font-bold text-red-700 dark:text-red-400">!</span> : null}
                  </div>
                  {row.getAllCells().map((cell) => (
                    <div
                      key={cell.id}
                      role="gridcell"
                      className="min-w-0 border-l border-slate-200 dark:border-slate-800"
                    >
                      <table.FlexRender cell={cell} />
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </GridContext.Provider>
  );
}
