import { describe, expect, it } from "vitest";
import { NOT_SENT } from "@/lib/humanos/statuses";
import type { FailedRow } from "@/lib/runs/run-types";
import { answerText } from "./answer-text";

/**
 * What a row loaded back by "Edit failed rows" shows of its last run, after "Last run:". A row that was
 * never sent got no answer from Humanos: its line must not say Humanos answered, nor "Not sent" twice.
 */
describe("answerText", () => {
  it.each<[string, Pick<FailedRow, "rowIndex" | "status" | "message">, string]>([
    [
      "an item Humanos refused",
      { rowIndex: 6, status: 409, message: "Identity belongs to another user" },
      "Row 7 — Humanos answered 409 (Identity belongs to another user): Identity belongs to another user",
    ],
    [
      "a code outside the catalogue",
      { rowIndex: 13, status: 401, message: "invalid identity" },
      "Row 14 — Humanos answered 401 (Unexpected answer (code 401)): invalid identity",
    ],
    [
      "a row the console held back as invalid",
      {
        rowIndex: 20,
        status: NOT_SENT,
        message: "Not sent, invalid — Contact (e-mail or phone): Not a valid e-mail address",
      },
      "Row 21 — Not sent, invalid — Contact (e-mail or phone): Not a valid e-mail address",
    ],
    [
      "a row of a cancelled run",
      {
        rowIndex: 27,
        status: NOT_SENT,
        message: "Not sent: the run was cancelled before this row's request started.",
      },
      "Row 28 — Not sent: the run was cancelled before this row's request started.",
    ],
    [
      "a row whose request got no usable answer",
      { rowIndex: 34, status: NOT_SENT, message: "No usable answer after 5 attempts (last: HTTP 503)." },
      "Row 35 — Not sent, or no answer: No usable answer after 5 attempts (last: HTTP 503).",
    ],
    [
      "a row of a request Humanos refused whole",
      {
        rowIndex: 73_399,
        status: NOT_SENT,
        message: "Humanos refused the request (HTTP 401). Nothing in it was processed",
      },
      "Row 73,400 — Not sent, or no answer: Humanos refused the request (HTTP 401). Nothing in it was processed",
    ],
  ])("%s", (_name, row, expected) => {
    expect(answerText(row)).toBe(expected);
  });
});
