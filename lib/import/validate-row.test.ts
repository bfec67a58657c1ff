import { describe, expect, it } from "vitest";
import { type CellErrors, emptyGridCells, type GridCells } from "./grid-fields";
import { cellsToSubjectInput, isBlankRow, PARTIAL_IDENTITY_MESSAGE, validateGridRow } from "./validate-row";

function cells(values: Partial<GridCells>): GridCells {
  return { ...emptyGridCells(), ...values };
}

const IDENTITY = { fullName: "Ana Silva", birth: "1990-01-01", docId: "12345678", countryAlpha3: "PRT" };

describe("isBlankRow", () => {
  it.each<[string, Partial<GridCells>, boolean]>([
    ["all empty", {}, true],
    ["whitespace and NBSP only", { contact: "  ", fullName: "\u00a0", docId: "\t" }, true],
    ["a contact", { contact: "a@b.co" }, false],
    ["only a country", { countryAlpha3: "PRT" }, false],
    ["only an internal id", { internalId: "7" }, false],
  ])("%s → %s", (_name, values, blank) => {
    expect(isBlankRow(cells(values))).toBe(blank);
  });
});

describe("cellsToSubjectInput", () => {
  it.each<[string, Partial<GridCells>, unknown]>([
    ["contact only", { contact: "a@b.co" }, { contact: "a@b.co" }],
    ["blank internal id omitted", { contact: "a@b.co", internalId: " " }, { contact: "a@b.co" }],
    [
      "internal id kept",
      { contact: "a@b.co", internalId: "1001" },
      { contact: "a@b.co", internalId: "1001" },
    ],
    ["full identity", { contact: "a@b.co", ...IDENTITY }, { contact: "a@b.co", identity: IDENTITY }],
    [
      "partial identity keeps the empty cells",
      { contact: "a@b.co", fullName: "Ana" },
      { contact: "a@b.co", identity: { fullName: "Ana", birth: "", docId: "", countryAlpha3: "" } },
    ],
  ])("%s", (_name, values, expected) => {
    expect(cellsToSubjectInput(cells(values))).toEqual(expected);
  });
});

describe("validateGridRow", () => {
  it.each<[string, Partial<GridCells>, unknown]>([
    ["e-mail only", { contact: "ana@example.com" }, { contact: "ana@example.com" }],
    ["phone with spaces", { contact: " +351 912 345 678 " }, { contact: "+351912345678" }],
    [
      "internal id trimmed",
      { contact: "ana@example.com", internalId: " 1001 " },
      { contact: "ana@example.com", internalId: "1001" },
    ],
    [
      "full identity, normalised",
      {
        contact: "ana@example.com",
        fullName: " Ana Silva ",
        birth: "1990-01-01",
        docId: "12 345 678",
        countryAlpha3: "prt",
      },
      { contact: "ana@example.com", identity: IDENTITY },
    ],
  ])("accepts %s", (_name, values, subject) => {
    expect(validateGridRow(cells(values))).toEqual({ ok: true, subject });
  });

  it.each<[string, Partial<GridCells>, CellErrors]>([
    ["blank row", {}, { contact: "Enter an e-mail address or a phone number" }],
    ["missing contact", { internalId: "1001" }, { contact: "Enter an e-mail address or a phone number" }],
    [
      "e-mail without a domain",
      { contact: "ana@example" },
      { contact: "Not a valid e-mail address or phone number" },
    ],
    ["garbage contact", { contact: "@@" }, { contact: "Not a valid e-mail address or phone number" }],
    [
      "phone without +",
      { contact: "351912345678" },
      { contact: "A phone number must be + and the country code, then digits (e.g. +351912345678)" },
    ],
    [
      "internal id too long",
      { contact: "a@b.co", internalId: "x".repeat(201) },
      { internalId: "At most 200 characters" },
    ],
    [
      "full name too long",
      { contact: "a@b.co", ...IDENTITY, fullName: "x".repeat(201) },
      { fullName: "At most 200 characters" },
    ],
    [
      "birth in the future",
      { contact: "a@b.co", ...IDENTITY, birth: "2085-01-01" },
      { birth: "Date of birth must be in the past" },
    ],
    [
      "birth not ISO (first message wins)",
      { contact: "a@b.co", ...IDENTITY, birth: "30/06/1997" },
      { birth: "Use a real date written YYYY-MM-DD" },
    ],
    [
      "birth not a real date",
      { contact: "a@b.co", ...IDENTITY, birth: "1990-02-30" },
      { birth: "Use a real date written YYYY-MM-DD" },
    ],
    [
      "document too long",
      { contact: "a@b.co", ...IDENTITY, docId: "1".repeat(51) },
      { docId: "At most 50 characters (spaces removed)" },
    ],
    [
      "country not three letters (first message wins)",
      { contact: "a@b.co", ...IDENTITY, countryAlpha3: "UK" },
      { countryAlpha3: "Use a three-letter ISO 3166-1 alpha-3 code, e.g. PRT" },
    ],
    [
      "unknown country",
      { contact: "a@b.co", ...IDENTITY, countryAlpha3: "POR" },
      { countryAlpha3: "Unknown country code POR: use ISO 3166-1 alpha-3, e.g. PRT" },
    ],
    [
      "partial identity: only the name",
      { contact: "a@b.co", fullName: "Ana Silva" },
      {
        birth: PARTIAL_IDENTITY_MESSAGE,
        docId: PARTIAL_IDENTITY_MESSAGE,
        countryAlpha3: PARTIAL_IDENTITY_MESSAGE,
      },
    ],
    [
      "partial identity: document and country missing",
      { contact: "a@b.co", fullName: "Ana Silva", birth: "1990-01-01", docId: " " },
      { docId: PARTIAL_IDENTITY_MESSAGE, countryAlpha3: PARTIAL_IDENTITY_MESSAGE },
    ],
    [
      "partial identity plus errors in filled cells",
      { contact: "ana@example", birth: "2085-01-01" },
      {
        contact: "Not a valid e-mail address or phone number",
        fullName: PARTIAL_IDENTITY_MESSAGE,
        birth: "Date of birth must be in the past",
        docId: PARTIAL_IDENTITY_MESSAGE,
        countryAlpha3: PARTIAL_IDENTITY_MESSAGE,
      },
    ],
  ])("rejects %s", (_name, values, errors) => {
    expect(validateGridRow(cells(values))).toEqual({ ok: false, errors });
  });
});
