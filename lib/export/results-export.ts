/**
 * Results as files an operator can keep: CSV for spreadsheets (UTF-8 with BOM so Excel reads the
 * accents, every cell safe from formula injection) and JSON for scripts. Pure.
 */
import type { RowResult } from "@/lib/humanos/results";
import { describeStatus, statusKey } from "@/lib/humanos/statuses";

const BOM = "\uFEFF";
/** A spreadsheet runs a cell starting with one of these as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A ";" followed (after blanks or quotes) by a formula start. Excel in a locale whose list separator
 * is ";" (pt-PT, for one) splits each line of a .csv at every ";", inside quotes or not: such a ";"
 * starts a field of its own, which would run as a formula.
 */
const FORMULA_AFTER_SEMICOLON = /;(?=["\s]*[=+\-@\t\r])/g;

/**
 * Makes a value inert in a spreadsheet: a quote turns a would-be formula into text, at the start of
 * the value and after any ";" that a semicolon-separated reading would take as a field's start.
 */
export function neutraliseFormula(value: string): string {
  const inner = value.replace(FORMULA_AFTER_SEMICOLON, ";'");
  return FORMULA_START.test(inner) ? `'${inner}` : inner;
}

export function csvCell(value: string): string {
  const safe = neutraliseFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export const RESULTS_CSV_HEADER = [
  "row",
  "contact",
  "internalId",
  "status",
  "label",
  "message",
  "did",
] as const;

function csvLine(result: RowResult): string {
  return [
    String(result.rowIndex + 1),
    result.contact,
    result.internalId ?? "",
    statusKey(result.status),
    describeStatus(result.status).label,
    result.message,
    result.did ?? "",
  ]
    .map(csvCell)
    .join(",");
}

/** JSON.stringify(results, null, 2) writes each item like this: indented once inside the array. */
function jsonItem(result: RowResult): string {
  const item = { row: result.rowIndex + 1, ...result, label: describeStatus(result.status).label };
  return JSON.stringify(item, null, 2).replace(/^/gm, "  ");
}

/**
 * A results file in pieces, so an export of any size can be streamed batch by batch: its opening,
 * one piece per batch of rows, its closing. The one-shot functions below are built from the same
 * pieces, so a streamed file and a one-shot file are byte for byte the same.
 */
export interface ResultsFileFormat {
  contentType: string;
  opening: string;
  batch(results: readonly RowResult[], isFirst: boolean): string;
  closing(wroteAny: boolean): string;
}

export const RESULTS_FILE_FORMATS: Record<"csv" | "json", ResultsFileFormat> = {
  csv: {
    contentType: "text/csv; charset=utf-8",
    opening: `${BOM}${RESULTS_CSV_HEADER.join(",")}\r\n`,
    batch: (results) => results.map((result) => `${csvLine(result)}\r\n`).join(""),
    closing: () => "",
  },
  json: {
    contentType: "application/json; charset=utf-8",
    opening: "",
    batch: (results, isFirst) => `${isFirst ? "[\n" : ",\n"}${results.map(jsonItem).join(",\n")}`,
    closing: (wroteAny) => (wroteAny ? "\n]\n" : "[]\n"),
  },
};

function wholeFile(format: ResultsFileFormat, results: readonly RowResult[]): string {
  const body = results.length > 0 ? format.batch(results, true) : "";
  return `${format.opening}${body}${format.closing(results.length > 0)}`;
}

export function resultsToCsv(results: readonly RowResult[]): string {
  return wholeFile(RESULTS_FILE_FORMATS.csv, results);
}

export function resultsToJson(results: readonly RowResult[]): string {
  return wholeFile(RESULTS_FILE_FORMATS.json, results);
}
