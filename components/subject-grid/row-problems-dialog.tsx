"use client";

import { useEffect, useId, useRef } from "react";
import { Button } from "@/components/ui/button";
import { GRID_FIELD_LABELS } from "@/lib/import/grid-fields";
import { type RowVerdict, rowMessages } from "@/lib/import/validate-grid";
import { LastRunLine } from "./grid-columns";

/**
 * Every problem of one grid row in full, in a modal dialog: the Problems cell has room for two lines
 * (rows have one height), so a row with more, or with a message cut short, shows "+N more"; that
 * button, Enter or F2 on the Problems cell, or Alt+↓ on any of the row's cells opens this. Escape or
 * Close shuts it; the browser gives focus back to what had it (the cell: clicking "+N more" makes its
 * Problems cell the active one, which holds the focus).
 */
export function RowProblemsDialog({
  rowIndex,
  verdict,
  answer,
  onClose,
}: {
  rowIndex: number;
  verdict: RowVerdict | undefined;
  answer: string | undefined;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const headingId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    // Focus on Close, whatever the browser's own choice: Enter or Escape shuts the list.
    closeRef.current?.focus();
  }, []);
  const messages = rowMessages(verdict);
  const count = messages.length + (answer ? 1 : 0);
  return (
    <dialog
      ref={ref}
      aria-labelledby={headingId}
      onClose={onClose}
      className="m-auto w-[min(40rem,calc(100vw-2rem))] rounded-md border border-slate-300 bg-white p-4 text-slate-900 shadow-lg backdrop:bg-slate-900/40 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
    >
      <h2 id={headingId} className="text-base font-semibold">
        Row {rowIndex + 1}: {count === 0 ? "no problems" : `${count} problem${count === 1 ? "" : "s"}`}
      </h2>
      <ul className="mt-3 flex flex-col gap-2 text-sm">
        {answer ? <LastRunLine answer={answer} /> : null}
        {messages.map(({ field, kind, message, suggestedValue }) => (
          <li
            key={`${kind}-${field}`}
            className={
              kind === "error" ? "text-red-800 dark:text-red-300" : "text-amber-900 dark:text-amber-200"
            }
          >
            <span className="font-semibold">
              {kind === "error" ? "Error — " : "Warning — "}
              {GRID_FIELD_LABELS[field]}:
            </span>{" "}
            {message}
            {suggestedValue ? ` Suggested: ${suggestedValue} (Alt+Enter on the cell takes it).` : ""}
          </li>
        ))}
      </ul>
      <form method="dialog" className="mt-4 flex justify-end">
        <Button ref={closeRef} type="submit" variant="secondary" size="sm">
          Close
        </Button>
      </form>
    </dialog>
  );
}
