import { describe, expect, it } from "vitest";
import { countOf, formatCount } from "./format-count";

describe("formatCount and countOf", () => {
  it.each<[value: number, noun: string, counted: string]>([
    [0, "row", "0 rows"],
    [1, "row", "1 row"],
    [2, "row", "2 rows"],
    [12_345, "row", "12,345 rows"],
    [1, "cell", "1 cell"],
  ])("%i %s → %s", (value, noun, counted) => {
    expect(countOf(value, noun)).toBe(counted);
    expect(counted.startsWith(formatCount(value))).toBe(true);
  });
});
