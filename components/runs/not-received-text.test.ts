import { describe, expect, it } from "vitest";
import type { RunState } from "@/lib/runs/run-types";
import {
  notReceivedSentence,
  notReceivedSummary,
  rowsGiven,
  type ShownRunState,
  shownRunState,
} from "./not-received-text";
import { RUN_STATE_INFO } from "./run-state";

type Upload = { totalRows: number; rowsNotReceived: number; lastRowReceived: number };

describe("what the run screens say of rows that never reached the server", () => {
  it.each<[string, Upload, number, string | null, string | null]>([
    [
      "an upload that delivered every row",
      { totalRows: 30_000, rowsNotReceived: 0, lastRowReceived: 30_000 },
      30_000,
      null,
      null,
    ],
    [
      "a paste cut short after 3,100 rows",
      { totalRows: 3_100, rowsNotReceived: 26_900, lastRowReceived: 3_100 },
      30_000,
      "26,900 of 30,000 rows never reached the server",
      "26,900 of 30,000 rows never reached the server: the upload stopped after row 3,100. They were not sent: this run's counts and results leave them out. Paste or load the rows after row 3,100 again and press Create subjects to send them.",
    ],
    [
      "one row missing, after blank rows the grid skipped",
      { totalRows: 99, rowsNotReceived: 1, lastRowReceived: 104 },
      100,
      "1 of 100 rows never reached the server",
      "1 of 100 rows never reached the server: the upload stopped after row 104. It was not sent: this run's counts and results leave it out. Paste or load the rows after row 104 again and press Create subjects to send them.",
    ],
    [
      "an upload that stopped before any row was saved",
      { totalRows: 0, rowsNotReceived: 40, lastRowReceived: 0 },
      40,
      "40 of 40 rows never reached the server",
      "40 of 40 rows never reached the server: the upload stopped before the first row was saved. They were not sent: this run's counts and results leave them out. Paste or load the rows again and press Create subjects to send them.",
    ],
  ])("%s", (_case, run, given, summary, sentence) => {
    expect(rowsGiven(run)).toBe(given);
    expect(notReceivedSummary(run)).toBe(summary);
    expect(notReceivedSentence(run)).toBe(sentence);
  });
});

describe("the state a run shows", () => {
  it.each<[RunState, number, ShownRunState]>([
    ["completed", 0, "completed"],
    ["completed", 3_900, "completed-upload-cut-short"],
    ["completed", 1, "completed-upload-cut-short"],
    // These already say the run is not done; its progress says what never arrived.
    ["running", 3_900, "running"],
    ["cancelled", 3_900, "cancelled"],
    ["interrupted", 3_900, "interrupted"],
    ["draft", 0, "draft"],
  ])("%s with %i rows never received shows %s", (state, rowsNotReceived, shown) => {
    expect(shownRunState({ state, rowsNotReceived, uploadComplete: true })).toBe(
      state === "draft" ? "draft-upload-stopped" : shown,
    );
    expect(shownRunState({ state, rowsNotReceived, uploadComplete: false })).toBe(shown);
  });

  it("a draft says its rows are still being uploaded while they are, and that the upload stopped once it has", () => {
    const draft = { state: "draft", rowsNotReceived: 0 } as const;
    expect(RUN_STATE_INFO[shownRunState({ ...draft, uploadComplete: false })].description).toBe(
      "Not started — its rows are still being uploaded; nothing has been sent yet",
    );
    expect(RUN_STATE_INFO[shownRunState({ ...draft, uploadComplete: true })].description).toBe(
      "Not started — its rows were still being saved when the upload stopped; nothing was sent",
    );
  });
});
