import { describe, expect, it } from "vitest";
import type { RunUpload } from "@/lib/runs/rows-not-received";
import { type ExportedRun, inProgressNote, neutraliseFormula, notReceivedNote } from "./results-export";
import { COMPLETE, CUT_SHORT, CUT_SHORT_NOTE, SENDING, SENDING_NOTE } from "./results-export.test-support";

describe("notReceivedNote", () => {
  it.each<[string, RunUpload, string | null]>([
    ["every row arrived", COMPLETE, null],
    ["an empty run whose every row arrived", { ...COMPLETE, totalRows: 0, lastRowReceived: 0 }, null],
    ["cut short after row 3,100", CUT_SHORT, CUT_SHORT_NOTE],
    [
      "one row of many missing",
      { totalRows: 9, rowsNotReceived: 1, lastRowReceived: 9 },
      "INCOMPLETE: 1 of 10 rows never reached the server (the upload stopped after row 9). It was not sent and is not in this file. Paste or load the rows after row 9 again and press Create subjects to send them.",
    ],
    [
      "the only row missing",
      { totalRows: 0, rowsNotReceived: 1, lastRowReceived: 0 },
      "INCOMPLETE: 1 of 1 row never reached the server (the upload stopped before the first row was saved). It was not sent and is not in this file. Paste or load the rows again and press Create subjects to send them.",
    ],
    [
      "nothing saved",
      { totalRows: 0, rowsNotReceived: 40, lastRowReceived: 0 },
      "INCOMPLETE: 40 of 40 rows never reached the server (the upload stopped before the first row was saved). They were not sent and are not in this file. Paste or load the rows again and press Create subjects to send them.",
    ],
  ])("%s", (_name, run, expected) => {
    expect(notReceivedNote(run)).toBe(expected);
  });
});

describe("inProgressNote", () => {
  const UPLOADING =
    " The upload was still going on: some of the waiting rows may not have reached the server yet.";
  it.each<[string, Partial<ExportedRun>, string | null]>([
    ["a completed run", { state: "completed", doneRows: 3000 }, null],
    ["a cancelled run", { state: "cancelled", doneRows: 3000 }, null],
    ["an interrupted run with rows to resume", { state: "interrupted", doneRows: 1200 }, null],
    ["a run cut short once it finished", { ...CUT_SHORT }, null],
    ["a run sending", {}, SENDING_NOTE],
    [
      "a run sending while its upload goes on",
      { uploadComplete: false, lastRowReceived: 2000 },
      `IN PROGRESS: the run was still sending when this file was made. 1,200 of 3,000 rows had an answer and 1,800 were still waiting, not in this file.${UPLOADING} Export again once the run has finished for every answer.`,
    ],
    [
      "a run being cancelled",
      { state: "cancelling", doneRows: 2999 },
      "IN PROGRESS: the run was still sending when this file was made. 2,999 of 3,000 rows had an answer and 1 was still waiting, not in this file. Export again once the run has finished for every answer.",
    ],
    [
      "a run whose every row has its answer, not yet finished",
      { doneRows: 3000 },
      "IN PROGRESS: the run was still sending when this file was made. 3,000 of 3,000 rows had an answer. Export again once the run has finished for every answer.",
    ],
    [
      "a draft uploading its rows",
      { state: "draft", uploadComplete: false, doneRows: 0, lastRowReceived: 1000 },
      `IN PROGRESS: the run had not started sending yet when this file was made. 0 of 3,000 rows had an answer and 3,000 were still waiting, not in this file.${UPLOADING} Export again once the run has finished for every answer.`,
    ],
    [
      "a draft of one row, refused",
      { state: "draft", totalRows: 1, doneRows: 1, lastRowReceived: 1 },
      "IN PROGRESS: the run had not started sending yet when this file was made. 1 of 1 row had an answer. Export again once the run has finished for every answer.",
    ],
    [
      "a run cancelled while its rows were still being uploaded",
      { state: "cancelled", uploadComplete: false, doneRows: 1000 },
      "IN PROGRESS: the run's rows were still being uploaded when this file was made. 1,000 of 3,000 rows had an answer and 2,000 were still waiting, not in this file. Export again once the upload has finished for every answer.",
    ],
  ])("%s", (_name, overrides, expected) => {
    expect(inProgressNote({ ...SENDING, ...overrides })).toBe(expected);
  });

  it("starts no formula and splits into no field in a semicolon-separated reading", () => {
    const note = inProgressNote({ ...SENDING, uploadComplete: false }) ?? "";
    expect(note).not.toMatch(/[;\t\r\n]/);
    expect(neutraliseFormula(note)).toBe(note);
  });
});
