"use client";

import { createColumnHelper, tableFeatures } from "@tanstack/react-table";
import { memo } from "react";
import {
  GRID_FIELD_LABELS,
  GRID_FIELD_SHORT_LABELS,
  GRID_FIELDS,
  type GridCells,
  type GridField,
} from "@/lib/import/grid-fields";
import { PROBLEMS_COLUMN } from "@/lib/import/grid-selection";
import { problemsCellName, rowCheckState } from "@/lib/import/problems-column";
import { type RowVerdict, rowMessages } from "@/lib/import/validate-grid";
import { cellErrorId, cellWarningId, type GridActions } from "./grid-context";

export const gridFeatures = tableFeatures({});

/**
 * The columns' widths, the same in the header row and in every body row: rows are flex rows (a CSS
 * grid per row costs about twice as much to lay out when rows scroll into view). The row number and
 * remove button are fixed; the six fields share the rest equally and the problems 2.2 shares, with
 * the minimums 8.5rem and 20rem, as `minmax(8.5rem, 1fr)` and `minmax(20rem, 2.2fr)` would. Header
 * and body cells keep their padding and left border in these classes (only the colours differ), so
 * the shares, and the columns, line up.
 */
export const COLUMN_CLASSES = {
  number: "w-14 flex-none",
  problems: "min-w-80 flex-[2.2_1_0%] border-l px-2",
  remove: "w-11 flex-none border-l",
} as const;
/**
 * Each field's column: the contact, the value every row is sent for, widest (an e-mail of 20
 * characters shows whole), the country's three letters narrowest. Their minimums add up
 * to 51rem, as six columns of 8.5rem did (ROW_MIN_WIDTH_CLASS below).
 */
export const FIELD_COLUMN_CLASSES: Record<GridField, string> = {
  contact: "min-w-[12.5rem] flex-[1.4_1_0%] border-l px-2",
  internalId: "min-w-[7rem] flex-[0.9_1_0%] border-l px-2",
  fullName: "min-w-[9.5rem] flex-[1.1_1_0%] border-l px-2",
  birth: "min-w-[8.5rem] flex-1 border-l px-2",
  docId: "min-w-[7.5rem] flex-1 border-l px-2",
  countryAlpha3: "min-w-[6rem] flex-[0.7_1_0%] border-l px-2",
};
/** The columns' minimum widths added up: narrower, the rows scroll sideways. */
export const ROW_MIN_WIDTH_CLASS = "min-w-[77.25rem]";
const helper = createColumnHelper<typeof gridFeatures, GridCells>();

/** What the row's last run answered (rows loaded back by "Edit failed rows"), as a list item. */
export function LastRunLine({ answer, oneLine = false }: { answer: string; oneLine?: boolean }) {
  return (
    <li
      className={
        oneLine ? "truncate text-purple-900 dark:text-purple-200" : "text-purple-900 dark:text-purple-200"
      }
      title={oneLine ? answer : undefined}
    >
      <span className="font-semibold">Last run:</span> {answer}
    </li>
  );
}

/** The row's errors and warnings in words, one line per cell, so nothing depends on colour. */
function RowProblems({
  rowIndex,
  messages,
  answer,
  actions,
}: {
  rowIndex: number;
  messages: ReturnType<typeof rowMessages>;
  answer: string | undefined;
  actions: GridActions;
}) {
  return (
    // One line per message (the row has one height); lines past the second are hidden behind "+N
    // more". Every line stays in the page: the cells' descriptions for screen readers point at them.
    <ul className="flex flex-col py-1 text-xs leading-4">
      {answer ? <LastRunLine answer={answer} oneLine /> : null}
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
            {/* An error line is told apart by colour and by having no "Warning —"; said, it gets its word. */}
            {kind === "warning" ? "Warning — " : <span className="sr-only">Error — </span>}
            {GRID_FIELD_SHORT_LABELS[field]}:
          </span>
          {suggestedValue ? (
            <button
              type="button"
              // One tab stop per grid: the keyboard takes a suggestion with Alt+Enter on the cell.
              tabIndex={-1}
              title="Alt+Enter on the cell"
              onClick={() => actions.applySuggestion(rowIndex, field, suggestedValue)}
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

/** Lines that fit in a row. */
const LINES_PER_ROW = 2;

/**
 * The row's problems cell: a fixed-height cell (rows have one height, so scrolling stays O(1)). It is
 * on the arrow-key path like the fields (column PROBLEMS_COLUMN), named by its text, and read only:
 * Enter or F2 on it (or Alt+↓ on any of the row's cells) opens the row's problems in full, as does
 * "+N more", shown when its lines do not fit. It takes the row's verdict and its place in the
 * selection as props: it draws again only when those or the answer change.
 */
export const ProblemsCell = memo(function ProblemsCell({
  rowIndex,
  viewRow,
  verdict,
  answer,
  isActive,
  isSelected,
  actions,
}: {
  rowIndex: number;
  /** The row's position among the rows shown. */
  viewRow: number;
  verdict: RowVerdict | undefined;
  answer: string | undefined;
  isActive: boolean;
  isSelected: boolean;
  actions: GridActions;
}) {
  const messages = rowMessages(verdict);
  const lines = messages.length + (answer ? 1 : 0);
  const hidden = lines - LINES_PER_ROW;
  const position = { row: viewRow, col: PROBLEMS_COLUMN };
  return (
    <div
      role="gridcell"
      tabIndex={isActive ? 0 : -1}
      aria-selected={isSelected}
      aria-readonly="true"
      // Said, not shown: an empty cell says why when the keyboard lands on it (no problems, an empty
      // row, or a row still being checked: never "no problems" before the check). A name, not a
      // hidden text node: rows scrolling into view then create no extra elements.
      aria-label={problemsCellName(rowCheckState(verdict, lines))}
      aria-keyshortcuts={lines > 0 ? "Enter" : undefined}
      data-cell={`${viewRow}:${PROBLEMS_COLUMN}`}
      data-row={rowIndex}
      // No data-field: a paste or an edit never starts here (see isOnProblemsCell).
      data-column="problems"
      onMouseDown={(event) => {
        // Not the focus to a button: the cell keeps the grid's one tab stop. The click still runs.
        event.preventDefault();
        actions.selectCell(position, event.shiftKey);
      }}
      onMouseEnter={() => actions.dragOver(position)}
      className={`relative h-full overflow-hidden ${COLUMN_CLASSES.problems} cursor-default border-slate-200 outline-none dark:border-slate-800 ${
        isSelected ? "bg-blue-50 dark:bg-blue-950/60" : ""
      } ${isActive ? "ring-2 ring-blue-600 ring-inset" : ""}`}
    >
      {lines > 0 ? (
        <RowProblems rowIndex={rowIndex} messages={messages} answer={answer} actions={actions} />
      ) : null}
      {hidden > 0 ? (
        <button
          type="button"
          // One tab stop per grid: the keyboard opens the list with Enter on this cell, or Alt+↓ on
          // the row's cells.
          tabIndex={-1}
          aria-haspopup="dialog"
          aria-label={`${hidden} more: all ${lines} problems of row ${rowIndex + 1}`}
          aria-keyshortcuts="Alt+ArrowDown"
          title="All of this row's problems (Enter on this cell, Alt+↓ on the row's cells)"
          onClick={() => actions.showRowProblems(rowIndex)}
          className="absolute right-1 bottom-1 rounded border border-slate-400 bg-white px-1 text-xs leading-[14px] font-medium text-slate-900 hover:bg-slate-100 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800"
        >
          +{hidden} more
        </button>
      ) : null}
    </div>
  );
});

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
