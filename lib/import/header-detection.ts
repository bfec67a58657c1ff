/**
 * Recognises a header row in pasted / imported tables and maps its columns onto the grid fields.
 * Real files label columns in English and Portuguese, with accents, dots and odd spacing
 * ("N.º documento", "E-mail", "Telemóvel"), so labels are compared in a folded form.
 */
import { emptyGridCells, GRID_FIELDS, type GridCells, type GridField } from "./grid-fields";
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

export function matchColumnName(label: string): ColumnTarget {
  return TARGET_BY_FOLDED_LABEL.get(foldLabel(label)) ?? null;
}

const EMAIL_LIKE = /^[^\s@]+@[^\s@]+$/;
// Phones, ids and serial dates: a header label never consists of digits and phone punctuation.
const NUMBER_LIKE = /^\+?[\d\s().-]+$/;
const HAS_DIGIT = /\d/;
const DATE_LIKE = /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b/;

function looksLikeData(cell: string): boolean {
  return EMAIL_LIKE.test(cell) || (NUMBER_LIKE.test(cell) && HAS_DIGIT.test(cell)) || DATE_LIKE.test(cell);
}

/** A header when at least one cell is a known column name and no cell looks like a value. */
export function detectHeader(row: readonly string[]): { isHeader: boolean; columns: ColumnTarget[] } {
  const columns = row.map((cell) => matchColumnName(cell));
  const anyMatch = columns.some((target) => target !== null);
  const anyData = row.some((cell) => looksLikeData(cell.trim()));
  return { isHeader: anyMatch && !anyData, columns };
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

function columnsWithData(rows: readonly (readonly string[])[]): boolean[] {
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

/**
 * Turns a parsed table into grid rows. With a header, columns are mapped by name; without one, the
 * GRID_FIELDS order is assumed and extra columns are ignored. Rows left blank after mapping (their
 * values were all in unmapped columns) are dropped.
 */
export function tableToGridRows(table: readonly (readonly string[])[]): {
  hasHeader: boolean;
  rows: GridCells[];
  unmappedColumns: string[];
} {
  const first = table[0];
  if (first === undefined) return { hasHeader: false, rows: [], unmappedColumns: [] };

  const header = detectHeader(first);
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
