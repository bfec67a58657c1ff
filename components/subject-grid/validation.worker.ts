/// <reference lib="webworker" />
// Reads big pastes and validates rows off the main thread, so a 100,000-row paste never freezes the
// page. Rows arrive as one string; verdicts leave as a typed array plus the few rows with something to say.

import type { PasteTarget } from "@/lib/import/apply-paste";
import { readPastedText } from "@/lib/import/apply-paste";
import { findBatchDuplicates } from "@/lib/import/batch-duplicates";
import type { CellErrors, GridCells } from "@/lib/import/grid-fields";
import {
  type PasteSummary,
  pasteIntoBlankGrid,
  splitForTwoWorkers,
} from "@/lib/import/paste-into-blank-grid";
import {
  type ColumnProfile,
  type ImportOptions,
  profileColumns,
  verdictOfRow,
} from "@/lib/import/validate-grid";
import { warmUpRows, warmUpValidation } from "@/lib/import/warm-up";
import {
  decodeRows,
  type EncodedPaste,
  type EncodedRows,
  type EncodedVerdicts,
  encodePaste,
  encodeRows,
  encodeVerdicts,
} from "@/lib/import/worker-transport";

/**
 * A paste into an empty grid is read by both workers at once (the same pure function gives both the
 * same rows; reading costs less than passing rows from one to the other): the "first" sends the rows
 * to the page, finds the repeats and checks the rows before the split, the "second" checks the rest.
 * "alone" (a one-worker pool) does all of it.
 */
export type PasteRole = "first" | "second" | "alone";

export type ValidationRequest =
  | { jobId: number; type: "warm-up"; options: ImportOptions }
  | { jobId: number; type: "paste"; text: string }
  | {
      jobId: number;
      type: "paste-validate";
      text: string;
      target: PasteTarget;
      blankRowCount: number;
      options: ImportOptions;
      /** Both workers read the same text into the same rows; see PasteRole. */
      role: PasteRole;
    }
  | { jobId: number; type: "profile"; rows: EncodedRows }
  | { jobId: number; type: "validate"; rows: EncodedRows; profile: ColumnProfile; options: ImportOptions };

export type ValidationReply =
  | { jobId: number; type: "warm-up" }
  | { jobId: number; type: "paste"; pasted: EncodedPaste }
  /** A paste-validate's rows, from the "first" worker, as soon as they are placed… */
  | { jobId: number; type: "paste-rows"; summary: PasteSummary; profile: ColumnProfile; rows: EncodedRows }
  /** …then each worker's verdicts for its share; the "first" adds the repeats among all the rows. */
  | {
      jobId: number;
      type: "paste-verdicts";
      verdicts: EncodedVerdicts;
      duplicates: Array<[number, CellErrors]>;
    }
  | { jobId: number; type: "profile"; profile: ColumnProfile; duplicates: Array<[number, CellErrors]> }
  | { jobId: number; type: "validate"; verdicts: EncodedVerdicts };

function post(reply: ValidationReply, transfer: Transferable[] = []): void {
  self.postMessage(reply, transfer);
}

function postVerdicts(
  jobId: number,
  rows: readonly GridCells[],
  profile: ColumnProfile,
  options: ImportOptions,
): void {
  const verdicts = encodeVerdicts(rows.map((row) => verdictOfRow(row, profile, options)));
  post({ jobId, type: "validate", verdicts }, [verdicts.kinds.buffer]);
}

/** Rows per warm-up slice: a paste that arrives during the warm-up waits for one slice (~20 ms), not all. */
const WARM_UP_SLICE_ROWS = 250;

async function warmUpInSlices(options: ImportOptions): Promise<void> {
  const rows = warmUpRows();
  for (let start = 0; start < rows.length; start += WARM_UP_SLICE_ROWS) {
    warmUpValidation(options, rows.slice(start, start + WARM_UP_SLICE_ROWS));
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

self.onmessage = (event: MessageEvent<ValidationRequest>) => {
  const request = event.data;
  const { jobId } = request;
  switch (request.type) {
    case "warm-up":
      return void warmUpInSlices(request.options).then(() => post({ jobId, type: "warm-up" }));
    case "paste":
      return post({ jobId, type: "paste", pasted: encodePaste(readPastedText(request.text)) });
    case "paste-validate": {
      const { role, options } = request;
      const { rows, summary, profile } = pasteIntoBlankGrid(
        request.text,
        request.target,
        request.blankRowCount,
      );
      const split = role === "alone" ? rows.length : splitForTwoWorkers(rows.length);
      const share = role === "second" ? rows.slice(split) : rows.slice(0, split);
      let duplicates: Array<[number, CellErrors]> = [];
      if (role !== "second") {
        post({ jobId, type: "paste-rows", summary, profile, rows: encodeRows(rows) });
        duplicates = [...findBatchDuplicates(rows, { rememberKeys: false })];
      }
      const verdicts = encodeVerdicts(share.map((row) => verdictOfRow(row, profile, options)));
      return post({ jobId, type: "paste-verdicts", verdicts, duplicates }, [verdicts.kinds.buffer]);
    }
    case "profile": {
      const rows = decodeRows(request.rows);
      return post({
        jobId,
        type: "profile",
        profile: profileColumns(rows),
        duplicates: [...findBatchDuplicates(rows, { rememberKeys: false })],
      });
    }
    case "validate":
      return postVerdicts(jobId, decodeRows(request.rows), request.profile, request.options);
  }
};
