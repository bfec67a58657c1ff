/**
 * The whole import path the console runs, file bytes to the subjects it would send, checked against
 * the fixtures' expected results: read → data sheet → header row → suggested mapping → grid rows →
 * validation → subject to send (parsed by the shared schema, as the server action does).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { subjectSchema } from "@/lib/humanos/schemas";
import { readPastedText } from "./apply-paste";
import { mapTableRows, suggestMapping } from "./column-mapping";
import { findHeaderRow, pickDataSheet } from "./find-header-row";
import type { GridCells } from "./grid-fields";
import { readSpreadsheetFile } from "./read-spreadsheet-file";
import { subjectToSend, validateGrid } from "./validate-grid";
import {
  decodePaste,
  decodeRows,
  decodeVerdicts,
  encodePaste,
  encodeRows,
  encodeVerdicts,
} from "./worker-transport";

const FIXTURES = ["pt-excel-semicolon.csv", "unicode-text.txt", "two-sheets.xlsx"] as const;
const OPTIONS = { defaultRegion: "PT" as const, today: "2026-11-27" };

async function importFixture(name: string) {
  const bytes = new Uint8Array(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url)));
  const source = await readSpreadsheetFile(bytes, name);
  const table = source.sheets[pickDataSheet(source.sheets)]?.table ?? [];
  const headerRow = findHeaderRow(table);
  const rows = mapTableRows(table.slice(headerRow + 1), suggestMapping(table[headerRow] ?? []));
  return { rows, validation: validateGrid(rows, OPTIONS) };
}

describe.each(FIXTURES)("%s through the whole import path", (name) => {
  const expected = JSON.parse(
    readFileSync(new URL(`./__fixtures__/${name}.expected.json`, import.meta.url), "utf8"),
  ) as {
    summary: { dataRows: number; valid: number; invalid: number; rowsWithWarnings: number };
    subjects: unknown[];
  };

  it("finds every data row and the expected valid, invalid and warned counts", async () => {
    const { rows, validation } = await importFixture(name);
    expect(rows).toHaveLength(expected.summary.dataRows);
    expect([validation.validCount, validation.invalidCount, validation.warningCount]).toEqual([
      expected.summary.valid,
      expected.summary.invalid,
      expected.summary.rowsWithWarnings,
    ]);
  });

  it("would send exactly the expected subjects, in file order", async () => {
    const { rows, validation } = await importFixture(name);
    const subjects = validation.verdicts.flatMap((verdict, index) =>
      verdict.kind === "valid"
        ? [subjectSchema.parse(subjectToSend(rows[index] as GridCells, verdict.sent))]
        : [],
    );
    expect(subjects).toEqual(expected.subjects);
  });

  it("survives the trip to and from a validation worker unchanged", async () => {
    const { rows, validation } = await importFixture(name);
    expect(decodeRows(encodeRows(rows))).toEqual(rows);
    expect(decodeVerdicts(encodeVerdicts(validation.verdicts))).toEqual(validation.verdicts);
  });
});

describe("row transport", () => {
  it.each([
    ["empty", []],
    [
      "plain",
      [
        {
          contact: "a@example.com",
          internalId: "",
          fullName: "Ana",
          birth: "",
          docId: "",
          countryAlpha3: "",
        },
      ],
    ],
    [
      "a cell holding a separator falls back to JSON",
      [{ contact: "a\u001fb", internalId: "\u001e", fullName: "", birth: "", docId: "", countryAlpha3: "" }],
    ],
  ])("%s", (_name, rows) => {
    expect(decodeRows(encodeRows(rows))).toEqual(rows);
  });
});

describe("paste transport", () => {
  it.each([
    ["a header paste", "Email\tName\r\na@example.com\tAna\r\n"],
    ["a plain ragged paste", 'a@example.com\tx\r\nb@example.com\r\n"multi\r\nline"\tz\r\n'],
    ["an empty paste", ""],
  ])("%s arrives as it left", (_name, text) => {
    const pasted = readPastedText(text);
    expect(decodePaste(encodePaste(pasted))).toEqual(pasted);
  });
});
