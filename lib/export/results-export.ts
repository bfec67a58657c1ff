/**
 * Results as files an operator can keep: CSV for spreadsheets (UTF-8 with BOM so Excel reads the
 * accents, every cell safe from formula injection) and JSON for scripts. A file of a run whose upload
 * was cut short says so itself, since it holds only the rows that reached the server, and so does a
 * file taken while the run was still going on, since it holds only the answers so far. Pure.
 */

import { formatCount } from "@/lib/format-count";
import type { RowResult } from "@/lib/humanos/results";
import { describeStatus, statusKey } from "@/lib/humanos/statuses";
import { notReceivedSummary, type RunUpload } from "@/lib/runs/rows-not-received";
import { isLiveState, isWaitingState, type RunSummary } from "@/lib/runs/run-types";

const BOM = "\uFEFF";
/**
 * A spreadsheet runs a cell starting with one of these as a formula (OWASP "CSV injection"), and some
 * trim a cell's leading blanks before they look (" =1+2" runs too).
 */
const FORMULA_START = /^\s*[=+\-@\t\r]/;

/**
 * A ";" followed (after blanks or quotes) by a formula start. Excel in a locale whose list separator
 * is ";" (pt-PT, for one) splits each line of a .csv at every ";", inside quotes or not: such a ";"
 * starts a field of its own, which would run as a formula.
 */
const FORMULA_AFTER_SEMICOLON = /;(?=["\s]*[=+\-@\t\r])/g;

/**
 * Makes a value inert in a spreadsheet: a quote turns a would-be formula into text, at the start of
 * the value (before any leading blanks) and after any ";" that a semicolon-separated reading would take as a field's start.
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

/**
 * What a results file says of its run besides its rows: whether every row the operator gave is in
 * it, and whether the run was still going on when the file was made.
 */
export type ExportedRun = Pick<
  RunSummary,
  "id" | "state" | "totalRows" | "rowsNotReceived" | "lastRowReceived" | "uploadComplete" | "doneRows"
>;

/**
 * Whether rows of the run may still get an answer, or still arrive, without the operator doing
 * anything: it is sending, it has not started yet (a draft, its rows being uploaded), or the browser
 * is still uploading its rows (a run cancelled mid-upload takes the rest, recorded as not sent).
 */
export function isInProgress(run: Pick<RunSummary, "state" | "uploadComplete">): boolean {
  return isWaitingState(run.state) || !run.uploadComplete;
}

/** Rows the run holds with no outcome yet: not in a file made now (only rows with an answer are). */
export function rowsWaiting(run: Pick<RunSummary, "totalRows" | "doneRows">): number {
  return Math.max(0, run.totalRows - run.doneRows);
}

/**
 * The sentence a file made while its run was still going on starts with, null once nothing more can
 * happen to the run without the operator. Counts are those of the moment the export started (answers
 * landing while it streams may be in the file too). No ";" and no formula start, as notReceivedNote.
 */
export function inProgressNote(run: ExportedRun): string | null {
  if (!isInProgress(run)) return null;
  // A waiting run (live or draft) may still answer rows; otherwise only its upload is still open.
  const waitingRun = isWaitingState(run.state);
  const when = isLiveState(run.state)
    ? "the run was still sending"
    : run.state === "draft"
      ? "the run had not started sending yet"
      : "the run's rows were still being uploaded";
  const waiting = rowsWaiting(run);
  const of = `${formatCount(run.doneRows)} of ${formatCount(run.totalRows)} ${run.totalRows === 1 ? "row" : "rows"} had an answer`;
  const counts =
    waiting === 0
      ? `${of}.`
      : `${of} and ${formatCount(waiting)} ${waiting === 1 ? "was" : "were"} still waiting, not in this file.`;
  const upload =
    waitingRun && !run.uploadComplete
      ? " The upload was still going on: some of the waiting rows may not have reached the server yet."
      : "";
  const again = waitingRun ? "the run has finished" : "the upload has finished";
  return `IN PROGRESS: ${when} when this file was made. ${counts}${upload} Export again once ${again} for every answer.`;
}

/**
 * The sentence a file of a run whose upload was cut short starts with, null when every row reached
 * the server. Counted as the run screens count it (lib/runs/rows-not-received.ts), but about
 * this file, and with no ";" and no formula start: it stays one inert cell in Excel, whichever list
 * separator the locale uses.
 */
export function notReceivedNote(run: RunUpload): string | null {
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
 * The CSV's first lines when the file is not the whole run (still going on, rows that never reached
 * the server): each note alone in the first cell, where Excel opens (a note at the end would sit
 * below thousands of rows; a column would repeat it on every row). Each line has as many fields as
 * the header, so a strict reader still sees even records. No note, no line: the file is as it was.
 */
function csvNoteLines(run: ExportedRun): string {
  return [inProgressNote(run), notReceivedNote(run)]
    .filter((note) => note !== null)
    .map((note) => `${csvCell(note)}${",".repeat(RESULTS_CSV_HEADER.length - 1)}\r\n`)
    .join("");
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
    /** The run's state when the export started ("running": the file holds the answers so far). */
    state: run.state,
    inProgress: isInProgress(run),
    uploadComplete: run.uploadComplete,
    /** Rows the run held, those with an answer (each in `results` when unfiltered), those still waiting. */
    totalRows: run.totalRows,
    rowsAnswered: run.doneRows,
    rowsWaiting: rowsWaiting(run),
    inProgressNote: inProgressNote(run),
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
    opening: (run) => `${BOM}${csvNoteLines(run)}${RESULTS_CSV_HEADER.join(",")}\r\n`,
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
