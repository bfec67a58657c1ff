/** Runs the results-export tests make files of: complete, cut short, still sending, and their notes. */
import type { ExportedRun } from "./results-export";

/** A run whose every row reached the server and got its answer. */
export const COMPLETE: ExportedRun = {
  id: "run-complete",
  state: "completed",
  totalRows: 4,
  rowsNotReceived: 0,
  lastRowReceived: 4,
  uploadComplete: true,
  doneRows: 4,
};
/** A run whose tab closed after 3,100 of its 30,000 rows were saved. */
export const CUT_SHORT: ExportedRun = {
  id: "run-cut-short",
  state: "completed",
  totalRows: 3100,
  rowsNotReceived: 26_900,
  lastRowReceived: 3100,
  uploadComplete: true,
  doneRows: 3100,
};
/** A run still sending: 1,200 of its 3,000 rows answered, every row uploaded. */
export const SENDING: ExportedRun = {
  id: "run-sending",
  state: "running",
  totalRows: 3000,
  rowsNotReceived: 0,
  lastRowReceived: 3000,
  uploadComplete: true,
  doneRows: 1200,
};
export const SENDING_NOTE =
  "IN PROGRESS: the run was still sending when this file was made. 1,200 of 3,000 rows had an answer and 1,800 were still waiting, not in this file. Export again once the run has finished for every answer.";
export const CUT_SHORT_NOTE =
  "INCOMPLETE: 26,900 of 30,000 rows never reached the server (the upload stopped after row 3,100). They were not sent and are not in this file. Paste or load the rows after row 3,100 again and press Create subjects to send them.";
