import { describe, expect, it } from "vitest";
import { applyPaste, firstRowAfterContent, isMultiCellText, trimTrailingBlankRows } from "./apply-paste";
import { emptyGridCells, type GridCells, type GridField } from "./grid-fields";

function cells(values: Partial<GridCells>): GridCells {
  return { ...emptyGridCells(), ...values };
}

const FULL_ROW = "a@b.co\tid-1\tAna Silva\t1990-01-01\t123 456\tPRT";
const FULL_CELLS = cells({
  contact: "a@b.co",
  internalId: "id-1",
  fullName: "Ana Silva",
  birth: "1990-01-01",
  docId: "123 456",
  countryAlpha3: "PRT",
});

function existingRows(): GridCells[] {
  return [
    cells({ contact: "r0@x.co" }),
    cells({ contact: "r1@x.co", internalId: "one" }),
    cells({ contact: "r2@x.co", internalId: "two", fullName: "Old Name" }),
    cells({ contact: "r3@x.co" }),
  ];
}

describe("applyPaste without a header", () => {
  it.each<[string, GridField | null]>([
    ["contact column", "contact"],
    ["no focused cell", null],
  ])("fills all six fields in order from the %s", (_name, field) => {
    const outcome = applyPaste([emptyGridCells()], FULL_ROW, { rowIndex: 0, field });
    expect(outcome).toStrictEqual({
      rows: [FULL_CELLS],
      firstRow: 0,
      rowCount: 1,
      hasHeader: false,
      header: null,
      unmappedColumns: [],
    });
  });

  it("pasted at fullName of row 2 fills fullName…countryAlpha3, keeps contact/internalId, drops extra columns", () => {
    const rows = existingRows();
    const outcome = applyPaste(rows, "Bea Costa\t1985-05-05\tX9\tESP\textra\tmore", {
      rowIndex: 2,
      field: "fullName",
    });
    expect(outcome.rows[2]).toStrictEqual({
      contact: "r2@x.co",
      internalId: "two",
      fullName: "Bea Costa",
      birth: "1985-05-05",
      docId: "X9",
      countryAlpha3: "ESP",
    });
    expect(outcome.rows).toHaveLength(4);
    expect(outcome).toMatchObject({
      firstRow: 2,
      rowCount: 1,
      hasHeader: false,
      header: null,
      unmappedColumns: ["Column 5", "Column 6"],
    });
  });

  // The grid has six columns: what a paste holds to the right of the last one is not in the grid,
  // and the operator must be told (the announcement lists unmappedColumns), never left to guess.
  it.each<[string, string, GridField | null, string[]]>([
    ["a six-column row from contact", FULL_ROW, "contact", []],
    ["an eight-column row from contact", `${FULL_ROW}	notes	more`, "contact", ["Column 7", "Column 8"]],
    ["trailing empty cells from contact", `${FULL_ROW}		 	`, "contact", []],
    [
      "a value in the 9th column of the 2nd row only",
      `${FULL_ROW}
${FULL_ROW}			x`,
      null,
      ["Column 9"],
    ],
    ["two columns at the last grid column", "PRT	ESP", "countryAlpha3", ["Column 2"]],
    ["three columns from docId", "123	PRT	extra", "docId", ["Column 3"]],
  ])("names the pasted columns past the grid's last one: %s", (_name, text, field, expected) => {
    const outcome = applyPaste([emptyGridCells()], text, { rowIndex: 0, field });
    expect(outcome.unmappedColumns).toEqual(expected);
  });

  it("grows the grid when the paste is longer than the rows, and keeps untouched rows by identity", () => {
    const rows = existingRows();
    const outcome = applyPaste(rows, "n1@x.co\nn2@x.co\nn3@x.co", { rowIndex: 2, field: "contact" });
    expect(outcome.rows.map((row) => row.contact)).toEqual([
      "r0@x.co",
      "r1@x.co",
      "n1@x.co",
      "n2@x.co",
      "n3@x.co",
    ]);
    expect(outcome.rows[2]).toStrictEqual(
      cells({ contact: "n1@x.co", internalId: "two", fullName: "Old Name" }),
    );
    expect(outcome.rows[4]).toStrictEqual(cells({ contact: "n3@x.co" }));
    expect(outcome.rows[0]).toBe(rows[0]);
    expect(outcome.rows[1]).toBe(rows[1]);
    expect(outcome.rows[2]).not.toBe(rows[2]);
    expect(outcome).toMatchObject({ firstRow: 2, rowCount: 3 });
    // The input array and its rows are not mutated.
    expect(rows).toStrictEqual(existingRows());
  });

  it.each<[string, number, number]>([
    ["beyond the end is clamped to the end", 99, 4],
    ["negative is clamped to 0", -3, 0],
  ])("a target row %s", (_name, rowIndex, firstRow) => {
    const outcome = applyPaste(existingRows(), "z@x.co\tzid", { rowIndex, field: "contact" });
    expect(outcome.firstRow).toBe(firstRow);
    expect(outcome.rows[firstRow]).toMatchObject({ contact: "z@x.co", internalId: "zid" });
  });

  it("keeps Excel-quoted cells with doubled quotes and an embedded newline intact", () => {
    const text = 'a@b.co\t"id ""7"""\t"Ana\nSilva"\r\nb@c.co\tid-8\r\n';
    const outcome = applyPaste([], text, { rowIndex: 0, field: "contact" });
    expect(outcome.rows).toStrictEqual([
      cells({ contact: "a@b.co", internalId: 'id "7"', fullName: "Ana\nSilva" }),
      cells({ contact: "b@c.co", internalId: "id-8" }),
    ]);
    expect(outcome.rowCount).toBe(2);
  });

  it.each(["", "\n", "\r\n\r\n", " \t "])("empty text %j changes nothing", (text) => {
    const rows = existingRows();
    const outcome = applyPaste(rows, text, { rowIndex: 1, field: "contact" });
    expect(outcome).toStrictEqual({
      rows,
      firstRow: 1,
      rowCount: 0,
      hasHeader: false,
      header: null,
      unmappedColumns: [],
    });
    outcome.rows.forEach((row, index) => {
      expect(row).toBe(rows[index]);
    });
  });
});

describe("applyPaste with a header row", () => {
  it.each<[GridField | null, number]>([
    ["contact", 0],
    ["docId", 1],
    ["countryAlpha3", 3],
    [null, 2],
  ])("maps columns by name whatever the target column (%s, row %i)", (field, rowIndex) => {
    const rows = existingRows();
    const outcome = applyPaste(rows, "Email\tName\tCountry\nx@y.co\tAna\tPRT\nz@y.co\tBea\tESP", {
      rowIndex,
      field,
    });
    expect(outcome.rows[rowIndex]).toStrictEqual(
      cells({ contact: "x@y.co", fullName: "Ana", countryAlpha3: "PRT" }),
    );
    expect(outcome.rows[rowIndex + 1]).toStrictEqual(
      cells({ contact: "z@y.co", fullName: "Bea", countryAlpha3: "ESP" }),
    );
    expect(outcome).toMatchObject({ firstRow: rowIndex, rowCount: 2, hasHeader: true, unmappedColumns: [] });
    expect(outcome.rows).toHaveLength(Math.max(4, rowIndex + 2));
  });

  it.each(["E-mail\tNome completo\tPaís\r\n", "Email\tInternal ID"])(
    "of a header row alone (%j) pastes no row and says it was a header",
    (text) => {
      const rows = existingRows();
      const outcome = applyPaste(rows, text, { rowIndex: 1, field: "contact" });
      expect(outcome).toMatchObject({ rowCount: 0, hasHeader: true });
      expect(outcome.rows).toStrictEqual(rows);
    },
  );

  it("names the line it read as column names", () => {
    const outcome = applyPaste([], "E-mail\tNome\nx@y.co\tAna", { rowIndex: 0, field: "contact" });
    expect(outcome).toMatchObject({ hasHeader: true, header: ["E-mail", "Nome"], rowCount: 1 });
  });

  it("reads the first line as a row when told it is one (firstLineIsData)", () => {
    const text = "E-mail\tNome\nx@y.co\tAna";
    const outcome = applyPaste([], text, { rowIndex: 0, field: "contact", firstLineIsData: true });
    expect(outcome).toMatchObject({ hasHeader: false, header: null, rowCount: 2 });
    expect(outcome.rows).toStrictEqual([
      cells({ contact: "E-mail", internalId: "Nome" }),
      cells({ contact: "x@y.co", internalId: "Ana" }),
    ]);
  });

  it.each([
    ["a column of names", "Tomé\nAna Silva\n", ["Tomé", "Ana Silva"]],
    ["people without contact", "\tA-1001\tMaia\t\t\tPRT\n\tA-1002\tRui\t\t\tPRT", ["Maia", "Rui"]],
  ])("keeps a first person whose cells look like labels: %s", (_name, text, names) => {
    const field = text.startsWith("\t") ? "contact" : "fullName";
    const outcome = applyPaste([], text, { rowIndex: 0, field });
    expect(outcome).toMatchObject({ hasHeader: false, rowCount: names.length });
    expect(outcome.rows.map((row) => row.fullName)).toEqual(names);
  });

  it("reports header columns it cannot map", () => {
    const outcome = applyPaste([], "Email\tFavourite colour\tName\tNotes\nx@y.co\tred\tAna\thi", {
      rowIndex: 0,
      field: "contact",
    });
    expect(outcome.unmappedColumns).toEqual(["Favourite colour", "Notes"]);
    expect(outcome.rows).toStrictEqual([cells({ contact: "x@y.co", fullName: "Ana" })]);
  });
});

describe("isMultiCellText", () => {
  it.each<[string, boolean]>([
    ["a", false],
    ["a\n", false],
    ["a\r\n", false],
    ["a\r\n\r\n", false],
    ["", false],
    ["a\tb", true],
    ["a\nb", true],
    ["a\r\nb", true],
    ["a\rb", true],
    ["a\t", true],
    ["\na", true],
  ])("%j → %s", (text, expected) => {
    expect(isMultiCellText(text)).toBe(expected);
  });
});

describe("firstRowAfterContent", () => {
  it.each<[string, GridCells[], number]>([
    ["no rows", [], 0],
    ["only empty rows", [emptyGridCells(), emptyGridCells()], 0],
    ["content in the first row", [cells({ contact: "a" }), emptyGridCells()], 1],
    ["content in the middle", [emptyGridCells(), cells({ countryAlpha3: "PRT" }), emptyGridCells()], 2],
    ["content in the last row", [cells({ contact: "a" }), emptyGridCells(), cells({ docId: "1" })], 3],
  ])("%s → %i", (_name, rows, expected) => {
    expect(firstRowAfterContent(rows)).toBe(expected);
  });
});

describe("pastes never shift values onto other rows", () => {
  const people = ["Ana", "Bruno", "Carla"].map((fullName) => ({ ...emptyGridCells(), fullName }));

  it("keeps an empty cell in a pasted column in its place", () => {
    const { rows } = applyPaste(people, "ana@x.pt\r\n\r\ncarla@x.pt\r\n", { rowIndex: 0, field: "contact" });
    expect(rows.map((row) => [row.fullName, row.contact])).toEqual([
      ["Ana", "ana@x.pt"],
      ["Bruno", ""],
      ["Carla", "carla@x.pt"],
    ]);
  });

  it("writes only to the rows shown when the grid is filtered, appending the rest", () => {
    const grid = ["a", "b", "c", "d"].map((contact) => ({ ...emptyGridCells(), contact }));
    const { rows } = applyPaste(grid, "X\r\nY\r\nZ\r\n", {
      rowIndex: 1,
      field: "fullName",
      rowIndices: [1, 3],
    });
    expect(rows.map((row) => `${row.contact}:${row.fullName}`)).toEqual(["a:", "b:X", "c:", "d:Y", ":Z"]);
    expect(rows[0]).toBe(grid[0]);
    expect(rows[2]).toBe(grid[2]);
  });
});

describe("trimTrailingBlankRows", () => {
  const filled = { ...emptyGridCells(), contact: "a@example.com" };
  it.each<[string, GridCells[], number]>([
    ["blank rows after the content go", [filled, emptyGridCells(), emptyGridCells()], 1],
    ["blank rows between rows stay", [filled, emptyGridCells(), filled], 3],
    ["an all-blank grid keeps one row", [emptyGridCells(), emptyGridCells()], 1],
    ["nothing to trim", [filled], 1],
  ])("%s", (_name, rows, length) => {
    expect(trimTrailingBlankRows(rows)).toHaveLength(length);
  });
});
