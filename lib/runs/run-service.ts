/**
 * What the server actions do with runs, free of Next so it can be tested on a real database: check
 * who may touch a run, re-validate every row with the shared schema, store, then hand to the engine.
 */
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/database";
import { describeIssues, subjectSchema } from "@/lib/humanos/schemas";
import { type EngineDeps, engineWorkerId, notifyRowsStored, startSending, stopRetryingHere } from "./engine";
import { getFailedRows } from "./run-queries";
import { claimRunForResume, getRunRecord, markRunStarted, requestCancel } from "./run-store";
import type { FailedRow } from "./run-types";
import { createDraftRun, type RowToStore, storeRowSlice } from "./run-upload-store";

/** Rows per append call: far below the action body limit, and a natural step for upload progress. */
export const MAX_ROWS_PER_APPEND = 1000;
/** The most rows one run may hold. */
export const MAX_ROWS_PER_RUN = 1_000_000;

export type RunErrorCode = "invalid-input" | "unauthorized" | "not-found" | "conflict" | "server-error";
export type RunActionError = { code: RunErrorCode; message: string };
export type RunActionResult<T extends object = object> =
  | ({ ok: true } & T)
  | { ok: false; error: RunActionError };

export interface RunServiceDeps {
  db: Db;
  engine: EngineDeps;
  /** Where rows go, without secrets, as stored on the run. */
  apiTargetLabel: string;
}

const runIdSchema = z.uuid({ error: "Not a run id" });

export const createRunInputSchema = z.object({
  source: z.string().trim().min(1, "Say where the rows come from").max(200),
  parentRunId: runIdSchema.optional(),
  totalRows: z.number().int().min(1, "A run needs at least one row").max(MAX_ROWS_PER_RUN),
});

export const appendRowsInputSchema = z
  .object({
    runId: runIdSchema,
    rows: z
      .array(
        z.object({
          rowIndex: z.number().int().min(0).max(MAX_ROWS_PER_RUN),
          subject: z.unknown(),
          /**
           * Set when the grid holds the row back (invalid there, e.g. a contact repeated in the batch,
           * which no per-row check can see): it is stored as not sent with this reason, never sent.
           */
          heldBack: z.string().trim().min(1).max(2000).optional(),
        }),
      )
      .max(MAX_ROWS_PER_APPEND, `At most ${MAX_ROWS_PER_APPEND} rows per call; send them in slices`),
    /** The last slice: the run then holds every row it will ever hold. */
    last: z.boolean().default(false),
    /**
     * Start sending the draft run once this slice is stored: the first slice's call starts the run
     * itself, instead of a start call of its own one round trip later.
     */
    start: z.boolean().default(false),
  })
  .refine((input) => input.rows.length > 0 || input.last, { message: "No rows to store", path: ["rows"] });

export const runIdInputSchema = z.object({ runId: runIdSchema });

function invalid(error: z.ZodError): { ok: false; error: RunActionError } {
  return { ok: false, error: { code: "invalid-input", message: describeIssues(error) } };
}

function failure(code: RunErrorCode, message: string): { ok: false; error: RunActionError } {
  return { ok: false, error: { code, message } };
}

export async function createRun(
  deps: RunServiceDeps,
  operator: string,
  input: unknown,
): Promise<RunActionResult<{ runId: string }>> {
  const parsed = createRunInputSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  if (parsed.data.parentRunId && !(await getRunRecord(deps.db, parsed.data.parentRunId))) {
    return failure("not-found", "The run being resent no longer exists.");
  }
  const runId = await createDraftRun(deps.db, {
    createdBy: operator,
    source: parsed.data.source,
    apiTarget: deps.apiTargetLabel,
    parentRunId: parsed.data.parentRunId,
    totalRows: parsed.data.totalRows,
  });
  return { ok: true, runId };
}

/** What a row that is not sent is recorded with, so the run still accounts for it. */
function refusedRow(rowIndex: number, subject: unknown, reason: string): RowToStore {
  const candidate =
    typeof subject === "object" && subject !== null ? (subject as Record<string, unknown>) : {};
  return {
    rowIndex,
    refused: {
      input: subject,
      contact: typeof candidate.contact === "string" ? candidate.contact.slice(0, 320) : "",
      internalId: typeof candidate.internalId === "string" ? candidate.internalId.slice(0, 200) : undefined,
      message: `Not sent, invalid — ${reason}`,
    },
  };
}

/** Only the operator who created a run uploads its rows and starts it. */
async function ownedBy(deps: RunServiceDeps, runId: string, operator: string) {
  const run = await getRunRecord(deps.db, runId);
  if (!run) return failure("not-found", "No such run.");
  if (run.createdBy !== operator)
    return failure("unauthorized", "Only the operator who created this run can add rows to it or start it.");
  return undefined;
}

export async function appendRows(
  deps: RunServiceDeps,
  operator: string,
  input: unknown,
): Promise<RunActionResult<{ accepted: number; refused: Array<{ rowIndex: number; message: string }> }>> {
  const parsed = appendRowsInputSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const problem = await ownedBy(deps, parsed.data.runId, operator);
  if (problem) return problem;
  const seen = new Set<number>();
  const rows: RowToStore[] = [];
  const refused: Array<{ rowIndex: number; message: string }> = [];
  for (const row of parsed.data.rows) {
    if (seen.has(row.rowIndex)) return failure("invalid-input", `Row index ${row.rowIndex} sent twice`);
    seen.add(row.rowIndex);
    const subject = subjectSchema.safeParse(row.subject);
    if (subject.success && row.heldBack === undefined)
      rows.push({ rowIndex: row.rowIndex, subject: subject.data });
    else {
      const reason = row.heldBack ?? (subject.success ? "" : describeIssues(subject.error));
      const stored = refusedRow(row.rowIndex, row.subject, reason);
      rows.push(stored);
      if ("refused" in stored) refused.push({ rowIndex: row.rowIndex, message: stored.refused.message });
    }
  }
  const stored = await storeRowSlice(deps.db, parsed.data.runId, rows, { last: parsed.data.last });
  if (!stored.ok) return failure("conflict", stored.reason);
  notifyRowsStored(parsed.data.runId);
  if (parsed.data.start) {
    const started = await startStoredRun(deps, parsed.data.runId);
    if (!started.ok) return started;
  }
  return { ok: true, accepted: rows.length - refused.length, refused };
}

/** Hands a draft run to the engine; only one caller ever starts a run. */
async function startStoredRun(deps: RunServiceDeps, runId: string): Promise<RunActionResult> {
  if (!(await markRunStarted(deps.db, runId, engineWorkerId()))) {
    return failure("conflict", "This run has already started.");
  }
  startSending(deps.engine, runId);
  return { ok: true };
}

export async function startRun(
  deps: RunServiceDeps,
  operator: string,
  input: unknown,
): Promise<RunActionResult> {
  const parsed = runIdInputSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const problem = await ownedBy(deps, parsed.data.runId, operator);
  if (problem) return problem;
  return startStoredRun(deps, parsed.data.runId);
}

export async function cancelRun(deps: RunServiceDeps, input: unknown): Promise<RunActionResult> {
  const parsed = runIdInputSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  if (!(await getRunRecord(deps.db, parsed.data.runId))) return failure("not-found", "No such run.");
  if (!(await requestCancel(deps.db, parsed.data.runId))) {
    return failure("conflict", "This run is not sending, so there is nothing to cancel.");
  }
  stopRetryingHere(parsed.data.runId);
  return { ok: true };
}

export async function resumeRun(deps: RunServiceDeps, input: unknown): Promise<RunActionResult> {
  const parsed = runIdInputSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  if (!(await getRunRecord(deps.db, parsed.data.runId))) return failure("not-found", "No such run.");
  if (!(await claimRunForResume(deps.db, parsed.data.runId, engineWorkerId()))) {
    return failure(
      "conflict",
      "This run is sending already, or every row in it already has Humanos' answer.",
    );
  }
  startSending(deps.engine, parsed.data.runId);
  return { ok: true };
}

export async function loadFailedRows(
  deps: RunServiceDeps,
  input: unknown,
): Promise<RunActionResult<{ rows: FailedRow[] }>> {
  const parsed = runIdInputSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  if (!(await getRunRecord(deps.db, parsed.data.runId))) return failure("not-found", "No such run.");
  return { ok: true, rows: await getFailedRows(deps.db, parsed.data.runId) };
}
