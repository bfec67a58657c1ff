import { describeStatus, statusKey } from "@/lib/humanos/statuses";
import type { FailedRow } from "@/lib/runs/run-types";

/**
 * A failed row's last outcome as the grid's Problems column shows it after "Last run:", with its row
 * number in that run, so the operator can find it in the spreadsheet it came from (the grid numbers
 * the rows it loads back from 1). Humanos'
 * own answer says so ("Humanos answered 409 (Identity belongs to another user): …"); a row never
 * sent, or sent without a usable answer, got nothing from Humanos, and its stored message already
 * says what happened ("Not sent, invalid — …", "No usable answer after 5 attempts …").
 */
export function answerText(row: Pick<FailedRow, "rowIndex" | "status" | "message">): string {
  return `Row ${(row.rowIndex + 1).toLocaleString("en-US")} — ${outcomeText(row)}`;
}

function outcomeText(row: Pick<FailedRow, "status" | "message">): string {
  const key = statusKey(row.status);
  if (key !== "not-sent")
    return `Humanos answered ${key} (${describeStatus(row.status).label}): ${row.message}`;
  return /^not sent\b/i.test(row.message) ? row.message : `Not sent, or no answer: ${row.message}`;
}
