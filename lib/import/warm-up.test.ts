import { describe, expect, it } from "vitest";
import { validateGrid } from "./validate-grid";
import { WARM_UP_ROW_COUNT, warmUpRows, warmUpValidation } from "./warm-up";

const OPTIONS = { defaultRegion: "PT", today: "2026-11-27" } as const;

describe("warm-up rows", () => {
  it("cover valid and invalid rows, e-mail and phone contacts, and several date shapes", () => {
    const rows = warmUpRows();
    expect(rows).toHaveLength(WARM_UP_ROW_COUNT);
    const validation = validateGrid(rows, OPTIONS);
    expect(validation.validCount).toBeGreaterThan(WARM_UP_ROW_COUNT / 10);
    expect(validation.invalidCount).toBeGreaterThan(WARM_UP_ROW_COUNT / 10);
    expect(validation.warningCount).toBeGreaterThan(0);
    expect(rows.some((row) => row.contact.includes("@"))).toBe(true);
    expect(rows.some((row) => row.contact.startsWith("+"))).toBe(true);
    expect(new Set(rows.map((row) => row.birth.replace(/\d/g, "9"))).size).toBeGreaterThanOrEqual(3);
  });

  it("warmUpValidation validates them as the grid would, row by row", () => {
    const rows = warmUpRows();
    const validation = validateGrid(rows, OPTIONS);
    // The grid also flags repeated rows; the warm-up counts each row on its own, so it finds at least as many valid.
    expect(warmUpValidation(OPTIONS)).toBeGreaterThanOrEqual(validation.validCount);
  });
});
