import { describe, expect, it } from "vitest";
import { emptyGridCells, type GridCells } from "./grid-fields";
import { isBlankRow } from "./validate-row";

function cells(values: Partial<GridCells>): GridCells {
  return { ...emptyGridCells(), ...values };
}

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
