/**
 * Housekeeping that keeps the run history truthful when processes die, browsers close and time
 * passes. Runs at start-up and then every SWEEP_INTERVAL_MS (instrumentation.ts).
 */
import "server-only";
import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/database";
import { type RunState, runs, sandboxIdempotency } from "@/lib/db/schema";
import { STALE_HEARTBEAT_MS } from "./engine";
import { markInterruptedRuns } from "./run-store";
import { closeAbandonedUpload } from "./run-upload-store";

export const SWEEP_INTERVAL_MS = 30_000;
/**
 * A draft nobody has added rows to or started for this long was abandoned (the tab closed
 * mid-upload); so was the upload of a stopped run that received no row for this long.
 */
export const ABANDONED_UPLOAD_MS = 10 * 60_000;

/** States in which no sender will ever close the run's upload (the engine closes a live run's). */
const STOPPED_STATES: readonly RunState[] = ["cancelled", "completed", "interrupted"];
/** How long the sandbox replays a completed Idempotency-Key (Stripe keeps keys for 24 hours). */
export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60_000;

export interface SweepReport {
  interrupted: number;
  abandonedDrafts: number;
  /** Uploads of stopped runs closed because their rows stopped coming. */
  abandonedUploads: number;
  expiredIdempotencyKeys: number;
}

/**
 * `atStartUp` with an embedded database: this process owns the data folder, so every live run was
 * left by a dead one. Otherwise only runs whose sender stopped beating are.
 */
export async function sweepRuns(
  db: Db,
  options: { atStartUp: boolean; embedded: boolean },
): Promise<SweepReport> {
  const now = Date.now();
  const interrupted = await markInterruptedRuns(
    db,
    options.atStartUp && options.embedded ? undefined : new Date(now - STALE_HEARTBEAT_MS),
  );
  // An abandoned draft keeps the rows it received, becomes resumable, and so is never lost.
  const drafts = await db
    .select({ id: runs.id })
    .from(runs)
    .where(and(eq(runs.state, "draft"), lt(runs.createdAt, new Date(now - ABANDONED_UPLOAD_MS))));
  for (const draft of drafts) {
    await closeAbandonedUpload(db, draft.id);
    await db
      .update(runs)
      .set({ state: "interrupted", startedAt: sql`coalesce(${runs.startedAt}, now())` })
      .where(and(eq(runs.id, draft.id), eq(runs.state, "draft")));
  }
  // A run stopped (cancelled, say) while its rows were still arriving, whose browser then went away:
  // its upload is closed the same way, so the rows that never came are recorded and Resume can take
  // it. Idle since its last row arrived (rows come in row order), or since it was created.
  const cutoff = new Date(now - ABANDONED_UPLOAD_MS).toISOString();
  const stopped = await db
    .select({ id: runs.id })
    .from(runs)
    .where(
      and(
        inArray(runs.state, [...STOPPED_STATES]),
        eq(runs.uploadComplete, false),
        sql`coalesce((SELECT r.created_at FROM run_rows r WHERE r.run_id = ${runs.id}
                      ORDER BY r.row_index DESC LIMIT 1), ${runs.createdAt}) < ${cutoff}`,
      ),
    );
  for (const run of stopped) await closeAbandonedUpload(db, run.id);
  const expired = await db
    .delete(sandboxIdempotency)
    .where(lt(sandboxIdempotency.createdAt, new Date(now - IDEMPOTENCY_RETENTION_MS)))
    .returning({ key: sandboxIdempotency.idempotencyKey });
  return {
    interrupted,
    abandonedDrafts: drafts.length,
    abandonedUploads: stopped.length,
    expiredIdempotencyKeys: expired.length,
  };
}
