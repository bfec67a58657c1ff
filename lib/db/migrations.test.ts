/**
 * Migrations that move data: a database written by an earlier release keeps everything it recorded.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import { getRunRows } from "@/lib/runs/run-queries";
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

describe("migration 0002 (row outcomes in their own table)", () => {
  it("keeps every row's status, reason, message, DID and attempts", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "console-migration-"));
    try {
      const [first] = MIGRATIONS;
      const old = new PGlite(dataDir);
      await old.exec(`CREATE TABLE schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
        ${first?.sql}
        INSERT INTO schema_migrations (id) VALUES ('${first?.id}');
        ${RELEASE_0001_RUN}`);
      await old.close();

      const database = await openDatabase({ kind: "pglite", dataDir });
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
      ).toStrictEqual([
        [0, 200, undefined, "Created", "did:a", 2],
        [1, 409, undefined, "Taken", undefined, 2],
        [2, "not-sent", "invalid", "Not sent, invalid — contact", undefined, 0],
        [100, "not-sent", "no-answer", expect.stringMatching(/^No answer recorded/), undefined, 1],
      ]);
      await database.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
