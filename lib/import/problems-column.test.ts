import { describe, expect, it } from "vitest";
import {
  nothingToListSentence,
  problemsCellName,
  type RowCheckState,
  rowCheckState,
} from "./problems-column";
import type { RowVerdict } from "./validate-grid";

const VALID: RowVerdict = { kind: "valid", sent: {}, warnings: [] };
const INVALID: RowVerdict = { kind: "invalid", errors: { contact: "Not an e-mail" }, sent: {}, warnings: [] };

describe("rowCheckState", () => {
  it.each<[string, RowVerdict | undefined, number, RowCheckState]>([
    ["no verdict yet (the grid is still checking it)", undefined, 0, "being-checked"],
    ["no verdict yet, but a last run's answer to list", undefined, 1, "something-to-list"],
    ["blank", { kind: "blank" }, 0, "empty"],
    ["valid, nothing to list", VALID, 0, "no-problems"],
    ["valid with a warning", VALID, 1, "something-to-list"],
    ["invalid", INVALID, 1, "something-to-list"],
  ])("%s → %s", (_name, verdict, lineCount, state) => {
    expect(rowCheckState(verdict, lineCount)).toBe(state);
  });
});

describe("what the Problems cell says when it has nothing to list", () => {
  it.each<[RowCheckState, string | undefined, string | undefined]>([
    ["being-checked", "Still being checked", "Row 7 is still being checked."],
    ["empty", "Empty row", "Row 7 is empty."],
    ["no-problems", "No problems", "Row 7 has no problems."],
    ["something-to-list", undefined, undefined],
  ])("%s → its name %o, Enter says %o", (state, name, sentence) => {
    expect(problemsCellName(state)).toBe(name);
    if (state !== "something-to-list") expect(nothingToListSentence(7, state)).toBe(sentence);
  });
});
