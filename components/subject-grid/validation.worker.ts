/// <reference lib="webworker" />
// Reads big pastes and validates rows off the main thread, so a 100,000-row paste never freezes the
// page. Rows arrive as one string; verdicts leave as a typed array plus the few rows with something to say.

import { readPastedText } from "@/lib/import/apply-paste";
import { findBatchDuplicates } from "@/lib/import/batch-duplicates";
import type { CellErrors } from "@/lib/import/grid-fields";
import {
  type ColumnProfile,
  type ImportOptions,
  profileColumns,
  verdictOfRow,
} from "@/lib/import/validate-grid";
import {
  decodeRows,
  type EncodedPaste,
  type EncodedRows,
  type EncodedVerdicts,
  encodePaste,
  encodeVerdicts,
} from "@/lib/import/worker-transport";

export type ValidationRequest =
  | { jobId: number; type: "paste"; text: string }
  | { jobId: number; type: "profile"; rows: EncodedRows }
  | { jobId: number; type: "validate"; rows: EncodedRows; profile: ColumnProfile; options: ImportOptions };

export type ValidationReply =
  | { jobId: number; type: "paste"; pasted: EncodedPaste }
  | { jobId: number; type: "profile"; profile: ColumnProfile; duplicates: Array<[number, CellErrors]> }
  | { jobId: number; type: "validate"; verdicts: EncodedVerdicts };

self.onmessage = (event: MessageEvent<ValidationRequest>) => {
  const request = event.data;
  if (request.type === "paste") {
    const reply: ValidationReply = {
      jobId: request.jobId,
      type: "paste",
      pasted: encodePaste(readPastedText(request.text)),
    };
    self.postMessage(reply);
    return;
  }
  const rows = decodeRows(request.rows);
  if (request.type === "profile") {
    // The worker holding every row also finds the repeats, so the page does not have to.
    const reply: ValidationReply = {
      jobId: request.jobId,
      type: "profile",
      profile: profileColumns(rows),
      duplicates: [...findBatchDuplicates(rows)],
    };
    self.postMessage(reply);
    return;
  }
  const verdicts = encodeVerdicts(rows.map((row) => verdictOfRow(row, request.profile, request.options)));
  const reply: ValidationReply = { jobId: request.jobId, type: "validate", verdicts };
  self.postMessage(reply, [verdicts.kinds.buffer]);
};
