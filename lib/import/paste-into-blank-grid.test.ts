import { describe, expect, it } from "vitest";
import { applyPaste, type PasteTarget, trimTrailingBlankRows } from "./apply-paste";
import { emptyGridCells } from "./grid-fields";
import { profileColumns } from "./normalise-rows";
import { rowBoundaryAfter } from "./parse-delimited";
import {
  joinPasteParts,
  pasteBoundary,
  pasteIntoBlankGrid,
  pastePart,
  secondPartText,
} from "./paste-into-blank-grid";
import { randomPastedText, seededRandom } from "./pasted-text.test-support";

const HEADER = "E-mail\tNome completo\tData de nascimento\tN.º documento\tPaís\tNotes";
const PLAIN_ROWS =
  "a@b.co\tid-1\tAna Silva\t31/12/1990\t0123\tPRT\r\n+351912345678\tid-2\tRui\t1980-02-03\t456\tESP\r\n";

describe("pasteIntoBlankGrid gives the rows the page's own paste would give", () => {
  it.each<[string, string, PasteTarget, number]>([
    [
      "a header row, at the first cell",
      `${HEADER}\r\na@b.co\tAna\t1990-01-01\t12\tPRT\tx\r\n`,
      { rowIndex: 0, field: "contact" },
      5,
    ],
    [
      "a header row, focus lower down",
      `${HEADER}\na@b.co\tAna\t1990-01-01\t12\tPRT\tx`,
      { rowIndex: 3, field: "birth" },
      5,
    ],
    [
      "a header told by the value under it",
      "First name\tLast name\tEmail\tCompany\nAna\tSilva\ta@b.co\tAcme\n",
      { rowIndex: 0, field: "contact" },
      5,
    ],
    [
      "a header-like first line the operator says is a row",
      `${HEADER}\r\na@b.co\tAna\t1990-01-01\t12\tPRT\tx\r\n`,
      { rowIndex: 0, field: "contact", firstLineIsData: true },
      5,
    ],
    ["plain rows at the first cell", PLAIN_ROWS, { rowIndex: 0, field: "contact" }, 5],
    ["plain rows from the third column", PLAIN_ROWS, { rowIndex: 1, field: "fullName" }, 5],
    ["plain rows with no focused cell", PLAIN_ROWS, { rowIndex: 0, field: null }, 1],
    ["more rows than the grid has", "1\n2\n3\n4\n5\n6\n7\n", { rowIndex: 4, field: "docId" }, 5],
    ["a quoted multi-line cell", 'a@b.co\t"line one\nline two"\r\n', { rowIndex: 0, field: "contact" }, 2],
    ["blank lines in the middle", "a@b.co\n\n\nc@d.co\n", { rowIndex: 0, field: "contact" }, 5],
  ])("%s", (_name, text, target, blankRowCount) => {
    const blankRows = Array.from({ length: blankRowCount }, emptyGridCells);
    const { rows, ...summary } = applyPaste(blankRows, text, target);
    const expectedRows = trimTrailingBlankRows(rows);
    const result = pasteIntoBlankGrid(text, target, blankRowCount);
    expect(result.rows).toStrictEqual(expectedRows);
    expect(result.summary).toStrictEqual(summary);
    expect(result.profile).toStrictEqual(profileColumns(expectedRows));
  });

  it("leaves the blank grid as it was when the text holds no cells", () => {
    const result = pasteIntoBlankGrid("\r\n\r\n", { rowIndex: 0, field: "contact" }, 5);
    expect(result.summary.rowCount).toBe(0);
    expect(result.rows).toStrictEqual(Array.from({ length: 5 }, emptyGridCells));
  });
});

describe("a paste read in two parts joins into the whole paste", () => {
  const fields = [null, "contact", "internalId", "fullName", "birth", "docId", "countryAlpha3"] as const;

  it("for random texts, cuts, targets and grid sizes", () => {
    const random = seededRandom(1127);
    for (let trial = 0; trial < 600; trial += 1) {
      const text = randomPastedText(random);
      const target: PasteTarget = {
        rowIndex: Math.floor(random() * 4),
        field: fields[Math.floor(random() * fields.length)] ?? null,
      };
      const blankRowCount = Math.floor(random() * 8);
      const whole = pasteIntoBlankGrid(text, target, blankRowCount);
      const boundary = rowBoundaryAfter(text, Math.floor(random() * (text.length + 1)));
      const parts = joinPasteParts(
        pastePart(text, boundary, "first", target, blankRowCount),
        boundary < text.length ? pastePart(text, boundary, "second", target, blankRowCount) : null,
        target,
        blankRowCount,
      );
      // A cut inside the first row is never made (pasteBoundary): the first part holds the header.
      if (boundary <= rowBoundaryAfter(text, text.startsWith("\ufeff") ? 2 : 1) && boundary < text.length)
        continue;
      expect({ text, boundary, target, blankRowCount, ...parts }).toStrictEqual({
        text,
        boundary,
        target,
        blankRowCount,
        ...whole,
      });
    }
  });

  it("secondPartText: the second part read from it is the part read from the whole text", () => {
    const random = seededRandom(2711);
    let shortened = 0;
    for (let trial = 0; trial < 600; trial += 1) {
      const text = randomPastedText(random);
      const target: PasteTarget = {
        rowIndex: Math.floor(random() * 4),
        field: fields[Math.floor(random() * fields.length)] ?? null,
        firstLineIsData: random() < 0.2,
      };
      const blankRowCount = Math.floor(random() * 8);
      const boundary = rowBoundaryAfter(text, Math.floor(random() * (text.length + 1)));
      if (boundary <= rowBoundaryAfter(text, text.startsWith("\ufeff") ? 2 : 1) || boundary >= text.length)
        continue;
      const { head, rest } = secondPartText(text, boundary);
      if (head.length + rest.length < text.length) shortened += 1;
      expect({
        text,
        boundary,
        part: pastePart(head + rest, head.length, "second", target, blankRowCount),
      }).toStrictEqual({ text, boundary, part: pastePart(text, boundary, "second", target, blankRowCount) });
    }
    // Most cuts leave rows out of the second part's text (the point of it), not just the whole text.
    expect(shortened).toBeGreaterThan(100);
  });

  it.each<[string, string, boolean]>([
    ["a header told by the value under it", "First name\tLast name\tEmail\tCompany", false],
    ["a person whose name is near a label", "\tA-1001\tMaia\t\t\tPRT", false],
    ["a header-like first line the operator says is a row", HEADER, true],
  ])(
    "the second part decides on the first line as the first does: %s",
    (_name, firstLine, firstLineIsData) => {
      const rows = Array.from({ length: 6 }, (_, index) => `a${index}@b.co\tid-${index}\tAna\t\t\tPRT`);
      const text = `${firstLine}\n${rows.join("\n")}\n`;
      const target: PasteTarget = { rowIndex: 0, field: "contact", firstLineIsData };
      // Cut after the line under the first: the second part must read that line again to decide.
      const boundary = rowBoundaryAfter(text, rowBoundaryAfter(text, 1) + 1);
      const parts = joinPasteParts(
        pastePart(text, boundary, "first", target, 5),
        pastePart(text, boundary, "second", target, 5),
        target,
        5,
      );
      expect(parts).toStrictEqual(pasteIntoBlankGrid(text, target, 5));
    },
  );

  it.each<[string, string, string, boolean]>([
    // "Email" over an e-mail makes the first line a header; over a name it would not.
    [
      "a header told by the value under it",
      "First name\tLast name\tEmail\tCompany",
      "Ana\tSilva\ta@b.co\tAcme",
      false,
    ],
    [
      "a header-like first line the operator says is a row",
      HEADER,
      "a@b.co\tAna\t1990-01-01\t12\tPRT\tx",
      true,
    ],
  ])(
    "the second part read from secondPartText decides on the first line as the first does: %s",
    (_name, firstLine, lineUnder, firstLineIsData) => {
      // The rows after the cut would not tell a header: the second part must see the line under the first.
      const later = Array.from({ length: 6 }, (_, index) => `Rui\tCosta\tRui ${index}\tAcme`);
      const text = `${firstLine}\n${lineUnder}\n${later.join("\n")}\n`;
      const target: PasteTarget = { rowIndex: 0, field: "contact", firstLineIsData };
      const boundary = text.indexOf("Rui\tCosta\tRui 3");
      const { head, rest } = secondPartText(text, boundary);
      expect(head.length + rest.length).toBeLessThan(text.length);
      const parts = joinPasteParts(
        pastePart(text, boundary, "first", target, 5),
        pastePart(head + rest, head.length, "second", target, 5),
        target,
        5,
      );
      expect(parts).toStrictEqual(pasteIntoBlankGrid(text, target, 5));
    },
  );

  it.each<[string, number, number]>([
    ["a short text is not cut", 100, 1_100],
    ["a long text is cut at the row start after its middle", 30_001, 165_011],
  ])("pasteBoundary: %s", (_name, rowCount, expected) => {
    // Rows of 11 characters: "row 00001\r\n" …
    const text = Array.from(
      { length: rowCount },
      (_, index) => `row ${String(index).padStart(5, "0")}\r\n`,
    ).join("");
    expect(pasteBoundary(text)).toBe(expected);
  });
});
