"use client";

import { useId } from "react";
import {
  choiceOfToggle,
  type DateColumnProfile,
  type TextDateChoice,
  textDateControl,
} from "@/lib/import/normalise-date";

const WRITTEN: Record<"dmy" | "mdy", string> = { dmy: "DD/MM/YYYY", mdy: "MM/DD/YYYY" };

const CHOICES: Array<{ value: TextDateChoice; label: string }> = [
  { value: "detected", label: "Not chosen (those dates are errors)" },
  { value: "dmy", label: "DD/MM/YYYY (day first)" },
  { value: "mdy", label: "MM/DD/YYYY (month first)" },
  { value: "refuse", label: "Do not convert them" },
];

/**
 * The birth column's text dates (16/10/1985) are converted to YYYY-MM-DD only with the operator's
 * consent: a switch, on by default, when the column proves its order; a choice of order when it
 * does not. Nothing is shown when the column has no such dates.
 */
export function TextDateControl({
  profile,
  value,
  onChange,
}: {
  profile: DateColumnProfile;
  value: TextDateChoice;
  onChange: (choice: TextDateChoice) => void;
}) {
  const selectId = useId();
  const control = textDateControl(profile, value);
  if (control.kind === "none") return null;
  const frame =
    "flex flex-wrap items-center gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100";
  if (control.kind === "toggle") {
    return (
      <div className={frame} data-testid="text-date-control">
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            className="size-4"
            checked={control.on}
            onChange={(event) => onChange(choiceOfToggle(event.target.checked))}
          />
          Birth dates are written {WRITTEN[control.order]}: convert them to YYYY-MM-DD
        </label>
        {control.on ? null : (
          <span className="text-xs">(off: those dates are errors and nothing is sent converted)</span>
        )}
      </div>
    );
  }
  return (
    <div className={frame} data-testid="text-date-control">
      <label htmlFor={selectId}>
        Birth dates written __/__/YYYY do not show which number is the day. Read them as
      </label>
      <select
        id={selectId}
        value={control.value}
        onChange={(event) => onChange(event.target.value as TextDateChoice)}
        className="h-8 rounded-md border border-slate-300 bg-white px-2 text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
      >
        {CHOICES.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
      <span>and convert them to YYYY-MM-DD</span>
    </div>
  );
}
