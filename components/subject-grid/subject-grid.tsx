"use client";

import { useTable } from "@tanstack/react-table";
import { defaultRangeExtractor, type Range, useVirtualizer } from "@tanstack/react-virtual";
import { Trash2 } from "lucide-react";
import { useCallback, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { GRID_FIELDS, type GridCells } from "@/lib/import/grid-fields";
import type { CellPosition } from "@/lib/import/grid-selection";
import type { GridValidation } from "@/lib/import/validate-grid";
import { GridCell } from "./grid-cell";
import { getGridColumns, gridFeatures, ProblemsCell } from "./grid-columns";
import { type GridCellContext, GridContext } from "./grid-context";
import { GridToolbar } from "./grid-toolbar";
import { useGridInteraction } from "./use-grid-interaction";
import type { GridRowsApi } from "./use-grid-rows";

const columns = getGridColumns();
const NO_ROWS: GridCells[] = [];
const GRID_TEMPLATE = "3.5rem repeat(6, minmax(8.5rem, 1fr)) minmax(20rem, 2.2fr) 2.75rem";
/** One height for every row: the virtualiser then never measures, and scrolling costs the same at any size. */
const ROW_HEIGHT = 48;

/**
 * The paste grid: role="grid" named "Subjects", virtualised (only visible rows are rendered), with
 * the WAI-ARIA grid keyboard model, range selection, undo/redo and an "only errors" view.
 */
export function SubjectGrid({
  grid,
  validation,
  isValidating,
  answers,
}: {
  grid: GridRowsApi;
  validation: GridValidation;
  isValidating: boolean;
  answers?: WeakMap<GridCells, string>;
}) {
  const { rows } = grid;
  const scrollRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const [announcement, setAnnouncement] = useState("");
  const [onlyErrors, setOnlyErrors] = useState(false);
  const table = useTable({ features: gridFeatures, columns, data: NO_ROWS });

  const viewRows = useMemo(
    () => (onlyErrors ? validation.invalidRows : Array.from({ length: rows.length }, (_, index) => index)),
    [onlyErrors, validation.invalidRows, rows.length],
  );

  // The active row stays rendered even when scrolled away, so keyboard focus is never dropped.
  const activeRowRef = useRef(0);
  const virtualizer = useVirtualizer({
    rangeExtractor: useCallback((range: Range) => {
      const indexes = defaultRangeExtractor(range);
      const active = activeRowRef.current;
      if (active < range.count && !indexes.includes(active)) {
        indexes.push(active);
        indexes.sort((a, b) => a - b);
      }
      return indexes;
    }, []),
    count: viewRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 4,
  });

  const interaction = useGridInteraction({
    grid,
    viewRows,
    invalidRows: validation.invalidRows,
    verdicts: validation.verdicts,
    scrollToRow: useCallback(
      (viewRow: number) => virtualizer.scrollToIndex(viewRow, { align: "auto" }),
      [virtualizer],
    ),
    getCellElement: useCallback(
      (position: CellPosition) =>
        gridRef.current?.querySelector<HTMLElement>(`[data-cell="${position.row}:${position.col}"]`) ?? null,
      [],
    ),
    announce: setAnnouncement,
  });
  const { rect } = interaction;
  activeRowRef.current = interaction.context.active.row;

  const context: GridCellContext = {
    ...interaction.context,
    verdicts: validation.verdicts,
    answerFor: (rowIndex) => {
      const row = rows[rowIndex];
      return row ? answers?.get(row) : undefined;
    },
  };
  const headerGroup = table.getHeaderGroups()[0];
  const selectedRowCount = rect.bottom - rect.top + 1;

  return (
    <GridContext.Provider value={context}>
      <GridToolbar
        grid={grid}
        onlyErrors={onlyErrors}
        onOnlyErrorsChange={setOnlyErrors}
        invalidCount={validation.invalidCount}
        selectedRowCount={selectedRowCount}
        onJumpToError={() => interaction.jumpToError(1)}
        onDeleteSelectedRows={interaction.deleteSelectedRows}
        onFillDown={interaction.fillSelectionDown}
        onTravel={interaction.travel}
        announce={setAnnouncement}
      />
      <p aria-live="polite" className="min-h-5 text-sm text-slate-700 dark:text-slate-300">
        {announcement}
      </p>
      <div
        ref={gridRef}
        role="grid"
        aria-label="Subjects"
        aria-rowcount={viewRows.length + 1}
        aria-colcount={GRID_FIELDS.length + 3}
        aria-busy={isValidating || grid.isPasting}
        aria-multiselectable="true"
        tabIndex={-1}
        onKeyDown={interaction.onKeyDown}
        onPaste={interaction.onPaste}
        onCopy={interaction.onCopy}
        className="rounded-md border border-slate-300 bg-white outline-none dark:border-slate-700 dark:bg-slate-900"
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
            <div role="columnheader" className="px-2 py-2 text-xs font-semibold">
              <span className="sr-only">Remove</span>
            </div>
          </div>
        </div>
        <div ref={scrollRef} role="rowgroup" className="relative max-h-[28rem] min-h-48 overflow-auto">
          {viewRows.length === 0 ? <p className="p-4 text-sm text-slate-600">No rows with errors.</p> : null}
          <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
            {virtualizer.getVirtualItems().map((item) => {
              const rowIndex = viewRows[item.index];
              const row = rowIndex === undefined ? undefined : rows[rowIndex];
              if (!row || rowIndex === undefined) return null;
              const isInvalid = validation.verdicts[rowIndex]?.kind === "invalid";
              const rowSelected =
                item.index >= rect.top &&
                item.index <= rect.bottom &&
                rect.left === 0 &&
                rect.right === GRID_FIELDS.length - 1;
              return (
                <div
                  key={item.key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-selected={rowSelected}
                  className="absolute inset-x-0 grid border-b border-slate-200 dark:border-slate-800"
                  style={{
                    transform: `translateY(${item.start}px)`,
                    height: ROW_HEIGHT,
                    gridTemplateColumns: GRID_TEMPLATE,
                  }}
                >
                  <div
                    role="rowheader"
                    onMouseDown={(event) => {
                      event.preventDefault();
                      interaction.context.selectRows(item.index, event.shiftKey);
                    }}
                    className="flex cursor-pointer items-center gap-1 px-2 text-xs text-slate-500 tabular-nums select-none"
                    aria-label={`Row ${rowIndex + 1}${isInvalid ? ", has errors" : ""}`}
                  >
                    {rowIndex + 1}
                    {isInvalid ? <span className="font-bold text-red-700 dark:text-red-400">!</span> : null}
                  </div>
                  {GRID_FIELDS.map((field) => (
                    <GridCell key={field} rowIndex={rowIndex} field={field} value={row[field]} />
                  ))}
                  <ProblemsCell rowIndex={rowIndex} />
                  <div
                    role="gridcell"
                    className="flex items-center justify-center border-l border-slate-200 dark:border-slate-800"
                  >
                    <Button
                      variant="danger"
                      size="icon"
                      tabIndex={-1}
                      onClick={() => grid.removeRows([rowIndex])}
                      aria-label={`Remove row ${rowIndex + 1}`}
                    >
                      <Trash2 aria-hidden="true" className="size-4" />
                    </Button>
                  </div>
                </div>
              );
            })}
          </div>
        </div>
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Arrows move, Shift+arrows select, type or Enter to edit, Delete clears, Ctrl+D fills down, Ctrl+Z /
        Ctrl+Shift+Z undo and redo, F8 jumps to the next error, Alt+Enter takes a suggested correction, Ctrl+C
        / Ctrl+V copy and paste.
      </p>
    </GridContext.Provider>
  );
}
