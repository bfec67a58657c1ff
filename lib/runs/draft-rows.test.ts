/**
 * A draft's rows on the run screens, on a real database (PGlite, and PostgreSQL when
 * TEST_DATABASE_URL is set): while the browser is still uploading them nothing has been sent, so
 * they are waiting for an answer, as a live run's unanswered rows are — not listed as rows the run
 * stopped without an answer, and not counted as "not sent".
 */
import { beforeEach, expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/db/database.test-support";
import { NOT_SENT } from "@/lib/humanos/statuses";
import { countsAsListed, rowsMatching } from "./run-counts";
import { getFailedRows, getRunRows } from "./run-queries";
import { appendRows, type RunServiceDeps } from "./run-service";
import { runServiceHarness } from "./run-service.test-support";
import { getRunSummary } from "./run-summaries";

const harness = runServiceHarness();

describeEachDatabase("a draft's rows", (use) => {
  let deps: RunServiceDeps;
  beforeEach(async () => {
    ({ deps } = await harness.reset(use()));
  });
  const { subjects, draft } = harness;

  it("are waiting while the upload goes on: only the rows refused on arrival are listed", async () => {
    // 150 of 300 rows stored, one of them refused by the server's re-validation; not started yet.
    const runId = await draft(300);
    const stored = await appendRows(deps, "alice", {
      runId,
      rows: [...subjects(149), { rowIndex: 149, subject: { contact: "" } }],
    });
    expect(stored).toMatchObject({ ok: true, accepted: 149 });
    const summary = await getRunSummary(deps.db, runId);
    if (!summary) throw new Error("no such run");
    expect(summary).toMatchObject({ state: "draft", uploadComplete: false });

    for (const filter of ["all", "failed", NOT_SENT] as const) {
      const page = await getRunRows(deps.db, runId, { filter, offset: 0, limit: 500 });
      expect(page.rows.map((row) => [row.rowIndex, row.notSentReason])).toStrictEqual([[149, "invalid"]]);
      expect(page.total).toBe(1);
      expect(rowsMatching(summary, filter)).toBe(1);
    }
    // The counts beside the filter and the summary: one row not sent, nothing else yet.
    expect(countsAsListed(summary)).toStrictEqual([{ status: NOT_SENT, count: 1 }]);
    expect((await getFailedRows(deps.db, runId)).map((row) => row.rowIndex)).toStrictEqual([149]);
  });
});
