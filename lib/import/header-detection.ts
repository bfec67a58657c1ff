/**
 * Recognises a header row in pasted / imported tables and maps its columns onto the grid fields.
 * Real files label columns in English and Portuguese, with accents, dots and odd spacing
 * ("N.º documento", "E-mail", "Telemóvel"), so labels are compared in a folded form.
 */
import {
  emptyGridCells,
  GRID_FIELD_LABELS,
  GRID_FIELDS,
  type GridCells,
  type GridField,
} from "./grid-fields";
import { isBlankRow } from "./validate-row";

/** Where a column goes. "email" and "phone" are both sources for contact (e-mail wins when filled). */
export type ColumnTarget = GridField | "email" | "phone" | null;
type MappedTarget = Exclude<ColumnTarget, null>;

const SYNONYMS: Record<MappedTarget, readonly string[]> = {
  contact: ["contact", "contacto", "contato"],
  email: ["email", "e-mail", "mail", "email address", "e-mail address"],
  phone: [
    "phone",
    "phone number",
    "mobile",
    "mobile phone",
    "mobile number",
    "telephone",
    "telephone number",
    "cell",
    "cell phone",
    "telemóvel",
    "telefone",
  ],
  internalId: [
    "internalId",
    "internal id",
    "id",
    "customer id",
    "employee id",
    "external id",
    "reference",
    "ref",
  ],
  fullName: ["fullName", "full name", "name", "nome", "nome completo"],
  birth: ["birth", "date of birth", "dob", "birth date", "birthdate", "birthday", "data de nascimento"],
  docId: [
    "docId",
    "doc id",
    "document",
    "document id",
    "document number",
    "id number",
    "passport",
    "n.º documento",
    "numero documento",
    "número de documento",
    "nº documento",
  ],
  countryAlpha3: ["countryAlpha3", "country", "country code", "país", "pais", "nationality"],
};

const COMBINING_MARKS = /\p{M}/gu;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]/gu;

/**
 * Folds a label so that case, accents, punctuation and spacing do not matter. NFKD also turns the
 * ordinal "º" of "N.º" into a plain "o", so "N.º documento" and "nº documento" fold alike.
 */
export function foldLabel(label: string): string {
  return label.normalize("NFKD").replace(COMBINING_MARKS, "").toLowerCase().replace(NOT_LETTER_OR_DIGIT, "");
}

const TARGET_BY_FOLDED_LABEL: ReadonlyMap<string, MappedTarget> = new Map(
  (Object.entries(SYNONYMS) as [MappedTarget, readonly string[]][]).flatMap(([target, labels]) =>
    labels.map((label) => [foldLabel(label), target] as const),
  ),
);

/** Edit distance counting a swap of two neighbours as one typo, stopping once it exceeds `limit`. */
function editDistanceWithin(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (beforePrevious[j - 2] ?? 0) + 1);
      }
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

/**
 * A near-miss ("Emial", "Telefon", "Date of brith"): one typo in labels of 4+ letters, two in 9+,
 * and only when a single field is that close (an ambiguous near-miss is left for the operator).
 */
function nearestTarget(folded: string): ColumnTarget {
  if (folded.length < 4) return null;
  const limit = folded.length >= 9 ? 2 : 1;
  let best: { target: MappedTarget; distance: number } | undefined;
  let tie = false;
  for (const [label, target] of TARGET_BY_FOLDED_LABEL) {
    if (label.length < 4) continue;
    const distance = editDistanceWithin(folded, label, limit);
    if (distance > limit) continue;
    if (best === undefined || distance < best.distance) {
      best = { target, distance };
      tie = false;
    } else if (distance === best.distance && target !== best.target) tie = true;
  }
  return best && !tie ? best.target : null;
}

/** How a label matched: the folded label is a column name or synonym ("exact"), or one near it. */
type MatchKind = "exact" | "near" | null;

function matchLabel(label: string): { target: ColumnTarget; kind: MatchKind } {
  const folded = foldLabel(label);
  const exact = TARGET_BY_FOLDED_LABEL.get(folded);
  if (exact !== undefined) return { target: exact, kind: "exact" };
  const near = nearestTarget(folded);
  return { target: near, kind: near === null ? null : "near" };
}

export function matchColumnName(label: string): ColumnTarget {
  return matchLabel(label).target;
}

const EMAIL_LIKE = /^[^\s@]+@[^\s@]+$/;
// Phones, ids and serial dates: a header label never consists of digits and phone punctuation.
const NUMBER_LIKE = /^\+?[\d\s().-]+$/;
const HAS_DIGIT = /\d/;
const DATE_LIKE = /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b/;

function looksLikeData(cell: string): boolean {
  return EMAIL_LIKE.test(cell) || (NUMBER_LIKE.test(cell) && HAS_DIGIT.test(cell)) || DATE_LIKE.test(cell);
}

/**
 * Whether `row` is a header row, with the field each of its cells names. Taking a person's row for a
 * header drops that person, while taking a header for a row only adds a row the grid flags as invalid,
 * so a row is a header only on good evidence:
 * - no cell looks like a value (an e-mail, a number or phone, a date);
 * - at least one cell is exactly a column name or synonym, or two are near-misses: one near-miss
 *   alone is no evidence, since many names are one typo from a label ("Emil", "Maia", "Paris",
 *   "Birte", "Tomé");
 * - the names are at least half of its filled cells, or `below` (the row under it) holds a value
 *   under one of them: a header's labels sit above values of another kind ("Email" above
 *   ana@example.com), a person's name above another name.
 */
export function detectHeader(
  row: readonly string[],
  below?: readonly string[],
): { isHeader: boolean; columns: ColumnTarget[] } {
  const matches = row.map((cell) => matchLabel(cell));
  const columns = matches.map((match) => match.target);
  if (row.some((cell) => looksLikeData(cell.trim()))) return { isHeader: false, columns };
  const exact = matches.filter((match) => match.kind === "exact").length;
  const named = matches.filter((match) => match.kind !== null).length;
  const filled = row.filter((cell) => cell.trim() !== "").length;
  const enoughNames = exact >= 1 || named >= 2;
  const valueUnderAName =
    below !== undefined &&
    columns.some((target, column) => target !== null && looksLikeData((below[column] ?? "").trim()));
  return { isHeader: enoughNames && (named * 2 >= filled || valueUnderAName), columns };
}

export type ColumnIndex = Partial<Record<MappedTarget, number>>;

/** Assigns each target its first column; later columns with the same target are reported unmapped. */
function assignColumns(
  header: readonly string[],
  columns: readonly ColumnTarget[],
  columnHasData: readonly boolean[],
): { index: ColumnIndex; unmapped: string[] } {
  const index: ColumnIndex = {};
  const unmapped: string[] = [];
  const width = Math.max(header.length, columnHasData.length);
  for (let column = 0; column < width; column++) {
    const label = (header[column] ?? "").trim();
    const target = columns[column] ?? null;
    if (target !== null && index[target] === undefined) {
      index[target] = column;
    } else if (label !== "") {
      unmapped.push(label);
    } else if (columnHasData[column] === true) {
      // An unlabelled column that holds values would otherwise be dropped without a word.
      unmapped.push(`Column ${column + 1}`);
    }
  }
  return { index, unmapped };
}

/** Which columns hold a value in some row (an unlabelled column with values is named as unmapped). */
export function columnsWithData(rows: readonly (readonly string[])[]): boolean[] {
  const hasData: boolean[] = [];
  for (const row of rows) {
    for (let column = 0; column < row.length; column++) {
      if (hasData[column] !== true && (row[column] ?? "").trim() !== "") hasData[column] = true;
    }
  }
  return hasData;
}

function cellAt(row: readonly string[], column: number | undefined): string {
  return column === undefined ? "" : (row[column] ?? "").trim();
}

export function mapRow(row: readonly string[], index: ColumnIndex): GridCells {
  const cells = emptyGridCells();
  for (const field of GRID_FIELDS) {
    if (field !== "contact") cells[field] = cellAt(row, index[field]);
  }
  cells.contact = cellAt(row, index.email) || cellAt(row, index.phone) || cellAt(row, index.contact);
  return cells;
}

const TARGET_LABELS: Record<MappedTarget, string> = {
  ...GRID_FIELD_LABELS,
  email: "Contact (e-mail)",
  phone: "Contact (phone)",
};

/**
 * What a header row's labels were matched to, in words: `“E-mail” → Contact (e-mail), “Nome” → Full
 * name` (a second column for the same field is not named: it is ignored, see unmappedColumnsOf).
 */
export function headerMappingText(header: readonly string[]): string {
  const { index } = assignColumns(header, detectHeader(header).columns, []);
  return (Object.entries(index) as [MappedTarget, number][])
    .sort(([, a], [, b]) => a - b)
    .map(([target, column]) => `“${(header[column] ?? "").trim()}” → ${TARGET_LABELS[target]}`)
    .join(", ");
}

/** The columns of a header row no field was matched to, as tableToGridRows reports them. */
export function unmappedColumnsOf(header: readonly string[], dataColumns: readonly boolean[]): string[] {
  return assignColumns(header, detectHeader(header).columns, dataColumns).unmapped;
}

/**
 * Turns a parsed table into grid rows. With a header, columns are mapped by name; without one, the
 * GRID_FIELDS order is assumed and extra columns are ignored. Rows left blank after mapping (their
 * values were all in unmapped columns) are dropped.
 */
export function tableToGridRows(
  table: readonly (readonly string[])[],
  /** Whether the first row is a header, when the caller has already decided (else detectHeader). */
  firstRowIsHeader?: boolean,
): {
  hasHeader: boolean;
  rows: GridCells[];
  unmappedColumns: string[];
} {
  const first = table[0];
  if (first === undefined) return { hasHeader: false, rows: [], unmappedColumns: [] };

  const detected = detectHeader(first, table[1]);
  const header = { ...detected, isHeader: firstRowIsHeader ?? detected.isHeader };
  const dataRows = header.isHeader ? table.slice(1) : table;
  let index: ColumnIndex;
  let unmappedColumns: string[] = [];
  if (header.isHeader) {
    ({ index, unmapped: unmappedColumns } = assignColumns(first, header.columns, columnsWithData(dataRows)));
  } else {
    index = {};
    GRID_FIELDS.forEach((field, column) => {
      index[field] = column;
    });
  }

  const rows: GridCells[] = [];
  for (const row of dataRows) {
    const cells = mapRow(row, index);
    if (!isBlankRow(cells)) rows.push(cells);
  }
  return { hasHeader: header.isHeader, rows, unmappedColumns };
}
