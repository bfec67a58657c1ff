/**
 * What the grid's read-only Problems column says: where a row's checks stand when it has nothing to
 * list (still being checked, empty, or checked and clean), and why it refuses what would change a
 * field. Pure: the cell's name, Enter on it and Alt+↓ on the row all read these.
 */
import type { RowVerdict } from "./validate-grid";

/** Where a row's checks stand, as its Problems cell tells it. */
export type RowCheckState = "being-checked" | "empty" | "no-problems" | "something-to-list";

/**
 * `lineCount`: the lines the row's Problems cell lists (its errors, warnings and last run's answer).
 * A row without a verdict has not been checked yet (the grid is busy with it): never "no problems".
 */
export function rowCheckState(verdict: RowVerdict | undefined, lineCount: number): RowCheckState {
  if (lineCount > 0) return "something-to-list";
  if (verdict === undefined) return "being-checked";
  return verdict.kind === "blank" ? "empty" : "no-problems";
}

type NothingToList = Exclude<RowCheckState, "something-to-list">;

const NOTHING_TO_LIST: Record<NothingToList, { cellName: string; sentence: (rowNumber: number) => string }> =
  {
    "being-checked": {
      cellName: "Still being checked",
      sentence: (rowNumber) => `Row ${rowNumber} is still being checked.`,
    },
    empty: { cellName: "Empty row", sentence: (rowNumber) => `Row ${rowNumber} is empty.` },
    "no-problems": { cellName: "No problems", sentence: (rowNumber) => `Row ${rowNumber} has no problems.` },
  };

/** The Problems cell's accessible name when it shows nothing; undefined when its lines name it. */
export function problemsCellName(state: RowCheckState): string | undefined {
  return state === "something-to-list" ? undefined : NOTHING_TO_LIST[state].cellName;
}

/** What asking for a row's problems (Enter on its Problems cell, Alt+↓) says when there is nothing to list. */
export function nothingToListSentence(rowNumber: number, state: NothingToList): string {
  return NOTHING_TO_LIST[state].sentence(rowNumber);
}

/**
 * What the read-only Problems column answers to what would change a field, or copy one: the column
 * has no field (typing, a paste, a clear or a fill starting there would land in columns the operator
 * did not choose) and its text is the grid's checks, not data.
 */
export const PROBLEMS_COLUMN_REFUSALS = {
  typing:
    "The Problems column is read-only: Enter lists the row's problems, Home goes to the row's first field.",
  paste:
    "Nothing pasted: the Problems column is read-only. Move to the field the paste starts at (Home goes to the row's first).",
  clear: "Nothing cleared: the Problems column is read-only.",
  fill: "Nothing filled: the Problems column is read-only.",
  copy: "Nothing copied: the Problems column holds the grid's checks, not data. Select fields to copy.",
} as const;
