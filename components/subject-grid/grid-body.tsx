"use client";

import { defaultRangeExtractor, type Range, useVirtualizer, type Virtualizer } from "@tanstack/react-virtual";
import { memo, type RefObject, useCallback, useId, useRef } from "react";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { GRID_FIELDS, type GridCells } from "@/lib/import/grid-fields";
import {
  type CellPosition,
  LAST_COLUMN,
  PROBLEMS_COLUMN,
  type SelectionRect,
} from "@/lib/import/grid-selection";
import type { RowVerdict } from "@/lib/import/validate-grid";
import { GridCell } from "./grid-cell";
import { COLUMN_CLASSES, ProblemsCell, ROW_MIN_WIDTH_CLASS } from "./grid-columns";
import type { CellEditing, GridActions } from "./grid-context";
import { NO_ROW_SLOTS, nextRowSlots, slottedRows } from "./row-keys";

/** One height for every row: the virtualiser then never measures, and scrolling costs the same at any size. */
const ROW_HEIGHT = 48;

// Worked out once, not per row and render: the button's classes as <Button> merges them, and the
// trash icon drawn by CSS (trash-icon in globals.css).
const REMOVE_BUTTON_CLASS = `${cn(buttonVariants({ variant: "danger", size: "icon" }))} trash-icon`;

/**
 * One body row. Memoised on plain props (the row's cells and verdict, its place in the selection, its
 * editor): rows that stay on screen while the grid scrolls are not drawn again, and a row element
 * reused for another row (see row-keys.ts) is updated in place.
 */
const GridRow = memo(function GridRow({
  id,
  viewRow,
  rowIndex,
  row,
  verdict,
  answer,
  top,
  selectedFrom,
  selectedTo,
  activeCol,
  editing,
  actions,
}: {
  /** The element's id (its slot's: the same for the element's lifetime), listed in the body's aria-owns. */
  id: string;
  viewRow: number;
  rowIndex: number;
  row: GridCells;
  verdict: RowVerdict | undefined;
  answer: string | undefined;
  /** The row's offset in the scrolled body, in px. */
  top: number;
  /** The selected columns in this row (both -1 when the row is not selected). */
  selectedFrom: number;
  selectedTo: number;
  /** The active cell's column when the active cell is in this row, else -1. */
  activeCol: number;
  /** The editor, when it is open in this row. */
  editing: CellEditing | null;
  actions: GridActions;
}) {
  const isInvalid = verdict?.kind === "invalid";
  return (
    <div
      id={id}
      role="row"
      aria-rowindex={viewRow + 2}
      aria-selected={selectedFrom === 0 && selectedTo === LAST_COLUMN}
      // Size and layout containment: the row's size never depends on its content, so new text is laid
      // out within the row, not across the page. (Not paint: a focused cell's outline may overflow.)
      className="absolute inset-x-0 top-0 flex h-[48px] border-b border-slate-200 [contain:size_layout_style] dark:border-slate-800"
      style={{ transform: `translateY(${top}px)` }}
    >
      <div
        role="rowheader"
        onMouseDown={(event) => {
          event.preventDefault();
          actions.selectRows(viewRow, event.shiftKey);
        }}
        className={`${COLUMN_CLASSES.number} flex cursor-pointer items-center gap-1 px-2 text-xs text-slate-500 tabular-nums select-none`}
        aria-label={`Row ${rowIndex + 1}${isInvalid ? ", has errors" : ""}`}
      >
        {rowIndex + 1}
        {isInvalid ? <span className="font-bold text-red-700 dark:text-red-400">!</span> : null}
      </div>
      {GRID_FIELDS.map((field, col) => (
        <GridCell
          key={field}
          rowIndex={rowIndex}
          viewRow={viewRow}
          col={col}
          field={field}
          value={row[field]}
          verdict={verdict}
          isActive={activeCol === col}
          isSelected={col >= selectedFrom && col <= selectedTo}
          draft={editing?.col === col ? editing.draft : null}
          actions={actions}
        />
      ))}
      <ProblemsCell
        rowIndex={rowIndex}
        viewRow={viewRow}
        verdict={verdict}
        answer={answer}
        isActive={activeCol === PROBLEMS_COLUMN}
        isSelected={PROBLEMS_COLUMN >= selectedFrom && PROBLEMS_COLUMN <= selectedTo}
        actions={actions}
      />
      <div
        role="gridcell"
        className={`${COLUMN_CLASSES.remove} flex items-center justify-center border-slate-200 dark:border-slate-800`}
      >
        <button
          type="button"
          className={REMOVE_BUTTON_CLASS}
          tabIndex={-1}
          onClick={() => actions.removeRow(rowIndex)}
          aria-label={`Remove row ${rowIndex + 1}`}
        />
      </div>
    </div>
  );
});

/**
 * The scrolled body: the only part of the grid that draws again when it scrolls. Rows are
 * virtualised (only those in view, and the active row, are rendered).
 */
export function GridBody({
  viewRows,
  rows,
  verdicts,
  answers,
  rect,
  active,
  editing,
  actions,
  virtualizerRef,
  headerRef,
}: {
  viewRows: readonly number[];
  rows: readonly GridCells[];
  verdicts: readonly (RowVerdict | undefined)[];
  answers: WeakMap<GridCells, string> | undefined;
  rect: SelectionRect;
  active: CellPosition;
  editing: CellEditing | null;
  actions: GridActions;
  /** Set to the virtualiser, so the grid can scroll a row into view. */
  virtualizerRef: RefObject<Virtualizer<HTMLDivElement, Element> | null>;
  /** The header row group, scrolled sideways with the body so the columns stay under their names. */
  headerRef: RefObject<HTMLDivElement | null>;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // The active row stays rendered even when scrolled away, so keyboard focus is never dropped.
  const activeRowRef = useRef(active.row);
  activeRowRef.current = active.row;
  const virtualizer = useVirtualizer({
    rangeExtractor: useCallback((range: Range) => {
      const indexes = defaultRangeExtractor(range);
      const activeRow = activeRowRef.current;
      if (activeRow < range.count && !indexes.includes(activeRow)) {
        indexes.push(activeRow);
        indexes.sort((a, b) => a - b);
      }
      return indexes;
    }, []),
    count: viewRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 4,
  });
  virtualizerRef.current = virtualizer;

  const items = virtualizer.getVirtualItems();
  // Kept between renders (a render that is thrown away only costs some reuse, never correctness).
  const rowSlots = useRef(NO_ROW_SLOTS);
  rowSlots.current = nextRowSlots(
    rowSlots.current,
    items.map((item) => item.index),
  );
  const startOf = new Map(items.map((item) => [item.index, item.start]));
  const rowIdPrefix = useId();
  // In slot order: the elements' order, which scrolling never changes.
  const rendered = slottedRows(rowSlots.current).flatMap(({ index: viewRow, slot }) => {
    const rowIndex = viewRows[viewRow];
    const row = rowIndex === undefined ? undefined : rows[rowIndex];
    const top = startOf.get(viewRow);
    return rowIndex === undefined || !row || top === undefined
      ? []
      : [{ viewRow, rowIndex, row, top, id: `${rowIdPrefix}row${slot}`, key: slot }];
  });
  // The same rows in their order, for assistive technology.
  const ownedRowIds = rendered
    .toSorted((a, b) => a.viewRow - b.viewRow)
    .map((row) => row.id)
    .join(" ");

  return (
    <div
      ref={scrollRef}
      role="rowgroup"
      aria-owns={ownedRowIds || undefined}
      className="relative max-h-[28rem] min-h-48 [scrollbar-gutter:stable] overflow-auto"
      onScroll={(event) => {
        const header = headerRef.current;
        const { scrollLeft } = event.currentTarget;
        if (header && header.scrollLeft !== scrollLeft) header.scrollLeft = scrollLeft;
      }}
    >
      {viewRows.length === 0 ? <p className="p-4 text-sm text-slate-600">No rows with errors.</p> : null}
      <div className={`relative ${ROW_MIN_WIDTH_CLASS}`} style={{ height: virtualizer.getTotalSize() }}>
        {rendered.map(({ viewRow, rowIndex, row, top, id, key }) => {
          const inSelection = viewRow >= rect.top && viewRow <= rect.bottom;
          return (
            <GridRow
              key={key}
              id={id}
              viewRow={viewRow}
              rowIndex={rowIndex}
              row={row}
              verdict={verdicts[rowIndex]}
              answer={answers?.get(row)}
              top={top}
              selectedFrom={inSelection ? rect.left : -1}
              selectedTo={inSelection ? rect.right : -1}
              activeCol={active.row === viewRow ? active.col : -1}
              editing={editing?.row === viewRow ? editing : null}
              actions={actions}
            />
          );
        })}
      </div>
    </div>
  );
}
