/**
 * Results as files an operator can keep: CSV for spreadsheets (UTF-8 with BOM so Excel reads the
 * accents, every cell safe from formula injection) and JSON for scripts. Pure.
 */
import type { RowResult } from "@/lib/humanos/results";
import { describeStatus, statusKey } from "@/lib/humanos/statuses";

const BOM = "\uFEFF";
/** A spreadsheet runs a cell starting with one of these as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Makes a value inert in a spreadsheet: a leading quote turns a would-be formula into text. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
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

export function resultsToCsv(results: readonly RowResult[]): string {
  const lines = [RESULTS_CSV_HEADER.join(",")];
  for (const result of results) {
    lines.push(
      [
        String(result.rowIndex + 1),
        result.contact,
        result.internalId ?? "",
        statusKey(result.status),
        describeStatus(result.status).label,
        result.message,
        result.did ?? "",
      ]
        .map(csvCell)
        .join(","),
    );
  }
  return `${BOM}${lines.join("\r\n")}\r\n`;
}

export function resultsToJson(results: readonly RowResult[]): string {
  return `${JSON.stringify(
    results.map((result) => ({
      row: result.rowIndex + 1,
      ...result,
      label: describeStatus(result.status).label,
    })),
    null,
    2,
  )}\n`;
}
