"use client";

import { useTable } from "@tanstack/react-table";
import type { Virtualizer } from "@tanstack/react-virtual";
import { useCallback, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { GRID_FIELDS, type GridCells, type GridField } from "@/lib/import/grid-fields";
import type { CellPosition } from "@/lib/import/grid-selection";
import { rowCheckState } from "@/lib/import/problems-column";
import { scrollOffsetToShow } from "@/lib/import/scroll-to-show";
import { type GridValidation, rowMessages } from "@/lib/import/validate-grid";
import { GridBody } from "./grid-body";
import {
  COLUMN_CLASSES,
  FIELD_COLUMN_CLASSES,
  getGridColumns,
  gridFeatures,
  ROW_MIN_WIDTH_CLASS,
} from "./grid-columns";
import type { GridActions } from "./grid-context";
import { GridToolbar } from "./grid-toolbar";
import { RowProblemsDialog } from "./row-problems-dialog";
import { useGridInteraction } from "./use-grid-interaction";
import type { GridRowsApi } from "./use-grid-rows";
import { getValidationPool } from "./validation-pool";

const columns = getGridColumns();
const NO_ROWS: GridCells[] = [];
const HEADER_CELL_CLASS = "px-2 py-2 text-xs font-semibold";

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
  const gridRef = useRef<HTMLDivElement>(null);
  const virtualizerRef = useRef<Virtualizer<HTMLDivElement, Element> | null>(null);
  const headerRef = useRef<HTMLDivElement>(null);
  const [announcement, setAnnouncement] = useState("");
  // Whether the grid's workers have compiled their hot paths yet (bench/paste waits for it).
  const pool = getValidationPool();
  const warmUpOver = useSyncExternalStore(pool.subscribeToWarmUp, pool.isWarmUpOver, () => false);
  const [onlyErrors, setOnlyErrors] = useState(false);
  // The row whose problems are listed in full (RowProblemsDialog), if any.
  const [problemsRow, setProblemsRow] = useState<number | null>(null);
  const table = useTable({ features: gridFeatures, columns, data: NO_ROWS });

  // Unfiltered, the view is every row in order, made again only when the row count changes (not after
  // every edit's new validation, which would also rebuild the position map of 100,000 rows).
  const filter = onlyErrors ? validation.invalidRows : null;
  const viewRows = useMemo(
    () => filter ?? Array.from({ length: rows.length }, (_, index) => index),
    [filter, rows.length],
  );

  const interaction = useGridInteraction({
    grid,
    viewRows,
    invalidRows: validation.invalidRows,
    verdicts: validation.verdicts,
    scrollToRow: useCallback(
      (viewRow: number) => virtualizerRef.current?.scrollToIndex(viewRow, { align: "auto" }),
      [],
    ),
    getCellElement: useCallback(
      (position: CellPosition) =>
        gridRef.current?.querySelector<HTMLElement>(`[data-cell="${position.row}:${position.col}"]`) ?? null,
      [],
    ),
    scrollCellIntoViewSideways: useCallback((cell: HTMLElement, position: CellPosition) => {
      // The virtualiser scrolls rows into view, never columns: the cell's own sideways scroll, done
      // here on the body alone (scrollIntoView would also move the page and the rows).
      const body = virtualizerRef.current?.scrollElement;
      if (!body) return;
      const box = cell.getBoundingClientRect();
      const start = box.left - (body.getBoundingClientRect().left + body.clientLeft) + body.scrollLeft;
      const offset = scrollOffsetToShow(
        // The first field brings the row numbers (the row's start) into view with it.
        { start: position.col === 0 ? 0 : start, end: start + box.width },
        { offset: body.scrollLeft, size: body.clientWidth },
      );
      if (Math.abs(offset - body.scrollLeft) >= 0.5) body.scrollLeft = offset;
    }, []),
    announce: setAnnouncement,
    showRowProblems: setProblemsRow,
    rowCheckStateOf: (rowIndex) => {
      const row = rows[rowIndex];
      const verdict = validation.verdicts[rowIndex];
      return rowCheckState(verdict, rowMessages(verdict).length + (row && answers?.get(row) ? 1 : 0));
    },
  });
  const { rect, context } = interaction;

  // Rows and cells get one actions object for the grid's lifetime, calling this render's handlers.
  const latest = useRef({ context, grid });
  latest.current = { context, grid };
  const actions = useMemo(
    (): GridActions => ({
      selectCell: (position, extend) => latest.current.context.selectCell(position, extend),
      dragOver: (position) => latest.current.context.dragOver(position),
      applySuggestion: (rowIndex, field, value) =>
        latest.current.context.applySuggestion(rowIndex, field, value),
      selectRows: (viewRow, extend) => latest.current.context.selectRows(viewRow, extend),
      startEditing: (position, draft) => latest.current.context.startEditing(position, draft),
      setDraft: (draft) => latest.current.context.setDraft(draft),
      commitEdit: (move) => latest.current.context.commitEdit(move),
      cancelEdit: () => latest.current.context.cancelEdit(),
      removeRow: (rowIndex) => latest.current.grid.removeRows([rowIndex]),
      showRowProblems: setProblemsRow,
    }),
    [],
  );

  const headerGroup = table.getHeaderGroups()[0];
  const selectedRowCount = rect.bottom - rect.top + 1;

  return (
    <>
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
        onPaste={() => void interaction.pasteFromClipboard()}
        announce={setAnnouncement}
      />
      <div className="flex min-h-5 flex-wrap items-center gap-x-3 gap-y-1">
        <p aria-live="polite" className="text-sm text-slate-700 dark:text-slate-300">
          {announcement}
        </p>
        {interaction.canPasteFirstLineAsRow ? (
          <Button variant="secondary" size="sm" onClick={() => void interaction.pasteFirstLineAsRow()}>
            Paste again with the first line as a row
          </Button>
        ) : null}
      </div>
      <div
        ref={gridRef}
        role="grid"
        aria-label="Subjects"
        aria-rowcount={viewRows.length + 1}
        aria-colcount={GRID_FIELDS.length + 3}
        aria-busy={isValidating || grid.isPasting}
        data-warm-up={warmUpOver ? "over" : "running"}
        aria-multiselectable="true"
        tabIndex={-1}
        onKeyDown={interaction.onKeyDown}
        onPaste={interaction.onPaste}
        onCopy={interaction.onCopy}
        className="rounded-md border border-slate-300 bg-white outline-none dark:border-slate-700 dark:bg-slate-900"
      >
        {/* The header keeps the body's columns: the same minimum width, the same scrollbar gutter,
            and the body's horizontal scroll (see GridBody's headerRef). Positioned, so that it also
            clips its screen-reader-only text (absolute): else that text widens the whole page. */}
        <div
          ref={headerRef}
          role="rowgroup"
          className="relative [scrollbar-gutter:stable] overflow-hidden border-b border-slate-300 bg-slate-100 dark:border-slate-700 dark:bg-slate-800"
        >
          <div role="row" aria-rowindex={1} className={`flex ${ROW_MIN_WIDTH_CLASS}`}>
            <div role="columnheader" className={`${COLUMN_CLASSES.number} ${HEADER_CELL_CLASS}`}>
              Row
            </div>
            {headerGroup?.headers.map((header) => (
              <div
                key={header.id}
                role="columnheader"
                className={`${header.id === "problems" ? COLUMN_CLASSES.problems : FIELD_COLUMN_CLASSES[header.id as GridField]} border-transparent ${HEADER_CELL_CLASS}`}
              >
                <table.FlexRender header={header} />
              </div>
            ))}
            <div
              role="columnheader"
              className={`${COLUMN_CLASSES.remove} border-transparent ${HEADER_CELL_CLASS}`}
            >
              <span className="sr-only">Remove</span>
            </div>
          </div>
        </div>
        <GridBody
          viewRows={viewRows}
          rows={rows}
          verdicts={validation.verdicts}
          answers={answers}
          rect={rect}
          active={context.active}
          editing={context.editing}
          actions={actions}
          virtualizerRef={virtualizerRef}
          headerRef={headerRef}
        />
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Arrows move, Shift+arrows select, type or Enter to edit, Delete clears, Ctrl+D fills down, Ctrl+Alt+−
        deletes the selected rows, Ctrl+Z / Ctrl+Shift+Z undo and redo, F8 jumps to the next error, Alt+Enter
        takes a suggested correction, Alt+↓ (or Enter on its Problems cell) lists all of the row's problems,
        Ctrl+C / Ctrl+V copy and paste.
      </p>
      {problemsRow !== null ? (
        <RowProblemsDialog
          rowIndex={problemsRow}
          verdict={validation.verdicts[problemsRow]}
          answer={rows[problemsRow] ? answers?.get(rows[problemsRow]) : undefined}
          onClose={() => setProblemsRow(null)}
        />
      ) : null}
    </>
  );
}
