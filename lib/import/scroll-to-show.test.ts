import { describe, expect, it } from "vitest";
import { scrollOffsetToShow } from "./scroll-to-show";

describe("scrollOffsetToShow", () => {
  // A view 650 px wide over 1,236 px of columns (a 700 px window): cells of 136 px from 56.
  it.each<[string, { start: number; end: number }, number, number]>([
    ["shown whole: unchanged", { start: 192, end: 328 }, 0, 0],
    ["shown whole, view scrolled: unchanged", { start: 600, end: 736 }, 300, 300],
    ["touching the right edge exactly: unchanged", { start: 514, end: 650 }, 0, 0],
    ["cut by the right edge: its end at the edge", { start: 600, end: 736 }, 0, 86],
    ["past the right edge: its end at the edge", { start: 872, end: 1192 }, 86, 542],
    ["cut by the left edge: its start at the edge", { start: 56, end: 192 }, 100, 56],
    ["past the left edge: its start at the edge", { start: 56, end: 192 }, 542, 56],
    ["wider than the view: its start", { start: 100, end: 900 }, 0, 100],
  ])("%s", (_name, span, offset, expected) => {
    expect(scrollOffsetToShow(span, { offset, size: 650 })).toBe(expected);
  });
});
