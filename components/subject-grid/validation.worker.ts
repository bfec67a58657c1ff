/// <reference lib="webworker" />
// Validates rows off the main thread, so a 100,000-row paste never freezes the page.
import type { GridCells } from "@/lib/import/grid-fields";
import { type RowVerdict, verdictOfRow } from "@/lib/import/validate-grid";

export interface ValidationRequest {
  jobId: number;
  rows: GridCells[];
}
export interface ValidationReply {
  jobId: number;
  verdicts: RowVerdict[];
}

self.onmessage = (event: MessageEvent<ValidationRequest>) => {
  const { jobId, rows } = event.data;
  const reply: ValidationReply = { jobId, verdicts: rows.map(verdictOfRow) };
  self.postMessage(reply);
};
