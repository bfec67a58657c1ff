import { describe, expect, it } from "vitest";
import { readSpreadsheetFile } from "./read-spreadsheet-file";
import { classifyFormatCode, formatGeneralNumber, serialToIsoDate } from "./read-xlsx";
import { workbook } from "./xlsx.test-support";

async function cellsOf(bytes: Uint8Array): Promise<string[][]> {
  const source = await readSpreadsheetFile(bytes, "book.xlsx");
  expect(source.sheets.map((sheet) => sheet.name)).toEqual(["P&L"]);
  return source.sheets[0]?.table ?? [];
}

describe("readSpreadsheetFile on synthetic workbooks", () => {
  it("reads shared, rich, inline, formula, boolean, error and ISO cells; keeps row positions", async () => {
    const rows =
      `<row r="2"><c r="A2" t="s"><v>0</v></c><c r="C2" t="s"><v>1</v></c><c r="D2" t="s"><v>2</v></c></row>` +
      `<row r="4"><c r="B4" t="inlineStr"><is><t>inline &lt;x&gt;</t></is></c><c t="str"><f>A1</f><v>calc</v></c>` +
      `<c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c><c t="d"><v>1988-02-29T00:00:00Z</v></c><c r="H4" s="0"/></row>`;
    expect(await cellsOf(workbook(rows))).toEqual([
      [],
      ["Tom & Jerry", "", "Rich ", "a\rb _x0041_"],
      [],
      ["", "inline <x>", "calc", "TRUE", "#N/A", "1988-02-29"],
    ]);
  });

  it("formats numbers by their style: General, dates from custom and built-in ids, zero padding", async () => {
    const numFmts =
      '<numFmt numFmtId="166" formatCode="dd/mm/yyyy"/><numFmt numFmtId="167" formatCode="00000000"/>' +
      '<numFmt numFmtId="168" formatCode="[$-409]d\\-mmm\\-yy;@"/><numFmt numFmtId="169" formatCode="#,##0 &quot;days&quot;"/>';
    const xfs =
      '<xf numFmtId="166"/><xf numFmtId="14"/><xf numFmtId="167"/><xf numFmtId="168"/><xf numFmtId="169"/>';
    const cell = (style: number, value: string) => `<c s="${style}"><v>${value}</v></c>`;
    const rows =
      `<row>${cell(0, "10001")}${cell(0, "351222597074")}${cell(0, "0.30000000000000004")}${cell(0, "1.5E-3")}</row>` +
      `<row>${cell(1, "31336")}${cell(2, "25568")}${cell(3, "1234567")}${cell(4, "32202")}${cell(5, "7")}</row>` +
      `<row>${cell(1, "31336.958333333332")}${cell(0, "-12.5")}</row>`;
    expect(await cellsOf(workbook(rows, { numFmts, xfs }))).toEqual([
      ["10001", "351222597074", "0.3", "0.0015"],
      ["1985-10-16", "1969-12-31", "01234567", "1988-02-29", "7"],
      ["1985-10-16 23:00:00", "-12.5"],
    ]);
  });

  it("uses the 1904 calendar when the workbook says so", async () => {
    const rows = '<row><c s="1"><v>0</v></c><c s="1"><v>29874</v></c></row>';
    const xfs = '<xf numFmtId="14"/>';
    expect(await cellsOf(workbook(rows, { xfs, date1904: true }))).toEqual([["1904-01-01", "1985-10-16"]]);
  });
});

describe("read-xlsx helpers", () => {
  it.each([
    ["General", "general"],
    ["@", "general"],
    ["dd/mm/yyyy", "date"],
    ["m/d/yyyy h:mm", "date"],
    ["[$-F800]dddd, mmmm dd, yyyy", "date"],
    ["h:mm:ss", "general"],
    ['0 "dias"', "fixed"],
    ['"Day "0', "fixed"],
    ["[Red]0.00", "fixed"],
    ["0.00E+00", "general"],
    ["#,##0.00 [$€-816]", "general"],
  ])("classifies %s as %s", (code, kind) => {
    expect(classifyFormatCode(code).kind).toBe(kind);
  });

  it.each([
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
    [25568, "1969-12-31"],
    [25569, "1970-01-01"],
    [32202, "1988-02-29"],
    [11382, "1931-02-28"],
    [36526.5, "2000-01-01 12:00:00"],
    [36526.99999999, "2000-01-02"],
    [3e7, null],
  ])("serial %s is %s", (serial, iso) => {
    expect(serialToIsoDate(serial)).toBe(iso);
  });

  it.each([
    [10001, "10001"],
    [351222597074, "351222597074"],
    [0.1 + 0.2, "0.3"],
    [-0, "0"],
    // Excel keeps 15 significant digits, so the 16th and later are noise.
    [123456789012345680000, "123456789012346000000"],
  ])("General %s is %s", (value, shown) => {
    expect(formatGeneralNumber(value)).toBe(shown);
  });
});
