import { describe, expect, it } from "vitest";
import type { RunState } from "@/lib/runs/run-types";
import { exportHint } from "./export-hint";

const SO_FAR = "a file exported now holds the answers so far, not every row, and says so in its first line.";

describe("what the run screens say beside Export", () => {
  it.each<[RunState, boolean, string | null]>([
    ["running", true, `This run is still going on: ${SO_FAR}`],
    ["running", false, `This run is still going on: ${SO_FAR}`],
    ["cancelling", true, `This run is still going on: ${SO_FAR}`],
    ["draft", false, `This run has not started sending yet: ${SO_FAR}`],
    ["cancelled", false, `This run is still going on: ${SO_FAR}`],
    ["completed", true, null],
    ["cancelled", true, null],
    ["interrupted", true, null],
  ])("%s, upload complete %s", (state, uploadComplete, expected) => {
    expect(exportHint({ state, uploadComplete })).toBe(expected);
  });
});
