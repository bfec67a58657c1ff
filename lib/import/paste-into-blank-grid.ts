/**
 * The first paste into an empty grid (the usual start: a whole sheet pasted into a new grid), read,
 * placed and profiled in one place so a worker can do all of it and validate the rows straight away,
 * instead of handing rows to the page and getting them back. Pure: gives exactly the rows the page
 * would get from mergePasted on the same blank rows (a table test checks that).
 *
 * A big paste is read in two parts, one per worker: the text is cut at a row boundary, each part is
 * read and placed on its own (pastePart), and joinPasteParts puts the two together into exactly what
 * pasteIntoBlankGrid gives for the whole text (a randomised test checks that too).
 */
import {
  columnsPastTheGrid,
  mergePasted,
  type PasteOutcome,
  type PasteTarget,
  readPastedText,
  trimTrailingBlankRows,
} from "./apply-paste";
import { type DocIdColumnProfile, profileDocIdColumn } from "./detect-damage";
import { emptyGridCells, type GridCells } from "./grid-fields";
import { columnsWithData, detectHeader, tableToGridRows, unmappedColumnsOf } from "./header-detection";
import { countDateEvidence, type DateColumnEvidence, profileFromEvidence } from "./normalise-date";
import { type ColumnProfile, profileColumns } from "./normalise-rows";
import { parseDelimitedText, rowBoundaryAfter } from "./parse-delimited";

export type PasteSummary = Omit<PasteOutcome, "rows">;

export interface BlankGridPaste {
  /** The grid's rows after the paste: the blank rows below the last pasted one are dropped. */
  rows: GridCells[];
  summary: PasteSummary;
  profile: ColumnProfile;
}

function blankRows(count: number): GridCells[] {
  return Array.from({ length: count }, emptyGridCells);
}

/** Pastes `text` at `target` into a grid of `blankRowCount` blank rows. */
export function pasteIntoBlankGrid(text: string, target: PasteTarget, blankRowCount: number): BlankGridPaste {
  const { rows, ...summary } = mergePasted(
    blankRows(blankRowCount),
    readPastedText(text, target.firstLineIsData),
    target,
  );
  const gridRows = summary.rowCount === 0 ? rows : trimTrailingBlankRows(rows);
  return { rows: gridRows, summary, profile: profileColumns(gridRows) };
}

/** What the column profile is counted from: counts, so two parts' evidence add up. */
export interface ProfileEvidence {
  birth: DateColumnEvidence;
  docId: DocIdColumnProfile;
}

function evidenceOf(rows: readonly GridCells[]): ProfileEvidence {
  return { birth: countDateEvidence(rows.map((row) => row.birth)), docId: profileDocIdColumn(rows) };
}

/** Both parts' evidence as one, counted in row order (so maps list keys as a whole count would). */
function addEvidence(first: ProfileEvidence, second: ProfileEvidence): ProfileEvidence {
  const lengthsByCountry = new Map<string, Map<number, number>>();
  for (const profile of [first.docId, second.docId]) {
    for (const [country, lengths] of profile.digitLengthsByCountry) {
      let sum = lengthsByCountry.get(country);
      if (sum === undefined) {
        sum = new Map();
        lengthsByCountry.set(country, sum);
      }
      for (const [length, count] of lengths) sum.set(length, (sum.get(length) ?? 0) + count);
    }
  }
  const a = first.birth;
  const b = second.birth;
  return {
    birth: {
      iso: a.iso + b.iso,
      slash: a.slash + b.slash,
      dayFirst: a.dayFirst + b.dayFirst,
      monthFirst: a.monthFirst + b.monthFirst,
    },
    docId: { digitLengthsByCountry: lengthsByCountry },
  };
}

/** The profile of all the rows, from each part's evidence. */
export function profileOfParts(first: ProfileEvidence, second: ProfileEvidence | null): ColumnProfile {
  const evidence = second === null ? first : addEvidence(first, second);
  return { birth: profileFromEvidence(evidence.birth), docId: evidence.docId, birthEvidence: evidence.birth };
}

/** One part of a paste, read and placed on its own. */
export interface PastePart {
  /**
   * The first part: the grid's rows from the top (blank rows above the target included) to its last
   * pasted row; the second: the rows that follow.
   */
  rows: GridCells[];
  hasHeader: boolean;
  /** The header row (header pastes), to name the columns no field was matched to. */
  header: string[] | null;
  /** Lines read (for a pasted table without header) and those up to the last with content. */
  lineCount: number;
  contentLineCount: number;
  /** Which columns hold values in the part's data rows (to name those no field takes). */
  dataColumns: boolean[];
  evidence: ProfileEvidence;
}

/**
 * Where a paste's text is cut for two workers: the start of the first row at or after `share` of
 * the text; text.length when the text is too short to be worth cutting.
 */
export function pasteBoundary(text: string, share = 0.5, minimumLength = 200_000): number {
  if (text.length < minimumLength) return text.length;
  return Math.max(secondRowStart(text), rowBoundaryAfter(text, Math.floor(text.length * share)));
}

/** Where the text's second row starts: the first row (a header, maybe) is always in the first part. */
function secondRowStart(text: string): number {
  return rowBoundaryAfter(text, text.charCodeAt(0) === 0xfeff ? 2 : 1);
}

/**
 * What the second part of a paste is read from (see secondPartText): `pastePart(head + rest,
 * head.length, "second", …)`. Two strings, not one: joining them costs a copy of `rest`, which the
 * worker that reads them makes more cheaply than the one that cuts the text and posts them.
 */
export interface SecondPartText {
  head: string;
  rest: string;
}

/**
 * What the second part of a paste cut at `boundary` is read from, without the first part's rows: the
 * text's first two rows (the second part decides on the header from them, as the first does), then
 * the text from the boundary. Reading it gives the same part as reading the whole text, at about half
 * the text: one worker cuts the paste and hands this to the other, so the page posts the text once.
 */
export function secondPartText(text: string, boundary: number): SecondPartText {
  const headEnd = Math.min(boundary, rowBoundaryAfter(text, secondRowStart(text) + 1));
  return { head: text.slice(0, headEnd), rest: text.slice(boundary) };
}

function countContentLines(table: readonly (readonly string[])[]): number {
  for (let line = table.length; line > 0; line -= 1) {
    if ((table[line - 1] as readonly string[]).some((cell) => cell !== "")) return line;
  }
  return 0;
}

/**
 * Part `which` of a paste of `text` cut at `boundary` (see pasteBoundary), at `target` in a grid of
 * `blankRowCount` blank rows. joinPasteParts puts the two parts together.
 */
export function pastePart(
  text: string,
  boundary: number,
  which: "first" | "second",
  target: PasteTarget,
  blankRowCount: number,
): PastePart {
  const isLast = which === "second" || boundary >= text.length;
  const table =
    which === "first"
      ? parseDelimitedText(text, "\t", { end: boundary, keepTrailingBlankRows: !isLast })
      : parseDelimitedText(text, "\t", { start: boundary });
  // The header is the text's first row, which the first part holds; the second reads it again, with
  // the row under it (detectHeader weighs both).
  const [firstRow, secondRow] =
    which === "first"
      ? table
      : parseDelimitedText(text, "\t", { end: rowBoundaryAfter(text, secondRowStart(text) + 1) });
  const hasHeader =
    target.firstLineIsData !== true && firstRow !== undefined && detectHeader(firstRow, secondRow).isHeader;
  const dataRows = which === "first" && hasHeader ? table.slice(1) : table;
  const firstGridRow = Math.max(0, Math.min(target.rowIndex, blankRowCount));
  let rows: GridCells[];
  if (hasHeader) {
    const mapped = tableToGridRows(which === "first" ? table : [firstRow as string[], ...table], true).rows;
    rows =
      which === "first"
        ? mergePasted(
            blankRows(blankRowCount),
            { kind: "header", header: firstRow as string[], rows: mapped, unmappedColumns: [] },
            target,
          ).rows.slice(0, firstGridRow + mapped.length)
        : mapped;
  } else {
    rows =
      which === "first"
        ? mergePasted(blankRows(blankRowCount), { kind: "plain", table }, target).rows.slice(
            0,
            firstGridRow + table.length,
          )
        : mergePasted([], { kind: "plain", table }, { rowIndex: 0, field: target.field }).rows;
  }
  return {
    rows,
    hasHeader,
    header: hasHeader ? (firstRow as string[]) : null,
    lineCount: dataRows.length,
    contentLineCount: countContentLines(dataRows),
    dataColumns: columnsWithData(dataRows),
    evidence: evidenceOf(rows),
  };
}

/**
 * The two parts of a paste as one: exactly what pasteIntoBlankGrid gives for the whole text. `second`
 * is null when the text was not cut.
 */
export function joinPasteParts(
  first: PastePart,
  second: PastePart | null,
  target: PasteTarget,
  blankRowCount: number,
): BlankGridPaste {
  const firstRow = Math.max(0, Math.min(target.rowIndex, blankRowCount));
  const secondRows = second?.rows ?? [];
  const rowCount = first.hasHeader
    ? first.rows.length - firstRow + secondRows.length
    : second !== null && second.lineCount > 0
      ? first.lineCount + second.lineCount
      : first.contentLineCount;
  const joined = second === null ? first.rows : first.rows.concat(secondRows);
  const filled =
    joined.length < blankRowCount ? joined.concat(blankRows(blankRowCount - joined.length)) : joined;
  // Array.from, not map: columnsWithData leaves holes where a column has no value, and map skips them.
  const dataColumns = Array.from(
    { length: Math.max(first.dataColumns.length, second?.dataColumns.length ?? 0) },
    (_, column) => first.dataColumns[column] === true || second?.dataColumns[column] === true,
  );
  return {
    rows: rowCount === 0 ? blankRows(blankRowCount) : trimTrailingBlankRows(filled),
    summary: {
      firstRow,
      rowCount,
      hasHeader: first.hasHeader,
      header: first.header,
      unmappedColumns:
        first.header === null
          ? columnsPastTheGrid(dataColumns, target.field)
          : unmappedColumnsOf(first.header, dataColumns),
    },
    profile: profileOfParts(first.evidence, second?.evidence ?? null),
  };
}
