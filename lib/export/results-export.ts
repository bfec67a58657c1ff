/**
 * Results as files an operator can keep: CSV for spreadsheets (UTF-8 with BOM so Excel reads the
 * accents, every cell safe from formula injection) and JSON for scripts. A file of a run whose upload
 * was cut short says so itself, since it holds only the rows that reached the server. Pure.
 */

import { formatCount } from "@/lib/format-count";
import type { RowResult } from "@/lib/humanos/results";
import { describeStatus, statusKey } from "@/lib/humanos/statuses";
import { notReceivedSummary } from "@/lib/runs/rows-not-received";
import type { RunSummary } from "@/lib/runs/run-types";

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

/** What a results file says of its run besides its rows: whether every row the operator gave is in it. */
export type ExportedRun = Pick<RunSummary, "id" | "totalRows" | "rowsNotReceived" | "lastRowReceived">;

/**
 * The sentence a file of a run whose upload was cut short starts with, null when every row reached
 * the server. Counted as the run screens count it (lib/runs/rows-not-received.ts), but about
 * this file, and with no ";" and no formula start: it stays one inert cell in Excel, whichever list
 * separator the locale uses.
 */
export function notReceivedNote(run: ExportedRun): string | null {
  const missing = notReceivedSummary(run);
  if (missing === null) return null;
  const notSent = run.rowsNotReceived === 1 ? "It was not sent and is" : "They were not sent and are";
  const after = formatCount(run.lastRowReceived);
  const [stopped, again] =
    run.lastRowReceived <= 0
      ? ["before the first row was saved", "the rows"]
      : [`after row ${after}`, `the rows after row ${after}`];
  return `INCOMPLETE: ${missing} (the upload stopped ${stopped}). ${notSent} not in this file. Paste or load ${again} again and press Create subjects to send them.`;
}

/**
 * The CSV's first line when rows never reached the server: the note alone in the first cell, where
 * Excel opens (a note at the end would sit below thousands of rows; a column would repeat it on every
 * row). The line has as many fields as the header, so a strict reader still sees even records.
 */
function csvNoteLine(note: string): string {
  return `${csvCell(note)}${",".repeat(RESULTS_CSV_HEADER.length - 1)}\r\n`;
}

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

/** JSON.stringify(file, null, 2) writes each item like this: indented twice, inside `results`. */
function jsonItem(result: RowResult): string {
  const item = { row: result.rowIndex + 1, ...result, label: describeStatus(result.status).label };
  return JSON.stringify(item, null, 2).replace(/^/gm, "    ");
}

/** What the JSON file says of its run, before its results. */
function jsonHead(run: ExportedRun) {
  return {
    runId: run.id,
    /** Rows the operator gave that never reached the server: in no count, and not in `results`. */
    rowsNotReceived: run.rowsNotReceived,
    lastRowReceived: run.lastRowReceived,
    rowsNotReceivedNote: notReceivedNote(run),
  };
}

const EMPTY_RESULTS_END = "[]\n}";

/** The JSON file up to its results' "[": what JSON.stringify writes before an empty `results`. */
function jsonOpening(run: ExportedRun): string {
  const empty = JSON.stringify({ ...jsonHead(run), results: [] }, null, 2);
  return empty.slice(0, empty.length - EMPTY_RESULTS_END.length);
}

/**
 * A results file in pieces, so an export of any size can be streamed batch by batch: its opening,
 * one piece per batch of rows, its closing. The one-shot functions below are built from the same
 * pieces, so a streamed file and a one-shot file are byte for byte the same.
 */
export interface ResultsFileFormat {
  contentType: string;
  opening(run: ExportedRun): string;
  batch(results: readonly RowResult[], isFirst: boolean): string;
  closing(wroteAny: boolean): string;
}

export const RESULTS_FILE_FORMATS: Record<"csv" | "json", ResultsFileFormat> = {
  csv: {
    contentType: "text/csv; charset=utf-8",
    opening: (run) => {
      const note = notReceivedNote(run);
      return `${BOM}${note === null ? "" : csvNoteLine(note)}${RESULTS_CSV_HEADER.join(",")}\r\n`;
    },
    batch: (results) => results.map((result) => `${csvLine(result)}\r\n`).join(""),
    closing: () => "",
  },
  json: {
    contentType: "application/json; charset=utf-8",
    opening: jsonOpening,
    batch: (results, isFirst) => `${isFirst ? "[\n" : ",\n"}${results.map(jsonItem).join(",\n")}`,
    closing: (wroteAny) => (wroteAny ? "\n  ]\n}\n" : `${EMPTY_RESULTS_END}\n`),
  },
};

function wholeFile(format: ResultsFileFormat, run: ExportedRun, results: readonly RowResult[]): string {
  const body = results.length > 0 ? format.batch(results, true) : "";
  return `${format.opening(run)}${body}${format.closing(results.length > 0)}`;
}

export function resultsToCsv(run: ExportedRun, results: readonly RowResult[]): string {
  return wholeFile(RESULTS_FILE_FORMATS.csv, run, results);
}

export function resultsToJson(run: ExportedRun, results: readonly RowResult[]): string {
  return wholeFile(RESULTS_FILE_FORMATS.json, run, results);
}
