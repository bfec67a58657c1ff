/**
 * Runs the validation code over made-up rows of every usual shape, so a worker has compiled its hot
 * paths (V8 optimises a function only after it has run many times, and a long loop only after it has
 * run long) before the operator's first big paste: a cold worker takes about twice as long over its
 * first 100,000 rows.
 */
import { findBatchDuplicates } from "./batch-duplicates";
import type { GridCells } from "./grid-fields";
import type { ImportOptions } from "./normalise-rows";
import { pastePart, profileOfParts } from "./paste-into-blank-grid";
import { encodedVerdictsOfRows } from "./validate-grid";
import { countValid, decodeRows, encodeRows } from "./worker-transport";

/**
 * Measured in Debian chromium on 2 cores: a worker's time per 2,000 made-up rows fell from 340–490 ms
 * (the first) to ~85 ms by 12,000 rows and stopped falling, at ~70 ms, after ~36,000. With 2,500 rows
 * the first 100,000-row paste took 2.6–4.7 s; with 60,000 rows, 1.8–2.1 s (pasted 5 s after load).
 */
export const WARM_UP_ROW_COUNT = 40_000;

/** The warm-up's first slice: a paste that arrives meanwhile waits for it (~50 ms while cold). */
const FIRST_SLICE_ROWS = 250;
/** Its largest: the loops a paste runs long (reading, checking) are compiled as a paste runs them. */
const LARGEST_SLICE_ROWS = 2000;

/** The warm-up's slices, in order: each twice the one before, up to LARGEST_SLICE_ROWS, `total` rows in all. */
export function warmUpSlices(total = WARM_UP_ROW_COUNT): Array<{ first: number; count: number }> {
  const slices: Array<{ first: number; count: number }> = [];
  let size = FIRST_SLICE_ROWS;
  for (let first = 0; first < total; first += size) {
    size = Math.min(size * (slices.length === 0 ? 1 : 2), LARGEST_SLICE_ROWS);
    slices.push({ first, count: Math.min(size, total - first) });
  }
  return slices;
}

const CONTACTS = [
  (index: number) => `person.${index}@example.com`,
  (index: number) => `+3519${String(10_000_000 + index).slice(-8)}`,
  (index: number) => `9${String(10_000_000 + index).slice(-8)}`,
  (index: number) => `3519${String(10_000_000 + index).slice(-8)}`,
  (index: number) => `+44 7700 9${String(index % 100_000).padStart(5, "0")}`,
  (index: number) => `not an address ${index}`,
];
const BIRTHS = [
  (index: number) => `19${50 + (index % 50)}-0${1 + (index % 9)}-1${index % 9}`,
  (index: number) => `1${index % 9}/0${1 + (index % 9)}/19${50 + (index % 50)}`,
  (index: number) => String(20_000 + index),
  () => "31/02/1990",
];
const COUNTRIES = ["PRT", "ESP", "BRA", "prt", "XXX"];

/**
 * Made-up rows `first` to `first + count - 1`: every contact, date and country shape the validators
 * branch on, with some errors; no two rows share a contact, so no phone is read from the cache.
 */
export function warmUpRows(count = WARM_UP_ROW_COUNT, first = 0): GridCells[] {
  return Array.from({ length: count }, (_, offset) => first + offset).map((index) => ({
    contact: (CONTACTS[index % CONTACTS.length] as (index: number) => string)(index),
    internalId: index % 3 === 0 ? "" : `emp-${index}`,
    fullName: index % 7 === 0 ? "" : `Person ${index}`,
    birth: (BIRTHS[index % BIRTHS.length] as (index: number) => string)(index),
    docId: String(10_000_000 + index),
    countryAlpha3: COUNTRIES[index % COUNTRIES.length] as string,
  }));
}

/**
 * Runs `rows` (by default all the made-up rows; a worker passes slices so a paste arriving meanwhile
 * does not wait for the whole warm-up) through the same steps, on the same kind of strings, as a
 * worker's part of a paste: the text read and placed, the rows encoded for the page, the profile, the
 * repeats, every row's checks. Returns how many rows came out valid.
 */
export function warmUpValidation(options: ImportOptions, rows: readonly GridCells[] = warmUpRows()): number {
  const text = rows
    .map((row) =>
      [row.contact, row.internalId, `"${row.fullName}"`, row.birth, row.docId, row.countryAlpha3].join("\t"),
    )
    .join("\r\n");
  const pasted = `Email\tInternal ID\tFull name\tDate of birth\tDocument\tCountry\r\n${text}\r\n`;
  const part = pastePart(pasted, pasted.length, "first", { rowIndex: 0, field: null }, 0);
  decodeRows(encodeRows(part.rows));
  const profile = profileOfParts(part.evidence, null);
  findBatchDuplicates(part.rows, { rememberKeys: false });
  // The workers' own check loop (see encodedVerdictsOfRows).
  return countValid(encodedVerdictsOfRows(part.rows, profile, options));
}
