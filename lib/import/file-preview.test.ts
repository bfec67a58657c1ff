import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { mapTableRows, suggestMapping } from "./column-mapping";
import {
  dataRowCount,
  MAX_IMPORT_ROWS,
  mapSheetRowsInParts,
  NO_HEADER,
  PREVIEW_ROWS,
  previewOf,
  tooManyRowsMessage,
} from "./file-preview";
import { findHeaderRow, pickDataSheet } from "./find-header-row";
import { readSpreadsheetFile, type SpreadsheetSource } from "./read-spreadsheet-file";

const FIXTURES = ["pt-excel-semicolon.csv", "unicode-text.txt", "two-sheets.xlsx"] as const;

async function readFixture(name: string): Promise<SpreadsheetSource> {
  const bytes = new Uint8Array(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url)));
  return readSpreadsheetFile(bytes, name);
}

describe.each(FIXTURES)("%s previewed, then mapped in the worker", (name) => {
  it("chooses the same sheet and header row as the whole table, and maps the same rows", async () => {
    const source = await readFixture(name);
    const preview = previewOf(source);
    const sheetIndex = pickDataSheet(source.sheets);
    const table = source.sheets[sheetIndex]?.table ?? [];
    const sheet = preview.sheets[preview.dataSheet];
    expect(preview.dataSheet).toBe(sheetIndex);
    expect(sheet?.rowCount).toBe(table.length);
    expect(sheet?.firstRows).toEqual(table.slice(0, PREVIEW_ROWS));
    const headerRow = findHeaderRow(sheet?.firstRows ?? []);
    expect(headerRow).toBe(findHeaderRow(table));
    const mapping = suggestMapping(table[headerRow] ?? []);
    const expected = mapTableRows(table.slice(headerRow + 1), mapping);
    for (const partRows of [1, 7, 1000]) {
      const parts = [...mapSheetRowsInParts(source, sheetIndex, headerRow, mapping, partRows)];
      expect(parts.flatMap((part) => part.rows)).toEqual(expected);
      expect(parts.map((part) => part.last)).toEqual(parts.map((_, index) => index === parts.length - 1));
    }
  });
});

const SOURCE: SpreadsheetSource = {
  kind: "workbook",
  sheets: [
    { name: "Notes", table: [["read me"]] },
    {
      name: "People",
      table: [
        ["Email", "Name"],
        ["a@example.com", "Ana"],
        ["", ""],
        ["b@example.com", "Rui"],
      ],
    },
  ],
};

describe("mapSheetRowsInParts", () => {
  it.each([
    ["below the header, blank rows left out", 1, 0, 10, [["a@example.com", "b@example.com"]]],
    ["a part at a time, a blank part kept", 1, 0, 1, [["a@example.com"], [], ["b@example.com"]]],
    ["without a header every row is data", 1, NO_HEADER, 2, [["Email", "a@example.com"], ["b@example.com"]]],
    ["a header further down skips the rows above it", 1, 1, 10, [["b@example.com"]]],
    ["nothing below the header is one empty part", 1, 3, 10, [[]]],
    ["a sheet that is not there is one empty part", 5, 0, 10, [[]]],
  ])("%s", (_name, sheetIndex, headerRow, partRows, contacts) => {
    const parts = [...mapSheetRowsInParts(SOURCE, sheetIndex, headerRow, ["email", "fullName"], partRows)];
    expect(parts.map((part) => part.rows.map((row) => row.contact))).toEqual(contacts);
    expect(parts.map((part) => part.last)).toEqual(contacts.map((_, index) => index === contacts.length - 1));
  });
});

describe("previewOf", () => {
  it("keeps a sheet's first rows and counts them all", () => {
    const table = Array.from({ length: PREVIEW_ROWS + 5 }, (_, index) => [`r${index}`]);
    const preview = previewOf({
      kind: "delimited",
      encoding: "utf-8",
      delimiter: ";",
      sheets: [{ name: "people", table }],
    });
    expect(preview).toMatchObject({ kind: "delimited", encoding: "utf-8", delimiter: ";", dataSheet: 0 });
    expect(preview.sheets[0]?.rowCount).toBe(PREVIEW_ROWS + 5);
    expect(preview.sheets[0]?.firstRows).toEqual(table.slice(0, PREVIEW_ROWS));
  });

  it("preselects the sheet with a header row", () => {
    expect(previewOf(SOURCE)).toMatchObject({ kind: "workbook", dataSheet: 1 });
  });
});

describe("dataRowCount", () => {
  it.each([
    [10, 0, 9],
    [10, 3, 6],
    [10, NO_HEADER, 10],
    [1, 0, 0],
    [0, 0, 0],
  ])("%i rows with the header at %i: %i data rows", (rowCount, headerRow, expected) => {
    expect(dataRowCount(rowCount, headerRow)).toBe(expected);
  });
});

describe("tooManyRowsMessage", () => {
  it.each([
    [0, null],
    [MAX_IMPORT_ROWS, null],
    [
      MAX_IMPORT_ROWS + 1,
      "people.csv has 1,000,001 data rows; one run takes at most 1,000,000. Split it into smaller files and import them one after another.",
    ],
  ])("%i data rows: %s", (dataRows, expected) => {
    expect(tooManyRowsMessage("people.csv", dataRows)).toBe(expected);
  });

  it("takes a smaller limit", () => {
    expect(tooManyRowsMessage("a.csv", 11, 10)).toContain(
      "a.csv has 11 data rows; one run takes at most 10.",
    );
  });
});
