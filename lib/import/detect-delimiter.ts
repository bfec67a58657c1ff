/**
 * Guesses the delimiter of a text export. Excel writes "," or ";" depending on the Windows list
 * separator (pt-PT, de-DE… use ";"), and tab for "Unicode Text"; the file itself never says which.
 */

export type Delimiter = "\t" | ";" | ",";

/** In tie-break order: a tab is almost never data, ";" rarely, "," often (names, addresses). */
const CANDIDATES: readonly Delimiter[] = ["\t", ";", ","];
const MAX_RECORDS = 20;

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const CANDIDATE_CODES: readonly number[] = CANDIDATES.map((candidate) => candidate.charCodeAt(0));

/**
 * Counts each candidate per record, outside quoted cells. A quote opens a quoted cell only at the
 * start of a cell (after a line break or any candidate), so an inch mark in `5" screen` does not
 * swallow the rest of the file. Empty lines are skipped; delimiter-only lines (";;;", an empty
 * spreadsheet row) still count, since they carry the column count.
 */
function countPerRecord(text: string): number[][] {
  const records: number[][] = [];
  let counts = CANDIDATES.map(() => 0);
  let lineHasChars = false;
  let inQuotes = false;
  let atCellStart = true;
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  for (let index = start; index < text.length && records.length < MAX_RECORDS; index++) {
    const code = text.charCodeAt(index);
    if (inQuotes) {
      if (code !== QUOTE) continue;
      // `""` inside quotes is a literal quote; any other quote closes the cell.
      if (text.charCodeAt(index + 1) === QUOTE) index++;
      else inQuotes = false;
      continue;
    }
    if (code === CR || code === LF) {
      if (lineHasChars) records.push(counts);
      counts = CANDIDATES.map(() => 0);
      lineHasChars = false;
      atCellStart = true;
      continue;
    }
    lineHasChars = true;
    const candidate = CANDIDATE_CODES.indexOf(code);
    if (candidate >= 0) {
      counts[candidate] = (counts[candidate] ?? 0) + 1;
      atCellStart = true;
      continue;
    }
    if (code === QUOTE && atCellStart) inQuotes = true;
    atCellStart = false;
  }
  if (lineHasChars && records.length < MAX_RECORDS) records.push(counts);
  return records;
}

/** How many records share the most common non-zero count: a real delimiter repeats on every line. */
function consistency(counts: readonly number[]): number {
  const frequency = new Map<number, number>();
  for (const count of counts) {
    if (count > 0) frequency.set(count, (frequency.get(count) ?? 0) + 1);
  }
  let best = 0;
  for (const records of frequency.values()) best = Math.max(best, records);
  return best;
}

/**
 * Picks the candidate whose non-zero count per record is the same on the most of the first 20
 * records. Ties (including text with no candidate at all) go to tab, then ";", then ",".
 */
export function detectDelimiter(text: string): Delimiter {
  const records = countPerRecord(text);
  let best: Delimiter = "\t";
  let bestScore = 0;
  CANDIDATES.forEach((candidate, column) => {
    const score = consistency(records.map((counts) => counts[column] ?? 0));
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  });
  return best;
}
