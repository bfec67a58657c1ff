/**
 * Turns clipboard text from Excel / Google Sheets (or a delimited file already decoded to a string)
 * into rows of trimmed cells. A hand-written scanner rather than split("\n"): quoted cells may hold
 * delimiters and line breaks, and the paste can be 100,000 rows, so it must stay linear.
 */

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const BOM = 0xfeff;

/** Where one cell ended: the index of its terminator (delimiter, CR, LF) or text.length. */
interface CellScan {
  value: string;
  end: number;
}

/** Scans an unquoted run from `start` up to the next delimiter or line break. */
function scanUnquoted(text: string, start: number, delimiter: number): CellScan {
  let index = start;
  const length = text.length;
  while (index < length) {
    const code = text.charCodeAt(index);
    if (code === delimiter || code === LF || code === CR) break;
    index++;
  }
  return { value: text.slice(start, index), end: index };
}

/**
 * Scans a cell that starts with a quote at `start`. Returns null when the quote is never closed:
 * Excel then treats the quote as an ordinary character, and so does the caller. Text after the
 * closing quote (`"abc"def`) is kept literally, as Excel keeps it.
 */
function scanQuoted(text: string, start: number, delimiter: number): CellScan | null {
  let value = "";
  let segmentStart = start + 1;
  for (;;) {
    const quote = text.indexOf('"', segmentStart);
    if (quote === -1) return null;
    if (text.charCodeAt(quote + 1) === QUOTE) {
      // `""` inside quotes is one literal quote.
      value += text.slice(segmentStart, quote + 1);
      segmentStart = quote + 2;
      continue;
    }
    value += text.slice(segmentStart, quote);
    const tail = scanUnquoted(text, quote + 1, delimiter);
    return { value: value + tail.value, end: tail.end };
  }
}

function hasContent(row: readonly string[]): boolean {
  for (const cell of row) if (cell !== "") return true;
  return false;
}

/**
 * Parses delimited text into rows of cells, each trimmed like String.prototype.trim (so NBSP goes
 * too). Blank rows keep their place, except at the end (the trailing newline spreadsheets append).
 * Rows may be ragged.
 */
export function parseDelimitedText(text: string, delimiter = "\t"): string[][] {
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === "\r" || delimiter === "\n") {
    throw new Error(`Unsupported delimiter ${JSON.stringify(delimiter)}`);
  }
  const delimiterCode = delimiter.charCodeAt(0);
  const length = text.length;
  const rows: string[][] = [];
  let row: string[] = [];
  let index = length > 0 && text.charCodeAt(0) === BOM ? 1 : 0;

  for (;;) {
    const cell =
      (index < length && text.charCodeAt(index) === QUOTE ? scanQuoted(text, index, delimiterCode) : null) ??
      scanUnquoted(text, index, delimiterCode);
    row.push(cell.value.trim());

    const end = cell.end;
    if (end >= length) break;
    const terminator = text.charCodeAt(end);
    if (terminator === delimiterCode) {
      index = end + 1;
      continue;
    }
    // A line break: CRLF, LF or a lone CR (old Mac clipboards) all end the row.
    rows.push(row);
    row = [];
    index = terminator === CR && text.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
    if (index >= length) return withoutTrailingBlankRows(rows);
  }

  rows.push(row);
  return withoutTrailingBlankRows(rows);
}

/**
 * Blank rows in the middle are kept: a column copied with an empty cell must not move the cells
 * below it up onto other people's rows. Blank rows at the end (the trailing newline) are dropped.
 */
function withoutTrailingBlankRows(rows: string[][]): string[][] {
  let end = rows.length;
  while (end > 0 && !hasContent(rows[end - 1] as string[])) end -= 1;
  return end === rows.length ? rows : rows.slice(0, end);
}
