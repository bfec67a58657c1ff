/**
 * The status catalogue: every per-row outcome the console can show, with its label, meaning and
 * tone. The results table, the legend, exports and tests all read this one table.
 */

/** A row that never got an answer from the API. */
export const NOT_SENT = "not-sent" as const;
export type RowStatus = number | typeof NOT_SENT;

export type StatusTone =
  | "success"
  | "unchanged"
  | "invalid"
  | "country"
  | "repeated"
  | "conflict"
  | "identity-exists"
  | "unexpected"
  | "muted";

export interface StatusInfo {
  /** The key shown in data-status and exports: the numeric code, or "not-sent". */
  key: string;
  label: string;
  meaning: string;
  tone: StatusTone;
  isSuccess: boolean;
  /** What the operator should do about a row with this status. */
  nextStep: string;
}

const KNOWN_STATUSES: Record<number, Omit<StatusInfo, "key">> = {
  200: {
    label: "Created / updated",
    meaning: "Humanos created the subject, or updated it with the data sent.",
    tone: "success",
    isSuccess: true,
    nextStep: "Nothing to do.",
  },
  201: {
    label: "Already up to date",
    meaning: "The subject already existed with exactly this data; nothing changed.",
    tone: "unchanged",
    isSuccess: true,
    nextStep: "Nothing to do.",
  },
  400: {
    label: "Invalid data",
    meaning: "Humanos rejected the subject's data; the message says why.",
    tone: "invalid",
    isSuccess: false,
    nextStep: "Correct the row and resend it.",
  },
  402: {
    label: "Unknown country",
    meaning: "The identity's countryAlpha3 is not an ISO 3166-1 alpha-3 code Humanos knows.",
    tone: "country",
    isSuccess: false,
    nextStep: "Use a three-letter ISO code (e.g. PRT) and resend.",
  },
  407: {
    label: "Contact repeated in batch",
    meaning: "The same contact appeared more than once in one request.",
    tone: "repeated",
    isSuccess: false,
    nextStep: "Keep one row per contact and resend.",
  },
  408: {
    label: "Identity repeated in batch",
    meaning: "The same identity (document and country) appeared more than once in one request.",
    tone: "repeated",
    isSuccess: false,
    nextStep: "Keep one row per identity and resend.",
  },
  409: {
    label: "Identity belongs to another user",
    meaning: "This document and country are already registered to a different contact.",
    tone: "conflict",
    isSuccess: false,
    nextStep: "Check the document number or the contact; one of them is wrong.",
  },
  410: {
    label: "User already has an identity for this country",
    meaning: "This contact already holds a different identity for the same country.",
    tone: "identity-exists",
    isSuccess: false,
    nextStep: "Check the document number; Humanos keeps one identity per country.",
  },
};

const NOT_SENT_INFO: StatusInfo = {
  key: NOT_SENT,
  label: "Not sent",
  meaning: "The row was not delivered to Humanos (invalid, cancelled, or its request failed).",
  tone: "muted",
  isSuccess: false,
  nextStep: "Read the message, fix the row if needed, and send it again.",
};

/** Every status in display order, for legends and filters. */
export const CATALOGUED_STATUSES: readonly RowStatus[] = [200, 201, 400, 402, 407, 408, 409, 410, NOT_SENT];

export function describeStatus(status: RowStatus): StatusInfo {
  if (status === NOT_SENT) return NOT_SENT_INFO;
  const known = KNOWN_STATUSES[status];
  if (known) return { key: String(status), ...known };
  const isSuccess = status >= 200 && status < 300;
  return {
    key: String(status),
    label: isSuccess ? `Accepted (code ${status})` : `Unexpected answer (code ${status})`,
    meaning: isSuccess
      ? "Humanos answered with a success code this console does not know."
      : "Humanos answered with a code outside its documented list; the message is shown as received.",
    tone: isSuccess ? "success" : "unexpected",
    isSuccess,
    nextStep: isSuccess ? "Nothing to do." : "Read the message; contact Humanos support if it is unclear.",
  };
}

export function statusKey(status: RowStatus): string {
  return status === NOT_SENT ? NOT_SENT : String(status);
}

/** The inverse of statusKey: "409" → 409, "not-sent" (or anything that is not a code) → not sent. */
export function statusFromKey(key: string): RowStatus {
  return /^\d+$/.test(key) ? Number(key) : NOT_SENT;
}

/** The keys of the statuses that count as success (200, 201), for filters that run in SQL. */
export const SUCCESS_STATUS_KEYS: readonly string[] = CATALOGUED_STATUSES.filter(
  (status) => describeStatus(status).isSuccess,
).map(statusKey);
