import { getTableColumns, getTableName, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { openDatabase, queryRows } from "./database";
import { describeEachDatabase } from "./database.test-support";
import { MIGRATIONS } from "./migrations";
import * as schema from "./schema";

const TABLES: PgTable[] = [
  schema.runs,
  schema.runChunks,
  schema.runRows,
  schema.sandboxUsers,
  schema.sandboxIdentities,
  schema.sandboxIdempotency,
];

describeEachDatabase("migrations", (use) => {
  it("records every migration once", async () => {
    const rows = await queryRows<{ id: string }>(use().db, sql`SELECT id FROM schema_migrations ORDER BY id`);
    expect(rows.map((row) => row.id)).toStrictEqual(MIGRATIONS.map((migration) => migration.id));
  });

  it.each(TABLES.map((table) => [getTableName(table), table] as const))(
    "table %s has exactly the columns the drizzle schema declares, with the same nullability",
    async (tableName, table) => {
      const rows = await queryRows<{
        column_name: string;
        is_nullable: string;
        data_type: string;
      }>(
        use().db,
        sql`SELECT column_name, is_nullable, data_type FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = ${tableName}`,
      );
      const actual = Object.fromEntries(
        rows.map((row) => [row.column_name, { notNull: row.is_nullable === "NO", type: row.data_type }]),
      );
      const declared = Object.fromEntries(
        Object.values(getTableColumns(table)).map((column) => [
          column.name,
          { notNull: column.notNull, type: expect.any(String) },
        ]),
      );
      expect(actual).toStrictEqual(declared);
    },
  );
});

describe("openDatabase on a PGlite data folder", () => {
  it("keeps its data across a reopen and does not re-run migrations", async () => {
    const { mkdtemp, rm } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const dataDir = await mkdtemp(join(tmpdir(), "console-db-"));
    try {
      const first = await openDatabase({ kind: "pglite", dataDir });
      await first.db.insert(schema.sandboxIdempotency).values({
        idempotencyKey: "k1",
        bodyHash: "h",
        status: 200,
        responseBody: "[]",
      });
      await first.close();
      const second = await openDatabase({ kind: "pglite", dataDir });
      const rows = await second.db.select().from(schema.sandboxIdempotency);
      expect(rows.map((row) => row.idempotencyKey)).toStrictEqual(["k1"]);
      const applied = await queryRows(second.db, sql`SELECT count(*)::int AS n FROM schema_migrations`);
      expect(applied).toStrictEqual([{ n: MIGRATIONS.length }]);
      await second.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
