/**
 * What a spreadsheet puts in place of a value it could not show (####, #VALUE!, #N/A, #FMT, Err:502)
 * and a number it rounded into scientific notation, in every column: the value is not in the file, so
 * the row is invalid, with a message per column that says so and what to do. Text that only looks
 * like it (#12345, #1, #hashtag, 1E5) is left alone.
 */
import { describe, expect, it } from "vitest";
import { unknownCountryMessage } from "./country-hints";
import { EMPTY_DOC_ID_PROFILE } from "./detect-damage";
import { emptyGridCells, type GridCells, type GridField } from "./grid-fields";
import { messages } from "./issues";
import { type ColumnProfile, type ImportOptions, normaliseRow } from "./normalise-rows";
import { verdictOfRow } from "./validate-grid";

const OPTIONS: ImportOptions = { defaultRegion: "PT", today: "2026-11-27" };
const ISO: ColumnProfile = { birth: "iso", docId: EMPTY_DOC_ID_PROFILE };
const CLEAN: GridCells = {
  contact: "+351912345678",
  internalId: "10001",
  fullName: "Ana Sousa",
  birth: "1985-10-16",
  docId: "12345678",
  countryAlpha3: "PRT",
};

function rowWith(field: GridField, value: string) {
  return normaliseRow({ ...CLEAN, [field]: value }, ISO, OPTIONS);
}

function issuesOf(row: ReturnType<typeof normaliseRow>) {
  const list = (issues: typeof row.errors) => issues.map(({ field, code }) => [field, code]);
  return { errors: list(row.errors), warnings: list(row.warnings) };
}

const PLACEHOLDERS = [
  "####",
  "#",
  "#VALUE!",
  "#N/A",
  "#NAME?",
  "#REF!",
  "#DIV/0!",
  "#FMT",
  "Err:502",
  "#¡VALOR!",
];

describe("a spreadsheet placeholder in a cell makes the row invalid, in every column", () => {
  it.each<[field: GridField, code: string]>([
    ["contact", "phone_invalid"],
    ["internalId", "internalid_spreadsheet_error"],
    ["fullName", "fullname_spreadsheet_error"],
    ["birth", "birth_unreadable"],
    ["docId", "docid_spreadsheet_error"],
  ])("%s → %s", (field, code) => {
    for (const placeholder of PLACEHOLDERS) {
      for (const cell of [placeholder, ` ${placeholder}\u00a0`]) {
        const row = rowWith(field, cell);
        expect(issuesOf(row), JSON.stringify(cell)).toEqual({ errors: [[field, code]], warnings: [] });
        expect(row.subject).toBeNull();
        expect(row.sent[field]).toBeUndefined();
      }
    }
  });

  it.each<[field: GridField, message: string]>([
    ["contact", messages.phoneSpreadsheetError("#N/A")],
    ["internalId", messages.internalIdSpreadsheetError("#N/A")],
    ["fullName", messages.fullNameSpreadsheetError("#N/A")],
    ["docId", messages.docIdSpreadsheetError("#N/A")],
  ])("tells the operator the %s was replaced and to copy it again", (field, message) => {
    expect(rowWith(field, " #N/A ").errors.map((issue) => issue.message)).toEqual([message]);
    expect(message).toMatch(/^\w+ shows as #N\/A: the spreadsheet put this in place of the value/);
    expect(message).toContain("copy it again from the source");
    expect(message).toContain("widen the column or format it as text");
  });

  it("shows the message in the grid's verdict, for the cell that holds the placeholder", () => {
    const verdict = verdictOfRow({ ...CLEAN, docId: "####" }, ISO, OPTIONS);
    expect(verdict).toEqual({
      kind: "invalid",
      errors: {
        docId:
          "DocId shows as ####: the spreadsheet put this in place of the value, which is not in the file; copy it again from the source (in the spreadsheet, widen the column or format it as text first)",
      },
      sent: {},
      warnings: [],
    });
  });

  it("reports #NAME? in a name as the placeholder, not as a letter lost before a ?", () => {
    expect(issuesOf(rowWith("fullName", "#NAME?")).warnings).toEqual([]);
    // A real lost letter is still only a warning.
    expect(issuesOf(rowWith("fullName", "?ukasz Wójcik"))).toEqual({
      errors: [],
      warnings: [["fullName", "name_replacement_char"]],
    });
  });

  it("reports a placeholder in a partial identity on its own cell, beside the missing ones", () => {
    const row = normaliseRow({ ...emptyGridCells(), contact: "a@b.co", docId: "#REF!" }, ISO, OPTIONS);
    expect(issuesOf(row).errors).toEqual([
      ["fullName", "identity_partial"],
      ["birth", "identity_partial"],
      ["countryAlpha3", "identity_partial"],
      ["docId", "docid_spreadsheet_error"],
    ]);
  });

  it("leaves a country placeholder to the unknown-country check, as before", () => {
    const row = rowWith("countryAlpha3", "#N/A");
    expect(issuesOf(row)).toEqual({ errors: [["countryAlpha3", "country_unknown"]], warnings: [] });
    expect(row.errors[0]?.message).toBe(unknownCountryMessage("#N/A"));
  });
});

describe("an internalId in scientific notation lost its digits", () => {
  it.each(["1.23457E+11", "1,23457E+11", "3.51912e+11", "1E+11", " 1.00E+04 "])(
    "%j is an error",
    (internalId) => {
      const row = rowWith("internalId", internalId);
      expect(issuesOf(row)).toEqual({
        errors: [["internalId", "internalid_scientific_notation"]],
        warnings: [],
      });
      expect(row.errors[0]?.message).toBe(messages.internalIdScientific(internalId.trim()));
      expect(row.subject).toBeNull();
    },
  );
});

describe("text that only looks like damage is sent as it arrived", () => {
  it.each<[field: GridField, value: string]>([
    ["internalId", "10001"],
    ["internalId", "A-17"],
    ["internalId", "1E5"],
    ["internalId", "1e10"],
    ["internalId", "12E45678"],
    ["internalId", "#1"],
    ["internalId", "#12345"],
    ["internalId", "#hashtag"],
    ["internalId", "N/A"],
    ["internalId", "Err-502"],
    ["internalId", "emp-0001"],
    ["docId", "#12345"],
    ["docId", "#A1234567"],
    ["docId", "LH8968671"],
    ["fullName", "Ana #1 Sousa"],
    ["fullName", "#hashtag"],
    ["fullName", "Errol Flynn"],
  ])("%s %j", (field, value) => {
    const row = rowWith(field, value);
    expect(issuesOf(row)).toEqual({ errors: [], warnings: [] });
    expect(row.sent[field]).toBe(value);
    expect(row.subject).not.toBeNull();
  });

  it("keeps the generic message for a phone that is simply not one", () => {
    expect(issuesOf(rowWith("contact", "#1"))).toEqual({
      errors: [["contact", "phone_invalid"]],
      warnings: [],
    });
    expect(issuesOf(rowWith("contact", "call me")).errors).toEqual([["contact", "phone_invalid"]]);
  });

  it("calls a birth that is no spreadsheet error form not a date, not a lost one", () => {
    expect(rowWith("birth", "#REF").errors.map(({ code, message }) => [code, message])).toEqual([
      ["birth_invalid", messages.birthInvalid("not-a-date")],
    ]);
  });
});
