"use client";

import { Plus } from "lucide-react";
import { useId, useState } from "react";
import { SubjectGrid } from "@/components/subject-grid/subject-grid";
import { TextDateControl } from "@/components/subject-grid/text-date-control";
import type { useGridRows } from "@/components/subject-grid/use-grid-rows";
import { useGridValidation } from "@/components/subject-grid/use-grid-validation";
import { Button } from "@/components/ui/button";
import { countOf } from "@/lib/format-count";
import type { GridCells } from "@/lib/import/grid-fields";
import type { TextDateChoice } from "@/lib/import/normalise-date";
import type { CountryCode } from "@/lib/import/normalise-phone";
import { gridRowsForRun } from "./grid-rows-for-run";
import { PhoneRegionSelect } from "./phone-region-select";
import type { RunInputRow } from "./use-run-submission";

interface PastePanelProps {
  grid: ReturnType<typeof useGridRows>;
  /** Humanos' last answer for rows loaded back by "Edit failed rows". */
  answers: WeakMap<GridCells, string>;
  isSending: boolean;
  /** Every non-blank row, the ones held back as invalid included (the server records them as not sent). */
  onSubmit: (rows: RunInputRow[]) => void;
  onClear: () => void;
}

export function PastePanel({ grid, answers, isSending, onSubmit, onClear }: PastePanelProps) {
  const [phoneRegion, setPhoneRegion] = useState<CountryCode>("PT");
  // The operator's consent to converting the birth column's DD/MM/YYYY or MM/DD/YYYY text dates.
  const [textDates, setTextDates] = useState<TextDateChoice>("detected");
  const { validation, isValidating, birthProfile } = useGridValidation(grid.rows, phoneRegion, textDates);
  const [sendValidOnly, setSendValidOnly] = useState(false);
  const [blocker, setBlocker] = useState<string | null>(null);
  const sendValidOnlyId = useId();
  const { validCount, invalidCount, invalidRows, warningCount } = validation;

  const submit = () => {
    if (isValidating || grid.isPasting) {
      setBlocker("Still checking the rows; try again in a moment.");
      return;
    }
    if (validCount + invalidCount === 0) {
      setBlocker("Nothing to send: paste rows from a spreadsheet (Ctrl+V / ⌘V in the grid) or type them in.");
      return;
    }
    if (invalidCount > 0 && !sendValidOnly) {
      setBlocker(
        `${invalidCount} row${invalidCount === 1 ? " has" : "s have"} errors (first: row ${(invalidRows[0] ?? 0) + 1}). Fix them, or tick “Send only the valid rows” to send the other ${validCount} and mark these “not sent”.`,
      );
      return;
    }
    if (validCount === 0) {
      setBlocker("No valid rows to send. Fix the rows marked with errors.");
      return;
    }
    setBlocker(null);
    onSubmit(gridRowsForRun(grid.rows, validation));
  };

  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Copy cells in Excel or Google Sheets, click a cell here and press <kbd>Ctrl</kbd>+<kbd>V</kbd> (
        <kbd>⌘</kbd>+<kbd>V</kbd> on a Mac). A first row naming the columns (Email, Phone, Name, Date of
        birth, Document, Country…) is used to match them; otherwise the order is contact, internal ID, full
        name, date of birth (YYYY-MM-DD), document, country (alpha-3).
      </p>
      <div className="flex flex-wrap items-center gap-3 text-sm">
        {grid.isPasting ? (
          <p data-testid="grid-counts" role="status">
            Reading the pasted rows…
          </p>
        ) : isValidating ? (
          <p data-testid="grid-counts" role="status">
            Checking {countOf(grid.rows.length, "row")}…
          </p>
        ) : (
          <p aria-live="polite" data-testid="grid-counts">
            <span className="tabular-nums">{countOf(validCount + invalidCount, "row")}</span> ·{" "}
            <span className="tabular-nums">{validCount.toLocaleString("en-US")}</span> valid ·{" "}
            <span className={invalidCount > 0 ? "font-semibold text-red-800 dark:text-red-300" : undefined}>
              <span className="tabular-nums">{invalidCount.toLocaleString("en-US")}</span> with errors
            </span>
            {warningCount > 0 ? (
              <span className="text-amber-900 dark:text-amber-200">
                {" "}
                · <span className="tabular-nums">{warningCount.toLocaleString("en-US")}</span> with warnings
                (sent as shown after →)
              </span>
            ) : null}
          </p>
        )}
        <Button variant="secondary" size="sm" onClick={grid.addRow}>
          <Plus aria-hidden="true" className="size-4" /> Add row
        </Button>
        <Button
          variant="ghost"
          size="sm"
          onClick={() => {
            grid.clear();
            setTextDates("detected");
            onClear();
          }}
        >
          Clear grid
        </Button>
        <PhoneRegionSelect value={phoneRegion} onChange={setPhoneRegion} />
      </div>
      <TextDateControl profile={birthProfile} value={textDates} onChange={setTextDates} />
      <SubjectGrid grid={grid} validation={validation} isValidating={isValidating} answers={answers} />
      <div className="flex flex-wrap items-center justify-end gap-4">
        <div className="flex items-center gap-2 text-sm">
          <input
            id={sendValidOnlyId}
            type="checkbox"
            checked={sendValidOnly}
            onChange={(event) => setSendValidOnly(event.target.checked)}
            className="size-4"
          />
          <label htmlFor={sendValidOnlyId}>
            Send only the valid rows
            {invalidCount > 0 ? ` (${invalidCount} will be marked “not sent”)` : ""}
          </label>
        </div>
        <Button onClick={submit} disabled={isSending}>
          Create subjects
        </Button>
      </div>
      {blocker ? (
        <p
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-100"
        >
          {blocker}
        </p>
      ) : null}
    </div>
  );
}
