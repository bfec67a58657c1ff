import type { RowStatus } from "./statuses";

/** Why a row has no answer from the API. */
export type NotSentReason =
  /** the row failed local validation and the operator chose to send only valid rows */
  | "invalid"
  /** the API refused the whole request (e.g. 400 or 401): nothing in it was processed */
  | "rejected"
  /** no usable answer after every retry: the outcome is unknown, resending is safe (upsert) */
  | "no-answer"
  /** the operator cancelled before this row's request was sent */
  | "cancelled";

/** The outcome of one submitted row, keyed by its position in the operator's input. */
export interface RowResult {
  /** 0-based position of the row in the operator's input (grid row or form entry). */
  rowIndex: number;
  contact: string;
  internalId?: string;
  status: RowStatus;
  message: string;
  did?: string;
  notSentReason?: NotSentReason;
  /** How many HTTP attempts the row's request took (0 when never sent). */
  attempts: number;
}
