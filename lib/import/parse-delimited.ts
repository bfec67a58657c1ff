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
export function parseDelimitedText(
  text: string,
  delimiter = "\t",
  /**
   * Part of the text only: from `start` (a row start, see rowBoundaryAfter) to `end` (the next
   * part's start). `keepTrailingBlankRows` for a part that is not the text's last.
   */
  part: { start?: number; end?: number; keepTrailingBlankRows?: boolean } = {},
): string[][] {
  const delimiterCode = delimiterCodeOf(delimiter);
  const length = text.length;
  const stop = Math.min(part.end ?? length, length);
  const finish = part.keepTrailingBlankRows ? (rows: string[][]) => rows : withoutTrailingBlankRows;
  const rows: string[][] = [];
  let row: string[] = [];
  let index = part.start ?? (length > 0 && text.charCodeAt(0) === BOM ? 1 : 0);
  // An empty part inside the text has no rows (at the text's end, the one empty cell below is
  // dropped as a trailing blank row, as for an empty text).
  if (index >= stop && stop < length) return [];

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
    if (index >= stop) return finish(rows);
  }

  rows.push(row);
  return finish(rows);
}

function delimiterCodeOf(delimiter: string): number {
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === "\r" || delimiter === "\n") {
    throw new Error(`Unsupported delimiter ${JSON.stringify(delimiter)}`);
  }
  return delimiter.charCodeAt(0);
}

/** Where the row that follows a line break at `index` starts (a CRLF is one line break). */
function afterLineBreak(text: string, index: number): number {
  return text.charCodeAt(index) === CR && text.charCodeAt(index + 1) === LF ? index + 2 : index + 1;
}

/**
 * The first row start at or after `offset` among the line breaks in [from, to), a stretch of text
 * outside quoted cells; -1 when none.
 */
function rowStartInStretch(text: string, from: number, to: number, offset: number): number {
  // A row that starts at or after `offset` follows a line break that ends at offset - 1 or later.
  let index = Math.max(from, offset - 1);
  while (index < to) {
    const lf = text.indexOf("\n", index);
    const cr = text.indexOf("\r", index);
    const lineBreak = cr === -1 ? lf : lf === -1 ? cr : Math.min(cr, lf);
    if (lineBreak === -1 || lineBreak >= to) return -1;
    const rowStart = afterLineBreak(text, lineBreak);
    if (rowStart >= offset) return rowStart;
    index = lineBreak + 1;
  }
  return -1;
}

/**
 * The start of the first row that starts at or after `offset` (text.length when none), read as
 * parseDelimitedText reads rows (a line break inside quotes does not end one): where a text can be
 * cut into parts that parse, each on its own, into the same rows. Hops from quote to quote with
 * indexOf (a quote opens a quoted cell only at a cell start, and only when a closing quote follows),
 * so it costs a few milliseconds on a 10 MB paste and can run on the page.
 */
export function rowBoundaryAfter(text: string, offset: number, delimiter = "\t"): number {
  const delimiterCode = delimiterCodeOf(delimiter);
  const length = text.length;
  const textStart = length > 0 && text.charCodeAt(0) === BOM ? 1 : 0;
  if (textStart >= offset) return textStart;
  // Invariant: text from `index` on is outside any quoted cell.
  let index = textStart;
  for (;;) {
    const quote = text.indexOf('"', index);
    const stretchEnd = quote === -1 ? length : quote;
    const rowStart = rowStartInStretch(text, index, stretchEnd, offset);
    if (rowStart !== -1) return Math.min(rowStart, length);
    if (quote === -1) return length;
    const before = text.charCodeAt(quote - 1);
    const opensCell = quote === textStart || before === delimiterCode || before === LF || before === CR;
    const closing = opensCell ? closingQuote(text, quote) : -1;
    // A quote inside a cell, or one never closed, is an ordinary character.
    index = (closing === -1 ? quote : closing) + 1;
  }
}

/** The quote that closes a quoted cell opened at `opening` (`""` inside is a literal), or -1. */
function closingQuote(text: string, opening: number): number {
  let from = opening + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote === -1 || text.charCodeAt(quote + 1) !== QUOTE) return quote;
    from = quote + 2;
  }
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
