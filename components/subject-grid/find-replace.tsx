"use client";

import { Replace } from "lucide-react";
import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { GRID_FIELD_LABELS, GRID_FIELDS, type GridField } from "@/lib/import/grid-fields";
import type { GridRowsApi } from "./use-grid-rows";

/** Find & replace within one column; one undoable step. */
export function FindReplace({ grid, announce }: { grid: GridRowsApi; announce: (message: string) => void }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [field, setField] = useState<GridField>("countryAlpha3");
  const [find, setFind] = useState("");
  const [replacement, setReplacement] = useState("");
  const [matchCase, setMatchCase] = useState(false);
  const [wholeCell, setWholeCell] = useState(false);
  const [result, setResult] = useState("");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (find === "") {
      setResult("Type the text to find.");
      return;
    }
    const count = grid.replaceText(field, find, replacement, { matchCase, wholeCell });
    const message =
      count === 0
        ? `No cell in ${GRID_FIELD_LABELS[field]} contains “${find}”.`
        : `Replaced in ${count.toLocaleString("en-US")} cell${count === 1 ? "" : "s"} of ${GRID_FIELD_LABELS[field]}. Ctrl+Z undoes it.`;
    setResult(message);
    announce(message);
  };

  return (
    <div className="relative">
      <Button
        variant="secondary"
        size="sm"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        onClick={() => setOpen(!open)}
      >
        <Replace aria-hidden="true" className="size-4" /> Find &amp; replace
      </Button>
      {open ? (
        <form
          id={`${id}-panel`}
          aria-label="Find and replace"
          onSubmit={submit}
          onKeyDown={(event) => {
            if (event.key === "Escape") setOpen(false);
          }}
          className="absolute top-10 left-0 z-20 flex w-80 flex-col gap-2 rounded-md border border-slate-300 bg-white p-3 shadow-lg dark:border-slate-600 dark:bg-slate-900"
        >
          <label className="flex flex-col gap-1">
            Column
            <select
              value={field}
              onChange={(event) => setField(event.target.value as GridField)}
              className="h-8 rounded-md border border-slate-300 bg-white px-2 dark:border-slate-600 dark:bg-slate-900"
            >
              {GRID_FIELDS.map((option) => (
                <option key={option} value={option}>
                  {GRID_FIELD_LABELS[option]}
                </option>
              ))}
            </select>
          </label>
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-find`}>Find</label>
            <Input id={`${id}-find`} value={find} onChange={(event) => setFind(event.target.value)} />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-replacement`}>Replace with</label>
            <Input
              id={`${id}-replacement`}
              value={replacement}
              onChange={(event) => setReplacement(event.target.value)}
            />
          </div>
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              className="size-4"
              checked={matchCase}
              onChange={(event) => setMatchCase(event.target.checked)}
            />
            Match case
          </label>
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              className="size-4"
              checked={wholeCell}
              onChange={(event) => setWholeCell(event.target.checked)}
            />
            Whole cell only
          </label>
          <div className="flex gap-2">
            <Button type="submit" size="sm">
              Replace all
            </Button>
            <Button variant="ghost" size="sm" onClick={() => setOpen(false)}>
              Close
            </Button>
          </div>
          <p role="status" className="text-xs text-slate-700 dark:text-slate-300">
            {result}
          </p>
        </form>
      ) : null}
    </div>
  );
}
