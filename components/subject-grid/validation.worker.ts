/// <reference lib="webworker" />
// Validates rows off the main thread, so a 100,000-row paste never freezes the page.
import type { GridCells } from "@/lib/import/grid-fields";
import {
  type ColumnProfile,
  type ImportOptions,
  type RowVerdict,
  verdictOfRow,
} from "@/lib/import/validate-grid";

export interface ValidationRequest {
  jobId: number;
  rows: GridCells[];
  profile: ColumnProfile;
  options: ImportOptions;
}
export interface ValidationReply {
  jobId: number;
  verdicts: RowVerdict[];
}

self.onmessage = (event: MessageEvent<ValidationRequest>) => {
  const { jobId, rows, profile, options } = event.data;
  const reply: ValidationReply = { jobId, verdicts: rows.map((row) => verdictOfRow(row, profile, options)) };
  self.postMessage(reply);
};
