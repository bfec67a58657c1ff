/**
 * Migrations that move data: a database written by an earlier release keeps everything it recorded.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import { getRunRows } from "@/lib/runs/run-queries";
import { getRunSummary } from "@/lib/runs/run-summaries";
import { openDatabase } from "./database";
import { MIGRATIONS } from "./migrations";

const RUN_ID = "00000000-0000-4000-8000-000000000001";

/** A run as release 0001 stored it: outcomes (and attempts) on the rows themselves. */
const RELEASE_0001_RUN = `
INSERT INTO runs (id, created_by, source, api_target, state, total_rows, upload_complete, received_through)
  VALUES ('${RUN_ID}', 'alice', 'paste', 'sandbox', 'interrupted', 4, true, 3);
INSERT INTO run_chunks (run_id, chunk_index, idempotency_key, state, row_count, status_counts, attempts) VALUES
  ('${RUN_ID}', 0, '00000000-0000-4000-8000-00000000000a', 'answered', 2, '{"200": 1, "409": 1}', 2),
  ('${RUN_ID}', 1, '00000000-0000-4000-8000-00000000000b', 'pending', 1, NULL, 1);
INSERT INTO run_rows (run_id, row_index, chunk_index, input, contact, internal_id, status, not_sent_reason, message, did, attempts) VALUES
  ('${RUN_ID}', 0, 0, '{"contact":"a@example.com"}', 'a@example.com', 'a-1', '200', NULL, 'Created', 'did:a', 2),
  ('${RUN_ID}', 1, 0, '{"contact":"b@example.com"}', 'b@example.com', NULL, '409', NULL, 'Taken', NULL, 2),
  ('${RUN_ID}', 2, NULL, '{"contact":""}', '', NULL, 'not-sent', 'invalid', 'Not sent, invalid — contact', NULL, 0),
  ('${RUN_ID}', 100, 1, '{"contact":"c@example.com"}', 'c@example.com', NULL, NULL, NULL, '', NULL, 1);
`;

/** A run as release 0002 stored it: one outcome row per answered, refused or cancelled row. */
const RELEASE_0002_RUN = `
INSERT INTO runs (id, created_by, source, api_target, state, total_rows, upload_complete, received_through, refused_rows)
  VALUES ('${RUN_ID}', 'alice', 'paste', 'sandbox', 'cancelled', 5, true, 200, 1);
INSERT INTO run_chunks (run_id, chunk_index, idempotency_key, state, row_count, status_counts, attempts) VALUES
  ('${RUN_ID}', 0, '00000000-0000-4000-8000-00000000000a', 'answered', 2, '{"200": 1, "409": 1}', 2),
  ('${RUN_ID}', 1, '00000000-0000-4000-8000-00000000000b', 'pending', 1, NULL, 1),
  ('${RUN_ID}', 2, '00000000-0000-4000-8000-00000000000c', 'cancelled', 1, '{"not-sent": 1}', 0);
INSERT INTO run_rows (run_id, row_index, chunk_index, input, contact, internal_id) VALUES
  ('${RUN_ID}', 0, 0, '{"contact":"a@example.com"}', 'a@example.com', 'a-1'),
  ('${RUN_ID}', 1, 0, '{"contact":"b@example.com"}', 'b@example.com', NULL),
  ('${RUN_ID}', 2, NULL, '{"contact":""}', '', NULL),
  ('${RUN_ID}', 100, 1, '{"contact":"c@example.com"}', 'c@example.com', NULL),
  ('${RUN_ID}', 200, 2, '{"contact":"d@example.com"}', 'd@example.com', NULL);
INSERT INTO run_row_outcomes (run_id, row_index, status, not_sent_reason, message, did) VALUES
  ('${RUN_ID}', 0, '200', NULL, 'Created', 'did:a'),
  ('${RUN_ID}', 1, '409', NULL, 'Taken', NULL),
  ('${RUN_ID}', 2, 'not-sent', 'invalid', 'Not sent, invalid — contact', NULL),
  ('${RUN_ID}', 200, 'not-sent', 'cancelled', 'Not sent: cancelled', NULL);
`;

/** Opens a PGlite data folder left by the release whose last migration was `through`, holding `data`. */
async function openAfterRelease(dataDir: string, through: number, data: string) {
  const old = new PGlite(dataDir);
  await old.exec(
    "CREATE TABLE schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());",
  );
  for (const migration of MIGRATIONS.slice(0, through)) {
    await old.exec(`${migration.sql}\nINSERT INTO schema_migrations (id) VALUES ('${migration.id}');`);
  }
  await old.exec(data);
  await old.close();
  return openDatabase({ kind: "pglite", dataDir });
}

/** Rows 0–2 and 100 as both releases stored them; release 0002 also holds a cancelled row 200. */
const ROWS_OF_BOTH_RELEASES = [
  [0, 200, undefined, "Created", "did:a", 2],
  [1, 409, undefined, "Taken", undefined, 2],
  [2, "not-sent", "invalid", "Not sent, invalid — contact", undefined, 0],
  [100, "not-sent", "no-answer", expect.stringMatching(/^No answer recorded/), undefined, 1],
];

describe("migrations that move data: the latest schema shows every row a release recorded", () => {
  it.each<[string, number, string, unknown[][]]>([
    ["0001 (outcomes on the rows themselves)", 1, RELEASE_0001_RUN, ROWS_OF_BOTH_RELEASES],
    [
      "0002 (one outcome row per row, refusals and cancellations included)",
      2,
      RELEASE_0002_RUN,
      [...ROWS_OF_BOTH_RELEASES, [200, "not-sent", "cancelled", "Not sent: cancelled", undefined, 0]],
    ],
  ])(
    "release %s: status, reason, message, DID and attempts",
    async (_release, through, data, expected) => {
      const dataDir = await mkdtemp(join(tmpdir(), "console-migration-"));
      try {
        const database = await openAfterRelease(dataDir, through, data);
        const page = await getRunRows(database.db, RUN_ID, { filter: "all", offset: 0, limit: 10 });
        expect(
          page.rows.map((row) => [
            row.rowIndex,
            row.status,
            row.notSentReason,
            row.message,
            row.did,
            row.attempts,
          ]),
        ).toStrictEqual(expected);
        await database.close();
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    },
    60_000,
  );
});

describe("migration 0004: rows that never reached the server", () => {
  it("a run recorded before it keeps its rows and counts, with none recorded as not received", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "console-migration-"));
    try {
      const database = await openAfterRelease(
        dataDir,
        3,
        `INSERT INTO runs (id, created_by, source, api_target, state, total_rows, upload_complete, received_through)
           VALUES ('${RUN_ID}', 'alice', 'paste', 'sandbox', 'completed', 3100, true, 3099);`,
      );
      expect(await getRunSummary(database.db, RUN_ID)).toMatchObject({
        totalRows: 3100,
        rowsNotReceived: 0,
        lastRowReceived: 3100,
      });
      await database.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("migration 0005: when a run was last resumed", () => {
  it("a run recorded before it was never resumed as far as it can tell: measured from its start", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "console-migration-"));
    try {
      const database = await openAfterRelease(
        dataDir,
        4,
        `INSERT INTO runs (id, created_by, source, api_target, state, total_rows, upload_complete, received_through, started_at)
           VALUES ('${RUN_ID}', 'alice', 'paste', 'sandbox', 'running', 300, true, 299, '2026-11-27T09:00:00Z');`,
      );
      expect(await getRunSummary(database.db, RUN_ID)).toMatchObject({
        startedAt: "2026-11-27T09:00:00.000Z",
        resumedAt: null,
        rowsDoneAtResume: 0,
      });
      await database.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
