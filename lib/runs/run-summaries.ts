/**
 * Reading runs back as summaries (state, counts per status, what Resume would send) for progress,
 * a run's page and the history. The counts come from the chunks' counters, not row by row.
 */
import "server-only";
import { count, desc, eq, sql } from "drizzle-orm";
import { type Db, queryRows } from "@/lib/db/database";
import { runs } from "@/lib/db/schema";
import { NOT_SENT, statusFromKey } from "@/lib/humanos/statuses";
import { progressOf, type RunProgress, type RunSummary } from "./run-types";

type RunRow = typeof runs.$inferSelect;

function toSummary(run: RunRow, { counts, resumableRows, cancelledRows }: RunCounts): RunSummary {
  const statusCounts = counts
    .map((entry) => ({ status: statusFromKey(entry.status), count: entry.count }))
    .sort((left, right) => String(left.status).localeCompare(String(right.status), "en", { numeric: true }));
  return {
    id: run.id,
    createdAt: run.createdAt.toISOString(),
    createdBy: run.createdBy,
    source: run.source,
    apiTarget: run.apiTarget,
    parentRunId: run.parentRunId,
    state: run.state,
    totalRows: run.totalRows,
    rowsNotReceived: run.rowsNotReceived,
    lastRowReceived: run.receivedThrough + 1,
    uploadComplete: run.uploadComplete,
    startedAt: run.startedAt?.toISOString() ?? null,
    resumedAt: run.resumedAt?.toISOString() ?? null,
    rowsDoneAtResume: run.rowsDoneAtResume,
    finishedAt: run.finishedAt?.toISOString() ?? null,
    counts: statusCounts,
    doneRows: statusCounts.reduce((sum, entry) => sum + entry.count, 0),
    resumableRows,
    cancelledRows,
  };
}

interface RunCounts {
  counts: Array<{ status: string; count: number }>;
  resumableRows: number;
  cancelledRows: number;
}

/**
 * Per run: rows with an outcome per status, and rows in chunks without a recorded answer (what
 * Resume would send), added up from the chunks' counters (≤ 1,000 per 100,000 rows) and the
 * run's refused rows, not counted row by row.
 */
async function countsByRun(db: Db, runIds: readonly string[]): Promise<Map<string, RunCounts>> {
  const byRun = new Map<string, RunCounts>();
  if (runIds.length === 0) return byRun;
  const ids = sql.join(
    runIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  // One statement (progress is read every second while a run is live): each extra one costs more
  // in PGlite's protocol round trips than the summing itself.
  const rows = await queryRows<{
    run_id: string;
    refused_rows: number;
    resumable: number;
    cancelled: number;
    counts: Record<string, number>;
  }>(
    db,
    sql`SELECT r.id AS run_id, r.refused_rows,
          coalesce((SELECT sum(c.row_count) FILTER (WHERE c.state <> 'answered')
                    FROM run_chunks c WHERE c.run_id = r.id), 0)::int AS resumable,
          coalesce((SELECT sum(c.row_count) FILTER (WHERE c.state = 'cancelled')
                    FROM run_chunks c WHERE c.run_id = r.id), 0)::int AS cancelled,
          coalesce((SELECT json_object_agg(s.status, s.rows) FROM (
                      SELECT e.key AS status, sum(e.value::int)::int AS rows
                      FROM run_chunks c, jsonb_each_text(c.status_counts) e
                      WHERE c.run_id = r.id AND c.status_counts IS NOT NULL
                      GROUP BY e.key) s), '{}'::json) AS counts
        FROM runs r WHERE r.id IN (${ids})`,
  );
  for (const row of rows) {
    const counts = Object.entries(row.counts).map(([status, count]) => ({ status, count }));
    if (row.refused_rows > 0) {
      const notSent = counts.find((count) => count.status === NOT_SENT);
      if (notSent) notSent.count += row.refused_rows;
      else counts.push({ status: NOT_SENT, count: row.refused_rows });
    }
    byRun.set(row.run_id, { counts, resumableRows: row.resumable, cancelledRows: row.cancelled });
  }
  return byRun;
}

const NO_COUNTS: RunCounts = { counts: [], resumableRows: 0, cancelledRows: 0 };

export async function getRunSummary(db: Db, runId: string): Promise<RunSummary | undefined> {
  const [run] = await db.select().from(runs).where(eq(runs.id, runId));
  if (!run) return undefined;
  return toSummary(run, (await countsByRun(db, [runId])).get(runId) ?? NO_COUNTS);
}

export async function getRunProgress(db: Db, runId: string): Promise<RunProgress | undefined> {
  const summary = await getRunSummary(db, runId);
  return summary ? progressOf(summary, new Date()) : undefined;
}

export async function listRuns(
  db: Db,
  page: { offset: number; limit: number },
): Promise<{ runs: RunSummary[]; total: number }> {
  const [list, [total]] = await Promise.all([
    db.select().from(runs).orderBy(desc(runs.createdAt), desc(runs.id)).offset(page.offset).limit(page.limit),
    db.select({ value: count() }).from(runs),
  ]);
  const counts = await countsByRun(
    db,
    list.map((run) => run.id),
  );
  return {
    runs: list.map((run) => toSummary(run, counts.get(run.id) ?? NO_COUNTS)),
    total: total?.value ?? 0,
  };
}
