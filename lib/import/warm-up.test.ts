import { describe, expect, it } from "vitest";
import { validateGrid } from "./validate-grid";
import { WARM_UP_ROW_COUNT, warmUpRows, warmUpSlices, warmUpValidation } from "./warm-up";

const OPTIONS = { defaultRegion: "PT", today: "2026-11-27" } as const;
const SOME_ROWS = 2500;

describe("warm-up rows", () => {
  it("cover valid and invalid rows, e-mail and phone contacts, and several date shapes", () => {
    const rows = warmUpRows(SOME_ROWS);
    expect(rows).toHaveLength(SOME_ROWS);
    const validation = validateGrid(rows, OPTIONS);
    expect(validation.validCount).toBeGreaterThan(SOME_ROWS / 10);
    expect(validation.invalidCount).toBeGreaterThan(SOME_ROWS / 10);
    expect(validation.warningCount).toBeGreaterThan(0);
    expect(rows.some((row) => row.contact.includes("@"))).toBe(true);
    expect(rows.some((row) => row.contact.startsWith("+"))).toBe(true);
    expect(new Set(rows.map((row) => row.birth.replace(/\d/g, "9"))).size).toBeGreaterThanOrEqual(3);
  });

  it("are made in slices that add up to the same rows, with no contact twice", () => {
    const whole = warmUpRows(1000);
    expect([...warmUpRows(300), ...warmUpRows(700, 300)]).toEqual(whole);
    expect(new Set(warmUpRows(WARM_UP_ROW_COUNT).map((row) => row.contact)).size).toBe(WARM_UP_ROW_COUNT);
  });

  it("warmUpValidation validates them as the grid would, row by row", () => {
    const rows = warmUpRows(SOME_ROWS);
    const validation = validateGrid(rows, OPTIONS);
    // The grid also flags repeated rows; the warm-up counts each row on its own, so it finds at least as many valid.
    expect(warmUpValidation(OPTIONS, rows)).toBeGreaterThanOrEqual(validation.validCount);
  });
});

describe("warmUpSlices", () => {
  it.each([
    [0, []],
    [100, [100]],
    [250, [250]],
    [1000, [250, 500, 250]],
    [6000, [250, 500, 1000, 2000, 2000, 250]],
  ])("cuts %i rows into %j (doubling from 250 up to 2,000)", (total, counts) => {
    expect(warmUpSlices(total).map((slice) => slice.count)).toEqual(counts);
  });

  it("covers every row of the warm-up once, in order", () => {
    const slices = warmUpSlices();
    let next = 0;
    for (const slice of slices) {
      expect(slice.first).toBe(next);
      next += slice.count;
    }
    expect(next).toBe(WARM_UP_ROW_COUNT);
  });
});
