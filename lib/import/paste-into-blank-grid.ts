/**
 * The first paste into an empty grid (the usual start: a whole sheet pasted into a new grid), read,
 * placed and profiled in one place so a worker can do all of it and validate the rows straight away,
 * instead of handing rows to the page and getting them back. Pure: gives exactly the rows the page
 * would get from mergePasted on the same blank rows (a table test checks that).
 */
import {
  mergePasted,
  type PasteOutcome,
  type PasteTarget,
  readPastedText,
  trimTrailingBlankRows,
} from "./apply-paste";
import { emptyGridCells, type GridCells } from "./grid-fields";
import { type ColumnProfile, profileColumns } from "./normalise-rows";

export type PasteSummary = Omit<PasteOutcome, "rows">;

export interface BlankGridPaste {
  /** The grid's rows after the paste: the blank rows below the last pasted one are dropped. */
  rows: GridCells[];
  summary: PasteSummary;
  profile: ColumnProfile;
}

/** Pastes `text` at `target` into a grid of `blankRowCount` blank rows. */
export function pasteIntoBlankGrid(text: string, target: PasteTarget, blankRowCount: number): BlankGridPaste {
  const blankRows = Array.from({ length: blankRowCount }, emptyGridCells);
  const { rows, ...summary } = mergePasted(blankRows, readPastedText(text), target);
  const gridRows = summary.rowCount === 0 ? rows : trimTrailingBlankRows(rows);
  return { rows: gridRows, summary, profile: profileColumns(gridRows) };
}

/**
 * Where to split `rowCount` rows between two workers that have both read them: the first also sends
 * every row to the page and looks for repeated rows, so it checks `firstShare` of them and the other
 * the rest. Measured in chromium at 100,000 rows: encoding them for the page takes ~0.2 s and the
 * repeat search ~0.9 s and a row's checks ~30 µs, so the first checks a third and the two finish together.
 */
export function splitForTwoWorkers(rowCount: number, firstShare = 0.33): number {
  return Math.max(0, Math.min(rowCount, Math.round(rowCount * firstShare)));
}
