/**
 * Conformance: the spreadsheet fixtures (made by LibreOffice, with the damage real files carry) say
 * exactly which subjects, warnings and errors a correct importer produces. Parsing is out of scope
 * here: the cells are taken from each row's `raw`, as a parser hands them over.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { emptyGridCells, type GridCells, type GridField } from "./grid-fields";
import {
  type CellIssue,
  type ImportOptions,
  type NormalisedRow,
  normaliseRow,
  profileColumns,
} from "./normalise-rows";

interface XlsxCell {
  type: string;
  value: string | number | boolean | null;
  shown: string;
}

type RawCell = string | XlsxCell | null;

interface FixtureColumn {
  header: string;
  field: string | null;
  as?: "email" | "phone";
}

interface FixtureIssue {
  code: string;
  field: string;
  value?: string;
  suggestedValue?: string;
  missing?: string[];
}

interface FixtureRow {
  index: number;
  status: "valid" | "invalid";
  raw: Record<string, RawCell>;
  warnings: FixtureIssue[];
  errors: FixtureIssue[];
}

interface Fixture {
  columns: FixtureColumn[];
  summary: {
    valid: number;
    invalid: number;
    warningCounts: Record<string, number>;
    errorCounts: Record<string, number>;
  };
  subjects: unknown[];
  rows: FixtureRow[];
}

const FIXTURES = ["pt-excel-semicolon.csv", "unicode-text.txt", "two-sheets.xlsx"] as const;
const OPTIONS: ImportOptions = { defaultRegion: "PT", today: "2026-11-27" };

function loadFixture(name: string): Fixture {
  const url = new URL(`./__fixtures__/${name}.expected.json`, import.meta.url);
  return JSON.parse(readFileSync(url, "utf8")) as Fixture;
}

/** A cell's text as a parser delivers it: XLSX date cells as their calendar date, others as shown. */
function cellText(cell: RawCell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "string") return cell;
  return cell.type === "date" ? String(cell.value) : cell.shown;
}

function gridField(field: string): GridField | undefined {
  const name = field.startsWith("identity.") ? field.slice("identity.".length) : field;
  const cells = emptyGridCells();
  return name in cells ? (name as GridField) : undefined;
}

function toGridCells(columns: readonly FixtureColumn[], raw: FixtureRow["raw"]): GridCells {
  const cells = emptyGridCells();
  let email = "";
  let phone = "";
  for (const column of columns) {
    const text = cellText(raw[column.header]);
    if (column.field === "contact") {
      if (column.as === "email") email = text;
      else phone = text;
      continue;
    }
    const field = column.field === null ? undefined : gridField(column.field);
    if (field !== undefined) cells[field] = text;
  }
  // The fixtures' rule: the e-mail cell when it is filled, otherwise the phone cell.
  cells.contact = email.trim() !== "" ? email : phone;
  return cells;
}

/** One code per row even when an issue is reported on several cells (identity_partial). */
function codesOf(issues: readonly { code: string }[]): string[] {
  return [...new Set(issues.map((issue) => issue.code))].sort();
}

/** What the fixture says about each issue, in the shape this importer reports it (one per cell). */
function expectedDetails(issues: readonly FixtureIssue[]): Record<string, unknown>[] {
  return issues
    .flatMap((issue) =>
      issue.code === "identity_partial"
        ? (issue.missing ?? []).map((field) => ({ code: issue.code, field }))
        : [
            {
              code: issue.code,
              field: issue.field,
              value: issue.value,
              suggestedValue: issue.suggestedValue,
            },
          ],
    )
    .sort(byCodeAndField);
}

function actualDetails(
  issues: readonly CellIssue[],
  expected: readonly FixtureIssue[],
): Record<string, unknown>[] {
  return issues
    .map((issue) => {
      if (issue.code === "identity_partial") return { code: issue.code, field: issue.field };
      // The fixtures give `value` only for conversions; compare it where they do.
      const hasValue = expected.some((other) => other.code === issue.code && other.value !== undefined);
      return {
        code: issue.code,
        field: issue.field,
        value: hasValue ? issue.value : undefined,
        suggestedValue: issue.suggestedValue,
      };
    })
    .sort(byCodeAndField);
}

function byCodeAndField(a: Record<string, unknown>, b: Record<string, unknown>): number {
  return `${String(a.code)}/${String(a.field)}`.localeCompare(`${String(b.code)}/${String(b.field)}`);
}

function countRowsPerCode(rows: readonly string[][]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const codes of rows) for (const code of codes) counts[code] = (counts[code] ?? 0) + 1;
  return counts;
}

describe.each(FIXTURES)("fixture %s", (name) => {
  const fixture = loadFixture(name);
  const grid = fixture.rows.map((row) => toGridCells(fixture.columns, row.raw));
  const profile = profileColumns(grid);
  const results: NormalisedRow[] = grid.map((cells) => normaliseRow(cells, profile, OPTIONS));

  it("produces exactly the expected subjects, in order", () => {
    const subjects = results.flatMap((result) => (result.subject === null ? [] : [result.subject]));
    expect(subjects).toEqual(fixture.subjects);
  });

  it.each(fixture.rows)("row $index ($status): warning and error codes", (row) => {
    const result = results[row.index];
    expect(result).toBeDefined();
    if (result === undefined) return;
    expect(codesOf(result.warnings)).toEqual(codesOf(row.warnings));
    expect(codesOf(result.errors)).toEqual(codesOf(row.errors));
    expect(result.subject === null).toBe(row.status === "invalid");
  });

  it.each(fixture.rows)("row $index: issue fields, values and suggestions", (row) => {
    const result = results[row.index];
    if (result === undefined) throw new Error(`no result for row ${row.index}`);
    expect(actualDetails(result.warnings, row.warnings)).toEqual(expectedDetails(row.warnings));
    expect(actualDetails(result.errors, row.errors)).toEqual(expectedDetails(row.errors));
  });

  it("matches the summary counts", () => {
    const valid = results.filter((result) => result.subject !== null).length;
    expect({ valid, invalid: results.length - valid }).toEqual({
      valid: fixture.summary.valid,
      invalid: fixture.summary.invalid,
    });
    expect(countRowsPerCode(results.map((result) => codesOf(result.warnings)))).toEqual(
      fixture.summary.warningCounts,
    );
    expect(countRowsPerCode(results.map((result) => codesOf(result.errors)))).toEqual(
      fixture.summary.errorCounts,
    );
  });
});
