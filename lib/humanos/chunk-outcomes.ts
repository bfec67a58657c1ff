/**
 * Turns the outcome of one chunk's request into per-row results. Every message says what happened
 * and what the operator should do, because it is shown next to the row as-is.
 */
import type { RowResult } from "./results";
import type { Feedback, Subject } from "./schemas";
import { NOT_SENT } from "./statuses";

export interface SubjectRow {
  /** 0-based position of the row in the operator's input. */
  rowIndex: number;
  subject: Subject;
}

/** What a row's result needs besides the answer: where the row is, and whom it is about. */
export interface RowRef {
  rowIndex: number;
  contact: string;
  internalId?: string;
}

export function rowRefOf(row: SubjectRow): RowRef {
  return { rowIndex: row.rowIndex, contact: row.subject.contact, internalId: row.subject.internalId };
}

type NotSentFailure = "rejected" | "no-answer" | "cancelled";

const RESEND_IS_SAFE = "The outcome is unknown; resending is safe because Humanos upserts by contact.";

function baseResult(
  row: RowRef,
  attempts: number,
): Pick<RowResult, "rowIndex" | "contact" | "internalId" | "attempts"> {
  return { rowIndex: row.rowIndex, contact: row.contact, internalId: row.internalId, attempts };
}

/** The API answers item i for subject i, so position is the only join key needed. */
export function answeredRows(
  rows: readonly RowRef[],
  feedback: readonly Feedback[],
  attempts: number,
): RowResult[] {
  return rows.map((row, index) => {
    const item = feedback[index];
    return {
      ...baseResult(row, attempts),
      status: item?.status ?? NOT_SENT,
      message: item?.message ?? "",
      did: item?.user?.did,
    };
  });
}

export function notSentRows(
  rows: readonly RowRef[],
  reason: NotSentFailure,
  message: string,
  attempts: number,
): RowResult[] {
  return rows.map((row) => ({
    ...baseResult(row, attempts),
    status: NOT_SENT,
    notSentReason: reason,
    message,
  }));
}

export function cancelledRows(rows: readonly RowRef[]): RowResult[] {
  return notSentRows(
    rows,
    "cancelled",
    "Not sent: the import was cancelled before this row's request started. Send it again when ready.",
    0,
  );
}

const REFUSAL_ADVICE: Record<number, string> = {
  400: "the request itself was malformed, which points to a console and API mismatch (check the API version setting); resending it unchanged will fail again.",
  401: "check the API key and signing secret, and that this server's clock is right.",
  403: "the API key is not allowed to create users; check its permissions with Humanos.",
  404: "check the Humanos API URL and API version settings.",
};

function refusalAdvice(status: number): string {
  if (status >= 300 && status < 400) return "check the Humanos API URL; it points at a redirect.";
  return (
    REFUSAL_ADVICE[status] ??
    "resending it unchanged will fail again; contact Humanos support if it persists."
  );
}

/** `detail` reads like "401 Unauthorized: Invalid signature". */
export function refusedMessage(status: number, detail: string): string {
  return `Humanos refused the request (${detail}). Nothing in it was processed; ${refusalAdvice(status)}`;
}

export function exhaustedMessage(attempts: number, lastFailure: string): string {
  const tries = attempts === 1 ? "1 attempt" : `${attempts} attempts`;
  return `No usable answer after ${tries} (last: ${lastFailure}). ${RESEND_IS_SAFE}`;
}

export function cancelledInFlightMessage(attempt: number): string {
  return `Cancelled while waiting for Humanos' answer to attempt ${attempt}. ${RESEND_IS_SAFE}`;
}

export function cancelledWhileWaitingMessage(attempts: number, lastFailure: string): string {
  return `Cancelled while waiting to retry after ${attempts} failed attempt${attempts === 1 ? "" : "s"} (last: ${lastFailure}). ${RESEND_IS_SAFE}`;
}

export function crashedMessage(error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  return `The console failed while sending this row's request (${reason}). ${RESEND_IS_SAFE}`;
}
