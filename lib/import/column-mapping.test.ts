import { describe, expect, it } from "vitest";
import { type ColumnMapping, mappingConflicts, mapTableRows, suggestMapping } from "./column-mapping";
import type { emptyGridCells } from "./grid-fields";

describe("suggestMapping", () => {
  it.each<[string, string[], ColumnMapping]>([
    [
      "Portuguese export",
      ["Nome completo", "E-mail", "Telemóvel", "Data de nascimento", "N.º documento", "País"],
      ["fullName", "email", "phone", "birth", "docId", "countryAlpha3"],
    ],
    [
      "a second phone column stays unmapped",
      ["Internal ID", "Full name", "Email", "Phone", "Date of birth", "Document", "Country", "Work phone"],
      ["internalId", "fullName", "email", "phone", "birth", "docId", "countryAlpha3", null],
    ],
    ["unknown columns are ignored", ["Notes", "contact"], [null, "contact"]],
    ["the same field twice: the first wins", ["Name", "Full name"], ["fullName", null]],
  ])("%s", (_name, header, expected) => {
    expect(suggestMapping(header)).toEqual(expected);
  });
});

describe("mappingConflicts", () => {
  it.each<[string, ColumnMapping, ReturnType<typeof mappingConflicts>]>([
    ["none", ["email", "phone", "contact", null, null], []],
    ["a field mapped twice", ["fullName", "email", "fullName"], [{ target: "fullName", columns: [0, 2] }]],
    ["two phone columns", ["phone", "phone", "docId"], [{ target: "phone", columns: [0, 1] }]],
  ])("%s", (_name, mapping, expected) => {
    expect(mappingConflicts(mapping)).toEqual(expected);
  });
});

describe("mapTableRows", () => {
  const mapping: ColumnMapping = ["fullName", "email", "phone", null, "countryAlpha3"];
  it.each<[string, string[][], Array<Partial<ReturnType<typeof emptyGridCells>>>]>([
    [
      "e-mail preferred as contact",
      [["Ana", "ana@example.com", "+351912345678", "x", "PRT"]],
      [{ contact: "ana@example.com" }],
    ],
    ["phone when the e-mail is empty", [["Rui", " ", " 912345678 ", "x", "PRT"]], [{ contact: "912345678" }]],
    [
      "cells are trimmed, ignored columns dropped",
      [["  Eva\u00a0", "eva@example.com", "", "ignored", " ESP "]],
      [{ fullName: "Eva", countryAlpha3: "ESP" }],
    ],
    ["rows with values only in ignored columns are dropped", [["", "", "", "only here", ""]], []],
  ])("%s", (_name, table, expected) => {
    const rows = mapTableRows(table, mapping);
    expect(rows).toHaveLength(expected.length);
    for (const [index, row] of rows.entries()) expect(row).toMatchObject(expected[index] ?? {});
  });
});
