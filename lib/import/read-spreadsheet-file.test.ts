import { readFileSync } from "node:fs";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { findHeaderRow, pickDataSheet } from "./find-header-row";
import {
  fileTooLargeMessage,
  ImportFileError,
  MAX_IMPORT_FILE_BYTES,
  readSpreadsheetFile,
} from "./read-spreadsheet-file";
import { workbook } from "./xlsx.test-support";

const FIXTURES = new URL("./__fixtures__/", import.meta.url);
const fixtureBytes = (name: string) => new Uint8Array(readFileSync(new URL(name, FIXTURES)));

type XlsxRaw = { type: "string" | "number" | "date"; value: string | number; shown: string } | null;
interface ExpectedFile<Raw> {
  rows: { index: number; sourceRow: number; raw: Record<string, Raw> }[];
}
const expectedOf = <Raw>(name: string): ExpectedFile<Raw> =>
  JSON.parse(readFileSync(new URL(`${name}.expected.json`, FIXTURES), "utf8")) as ExpectedFile<Raw>;

describe("readSpreadsheetFile on the real delimited fixtures", () => {
  it.each([
    ["pt-excel-semicolon.csv", "windows-1252", ";", "pt-excel-semicolon", 40],
    ["unicode-text.txt", "utf-16le", "\t", "unicode-text", 30],
  ])("%s", async (fileName, encoding, delimiter, sheetName, rowCount) => {
    const source = await readSpreadsheetFile(fixtureBytes(fileName), fileName);
    if (source.kind !== "delimited") throw new Error(`expected delimited, got ${source.kind}`);
    expect({ encoding: source.encoding, delimiter: source.delimiter }).toEqual({ encoding, delimiter });
    expect(source.sheets.map((sheet) => sheet.name)).toEqual([sheetName]);

    const { table } = source.sheets[0];
    const expected = expectedOf<string>(fileName);
    expect(findHeaderRow(table)).toBe(0);
    expect(table[0]).toEqual(Object.keys(expected.rows[0]?.raw ?? {}));
    expect(expected.rows).toHaveLength(rowCount);
    // parseDelimitedText trims every cell, so the untrimmed raw cells are compared trimmed.
    expect(table.slice(1)).toEqual(
      expected.rows.map((row) => Object.values(row.raw).map((cell) => cell.trim())),
    );
  });

  it("decodes byte 0x92 as ’ (not U+0092) in the Windows-1252 export", async () => {
    const source = await readSpreadsheetFile(
      fixtureBytes("pt-excel-semicolon.csv"),
      "pt-excel-semicolon.csv",
    );
    const names = source.sheets[0]?.table.map((row) => row[0]);
    expect(names).toContain("Joana D’Ávila Sequeira");
    expect(names?.join("")).not.toContain("\u0092");
  });
});

/** What an importer must receive for one XLSX cell: dates as ISO, the rest as displayed. */
function expectedXlsxCell(raw: XlsxRaw): string {
  if (raw === null) return "";
  return raw.type === "date" ? String(raw.value) : raw.shown;
}

describe("readSpreadsheetFile on two-sheets.xlsx", () => {
  const fileName = "two-sheets.xlsx";

  it("reads both sheets and every data cell of Subjects", async () => {
    const source = await readSpreadsheetFile(fixtureBytes(fileName), fileName);
    expect(source.kind).toBe("workbook");
    expect(source.sheets.map((sheet) => sheet.name)).toEqual(["Instructions", "Subjects"]);
    expect(pickDataSheet(source.sheets)).toBe(1);
    expect(findHeaderRow(source.sheets[0]?.table ?? [])).toBe(-1);

    const table = source.sheets[1]?.table ?? [];
    expect(findHeaderRow(table)).toBe(0);
    const expected = expectedOf<XlsxRaw>(fileName);
    const header = Object.keys(expected.rows[0]?.raw ?? {});
    expect(table[0]).toEqual(header);
    expect(expected.rows).toHaveLength(30);
    for (const row of expected.rows) {
      // Rows keep their spreadsheet positions; trailing empty cells are dropped, so pad to compare.
      const cells = header.map((_, column) => table[row.sourceRow - 1]?.[column] ?? "");
      expect(cells, `row ${row.sourceRow}`).toEqual(Object.values(row.raw).map(expectedXlsxCell));
    }
    expect(table).toHaveLength(31);
  });

  it.each([
    [6, "1969-12-31"],
    [7, "1970-01-01"],
    [10, "1988-02-29"],
    [14, "2000-01-01"],
    [18, "1931-02-28"],
  ])("row %i keeps its calendar date %s", async (sourceRow, iso) => {
    const source = await readSpreadsheetFile(fixtureBytes(fileName), fileName);
    expect(source.sheets[1]?.table[sourceRow - 1]?.[4]).toBe(iso);
  });

  it("still reads the workbook when it is misnamed .csv", async () => {
    const source = await readSpreadsheetFile(fixtureBytes(fileName), "export.csv");
    expect(source.kind).toBe("workbook");
    expect(source.sheets[1]?.table[1]?.[0]).toBe("10001");
  });
});

describe("findHeaderRow and pickDataSheet", () => {
  const header = ["Email", "Phone", "Full name"];
  it.each([
    ["header first", [header, ["a@x.pt", "", "Ana"]], 10, 0],
    ["title and blank row above", [["Export of 2024"], [], header], 10, 2],
    [
      "one mapped column is not enough",
      [
        ["Email", "Notes"],
        ["a@x.pt", "x"],
      ],
      10,
      -1,
    ],
    ["a data row is never a header", [["a@x.pt", "Phone", "Name"]], 10, -1],
    ["beyond maxRows", [[], [], header], 2, -1],
    ["empty table", [], 10, -1],
  ])("%s", (_, table, maxRows, expected) => {
    expect(findHeaderRow(table, maxRows)).toBe(expected);
  });

  it.each([
    ["the first sheet with a header", [[["Read me"]], [header], [header]], 1],
    ["no header anywhere: the first sheet with cells", [[], [["x"]], [["y"]]], 1],
    ["nothing at all", [[], []], 0],
    ["no sheets", [], 0],
  ])("%s", (_, tables, expected) => {
    expect(pickDataSheet(tables.map((table) => ({ table })))).toBe(expected);
  });
});

describe("readSpreadsheetFile errors", () => {
  const expectError = async (promise: Promise<unknown>, code: string, message: RegExp) => {
    const error = await promise.then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as ImportFileError).code).toBe(code);
    expect((error as ImportFileError).userMessage).toMatch(message);
  };

  it("limits files to 50 MB by default", () => {
    expect(MAX_IMPORT_FILE_BYTES).toBe(50 * 1024 * 1024);
  });

  it.each([
    [
      "too large",
      new Uint8Array(2048),
      "people.csv",
      1024,
      "too_large",
      /^"people\.csv" is 2 KB; the limit is 1 KB\. Split it/,
    ],
    [
      ".xls name",
      new Uint8Array([0x41, 0x3b, 0x42]),
      "people.xls",
      undefined,
      "unsupported_type",
      /\.xls\).*Save it as \.xlsx or CSV/,
    ],
    [
      ".numbers",
      workbook(""),
      "people.numbers",
      undefined,
      "unsupported_type",
      /Numbers.*Save it as \.xlsx or CSV/,
    ],
    [
      ".ods",
      workbook(""),
      "people.ods",
      undefined,
      "unsupported_type",
      /OpenDocument.*Save it as \.xlsx or CSV/,
    ],
    [
      "old binary workbook named .csv",
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]),
      "people.csv",
      undefined,
      "unsupported_type",
      /97–2003/,
    ],
    [
      "encrypted workbook",
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]),
      "people.xlsx",
      undefined,
      "unsupported_type",
      /password-protected/,
    ],
    [
      "unknown extension",
      new Uint8Array([0x61]),
      "people.pdf",
      undefined,
      "unsupported_type",
      /\.pdf file.*Save it as \.xlsx or CSV/,
    ],
    ["empty bytes", new Uint8Array(0), "people.csv", undefined, "empty", /^"people\.csv" has no data/],
    [
      "only blank lines",
      new Uint8Array([0x0d, 0x0a, 0x3b, 0x3b, 0x0d, 0x0a, 0x20]),
      "people.csv",
      undefined,
      "empty",
      /has no data/,
    ],
    ["empty workbook", workbook(""), "people.xlsx", undefined, "empty", /has no data/],
    [
      "corrupt zip",
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]),
      "people.xlsx",
      undefined,
      "corrupt",
      /could not be read.*save it again as \.xlsx/,
    ],
    [
      "zip without a workbook",
      zipSync({ "a.xml": strToU8("<a/>") }),
      "people.xlsx",
      undefined,
      "corrupt",
      /could not be read/,
    ],
    [
      "xlsx that is not a zip",
      new Uint8Array([0x61, 0x2c, 0x62]),
      "people.xlsx",
      undefined,
      "corrupt",
      /could not be read/,
    ],
  ])("%s", async (_, bytes, fileName, maxBytes, code, message) => {
    await expectError(readSpreadsheetFile(bytes, fileName, { maxBytes }), code, message);
  });

  it("says how large the file is in MB", async () => {
    const size = 73 * 1024 * 1024;
    // A view with a fake length avoids allocating 73 MB: only .length is read before refusing.
    const bytes = Object.defineProperty(new Uint8Array(1), "length", { value: size });
    await expectError(
      readSpreadsheetFile(bytes, "all.csv"),
      "too_large",
      /^"all\.csv" is 73 MB; the limit is 50 MB\. Split/,
    );
  });
});

describe("fileTooLargeMessage", () => {
  const MB = 1024 * 1024;
  it.each<[size: number, shown: string]>([
    [50 * MB + 1, '"a.csv" is just over 50 MB; the limit is 50 MB.'],
    [50.4 * MB, '"a.csv" is just over 50 MB; the limit is 50 MB.'],
    [50.6 * MB, '"a.csv" is 51 MB; the limit is 50 MB.'],
    [73 * MB, '"a.csv" is 73 MB; the limit is 50 MB.'],
  ])("%i bytes", (size, shown) => {
    expect(fileTooLargeMessage("a.csv", size)).toBe(
      `${shown} Split it into smaller files and import them one after another.`,
    );
  });
});
