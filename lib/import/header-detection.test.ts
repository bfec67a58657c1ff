import { describe, expect, it } from "vitest";
import { emptyGridCells, type GridCells } from "./grid-fields";
import { type ColumnTarget, detectHeader, matchColumnName, tableToGridRows } from "./header-detection";

function cells(values: Partial<GridCells>): GridCells {
  return { ...emptyGridCells(), ...values };
}

describe("matchColumnName", () => {
  it.each<[string, ColumnTarget]>([
    ["contact", "contact"],
    ["Contacto", "contact"],
    ["CONTATO", "contact"],
    ["Email", "email"],
    ["E-mail", "email"],
    ["e-mail address", "email"],
    ["Email Address", "email"],
    ["mail", "email"],
    ["Phone", "phone"],
    ["Phone number", "phone"],
    ["phone_number", "phone"],
    ["Mobile", "phone"],
    ["Telephone", "phone"],
    ["Cell", "phone"],
    ["Telemóvel", "phone"],
    ["telemovel", "phone"],
    ["TELEMÓVEL", "phone"],
    ["Telefone", "phone"],
    ["internalId", "internalId"],
    ["Internal ID", "internalId"],
    ["internal_id", "internalId"],
    ["ID", "internalId"],
    ["Customer ID", "internalId"],
    ["Employee id", "internalId"],
    ["External ID", "internalId"],
    ["Reference", "internalId"],
    ["Ref.", "internalId"],
    ["fullName", "fullName"],
    ["Full name", "fullName"],
    ["  full   NAME  ", "fullName"],
    ["Name", "fullName"],
    ["Nome", "fullName"],
    ["Nome completo", "fullName"],
    ["birth", "birth"],
    ["Date of birth", "birth"],
    ["DOB", "birth"],
    ["D.O.B.", "birth"],
    ["Birth date", "birth"],
    ["birthdate", "birth"],
    ["Birthday", "birth"],
    ["Data de nascimento", "birth"],
    ["docId", "docId"],
    ["Doc ID", "docId"],
    ["Document", "docId"],
    ["Document ID", "docId"],
    ["Document number", "docId"],
    ["ID number", "docId"],
    ["Passport", "docId"],
    ["N.º documento", "docId"],
    ["Nº documento", "docId"],
    ["Numero documento", "docId"],
    ["Número documento", "docId"],
    ["countryAlpha3", "countryAlpha3"],
    ["Country", "countryAlpha3"],
    ["Country code", "countryAlpha3"],
    ["País", "countryAlpha3"],
    ["pais", "countryAlpha3"],
    ["Nationality", "countryAlpha3"],
    ["Work phone", null],
    ["Notes", null],
    ["", null],
    ["ana@example.com", null],
  ])("%j → %j", (label, target) => {
    expect(matchColumnName(label)).toBe(target);
  });
});

describe("detectHeader", () => {
  it.each<[string, string[], boolean]>([
    ["English header", ["Email", "Phone", "Full name", "Date of birth", "Document", "Country"], true],
    [
      "Portuguese header",
      ["Nome completo", "E-mail", "Telemóvel", "Data de nascimento", "N.º documento", "País"],
      true,
    ],
    ["header with an unknown column", ["Notes", "Email"], true],
    ["no known column", ["Notes", "Comments"], false],
    ["data row with e-mail", ["ana@example.com", "1001", "Ana Silva"], false],
    ["data row with phone", ["+351 912 345 678", "Name"], false],
    ["data row with digits-only id", ["Name", "10001"], false],
    ["data row with a date", ["Name", "30/06/1997"], false],
    ["data row with an ISO date", ["Country", "1990-01-01"], false],
    ["header cells that merely look like words", ["Ana Silva", "PRT"], false],
    ["empty row", [], false],
  ])("%s", (_name, row, isHeader) => {
    expect(detectHeader(row).isHeader).toBe(isHeader);
  });

  it.each<[string, string[], ColumnTarget[]]>([
    [
      "pt-excel-semicolon.csv",
      ["Nome completo", "E-mail", "Telemóvel", "Data de nascimento", "N.º documento", "País"],
      ["fullName", "email", "phone", "birth", "docId", "countryAlpha3"],
    ],
    [
      "unicode-text.txt",
      ["Email", "Phone", "Full name", "Date of birth", "Document", "Country"],
      ["email", "phone", "fullName", "birth", "docId", "countryAlpha3"],
    ],
    [
      "two-sheets.xlsx",
      ["Internal ID", "Full name", "Email", "Phone", "Date of birth", "Document", "Country", "Work phone"],
      ["internalId", "fullName", "email", "phone", "birth", "docId", "countryAlpha3", null],
    ],
  ])("maps the header of fixture %s", (_fixture, row, columns) => {
    expect(detectHeader(row)).toEqual({ isHeader: true, columns });
  });

  // A headerless paste whose first person has no e-mail, phone, date or digits-only id: names one
  // typo from a label ("Maia" ~ mail, "Tomé" ~ nome, "Paris" ~ país, "Birte" ~ birth, "Emil" ~ email)
  // or a surname that is a label ("Pais"), with ids and countries in letters. The person must stay;
  // real headers, judged with the row under them, stay headers.
  it.each<[string, string[], string[] | undefined, boolean]>([
    ["a column of names pasted alone", ["Tomé"], ["Ana Silva"], false],
    [
      "a person without contact, name one typo from mail",
      ["", "A-1001", "Maia", "", "", "PRT"],
      undefined,
      false,
    ],
    [
      "the same with the next person below",
      ["", "A-1001", "Maia", "", "", "PRT"],
      ["ana@example.com", "A-1002", "Ana", "", "", "PRT"],
      false,
    ],
    [
      "a person without contact named like e-mail",
      ["", "EMP-17", "Emil", "", "", "DNK"],
      ["", "EMP-18", "Birte", "", "", "DNK"],
      false,
    ],
    ["ids and names pasted from the id column", ["AB-17", "Paris"], ["AB-18", "Joana Reis"], false],
    ["a name like birth, then a country", ["Birte", "DNK"], ["Jens", "DNK"], false],
    [
      "a surname that is a label, among other values",
      ["", "A-17", "Pais", "", "", "PRT"],
      ["", "A-18", "Silva", "", "", "PRT"],
      false,
    ],
    ["two cells, one a near-miss", ["Mali", "PRT"], undefined, false],
    ["header: a single known column", ["Email"], ["ana@example.com"], true],
    ["header: two near-misses", ["Emial", "Telefon"], undefined, true],
    ["header: a near-miss beside a known column", ["Emial", "Nome"], undefined, true],
    [
      "header: an export with more unknown columns than known ones, over values",
      ["First name", "Last name", "Email", "Company"],
      ["Ana", "Silva", "ana@example.com", "Acme"],
      true,
    ],
    [
      "not a header: mostly unknown labels with no value under a known one",
      ["First name", "Last name", "Email", "Company"],
      ["Ana", "Silva", "", "Acme"],
      false,
    ],
    [
      "not a header: mostly unknown labels alone",
      ["First name", "Last name", "Email", "Company"],
      undefined,
      false,
    ],
  ])("%s", (_name, row, below, isHeader) => {
    expect(detectHeader(row, below).isHeader).toBe(isHeader);
  });

  it("returns a target for every cell", () => {
    expect(detectHeader(["E-mail", "Notes", "País"]).columns).toEqual(["email", null, "countryAlpha3"]);
  });
});

describe("tableToGridRows", () => {
  it("maps headerless data in GRID_FIELDS order and ignores extra columns", () => {
    const table = [
      ["ana@example.com", "1001", "Ana Silva", "1990-01-01", "12345678", "PRT", "extra"],
      ["+351912345678", "1002"],
    ];
    expect(tableToGridRows(table)).toEqual({
      hasHeader: false,
      rows: [
        cells({
          contact: "ana@example.com",
          internalId: "1001",
          fullName: "Ana Silva",
          birth: "1990-01-01",
          docId: "12345678",
          countryAlpha3: "PRT",
        }),
        cells({ contact: "+351912345678", internalId: "1002" }),
      ],
      unmappedColumns: [],
    });
  });

  it("keeps a first person whose cells only look like labels", () => {
    const table = [
      ["", "A-1001", "Maia", "", "", "PRT"],
      ["ana@example.com", "A-1002", "Ana Silva", "1990-01-01", "12345678", "PRT"],
    ];
    expect(tableToGridRows(table)).toEqual({
      hasHeader: false,
      rows: [
        cells({ internalId: "A-1001", fullName: "Maia", countryAlpha3: "PRT" }),
        cells({
          contact: "ana@example.com",
          internalId: "A-1002",
          fullName: "Ana Silva",
          birth: "1990-01-01",
          docId: "12345678",
          countryAlpha3: "PRT",
        }),
      ],
      unmappedColumns: [],
    });
  });

  it("maps columns by name in any order, with missing columns left empty", () => {
    const table = [
      ["País", "Nome completo", "Contacto"],
      ["PRT", "Ana Silva", "ana@example.com"],
    ];
    expect(tableToGridRows(table)).toEqual({
      hasHeader: true,
      rows: [cells({ contact: "ana@example.com", fullName: "Ana Silva", countryAlpha3: "PRT" })],
      unmappedColumns: [],
    });
  });

  it("takes contact from the e-mail column, else the phone column, else the contact column", () => {
    const table = [
      ["Email", "Phone", "Contact", "Name"],
      ["ana@example.com", "+351912345678", "x@example.com", "A"],
      ["", "+351912345678", "x@example.com", "B"],
      ["", "", "x@example.com", "C"],
      ["", "", "", "D"],
    ];
    expect(tableToGridRows(table).rows.map((row) => [row.fullName, row.contact])).toEqual([
      ["A", "ana@example.com"],
      ["B", "+351912345678"],
      ["C", "x@example.com"],
      ["D", ""],
    ]);
  });

  it("lets the first of two columns for one field win and reports the second", () => {
    const table = [
      ["Internal ID", "Full name", "Email", "Phone", "Name", "Mobile", "Work phone"],
      ["10001", "Ana Silva", "", "+351912345678", "Other", "+351999999999", "351222597074"],
    ];
    expect(tableToGridRows(table)).toEqual({
      hasHeader: true,
      rows: [cells({ internalId: "10001", fullName: "Ana Silva", contact: "+351912345678" })],
      unmappedColumns: ["Name", "Mobile", "Work phone"],
    });
  });

  it("reports unlabelled columns only when they hold values", () => {
    const table = [
      ["Email", "", ""],
      ["ana@example.com", "", "note"],
      ["bea@example.com", "", "", "beyond"],
    ];
    expect(tableToGridRows(table).unmappedColumns).toEqual(["Column 3", "Column 4"]);
  });

  it("drops rows whose values are all in unmapped columns", () => {
    const table = [
      ["Email", "Notes"],
      ["", "just a note"],
      ["ana@example.com", ""],
    ];
    expect(tableToGridRows(table).rows).toEqual([cells({ contact: "ana@example.com" })]);
  });

  it("trims cells that did not come through the parser", () => {
    expect(tableToGridRows([["Email"], [" ana@example.com\u00a0"]]).rows).toEqual([
      cells({ contact: "ana@example.com" }),
    ]);
  });

  it.each<[string, string[][]]>([
    ["an empty table", []],
    ["a header alone", [["Email", "Phone"]]],
  ])("gives no rows for %s", (_name, table) => {
    expect(tableToGridRows(table).rows).toEqual([]);
  });
});

describe("near-miss column names", () => {
  it.each([
    ["Emial", "email"],
    ["Telefon", "phone"],
    ["Date of brith", "birth"],
    ["Full nmae", "fullName"],
    ["Contry", "countryAlpha3"],
    ["Documnet", "docId"],
    ["Notes", null],
    ["Idade", null],
    ["Nam", null],
    ["Work phone", null],
  ])("%s → %s", (label, target) => {
    expect(matchColumnName(label)).toBe(target);
  });
});
