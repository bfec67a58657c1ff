/**
 * Opens the console's database and brings its schema up to date. PGlite (Postgres compiled to WASM,
 * in a local folder) by default; a PostgreSQL server when DATABASE_URL is set. Both get the same
 * migrations and are used through the same drizzle API, so no caller knows which one it has.
 */
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations, SQL } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { MIGRATION_LOCK_ID, MIGRATIONS } from "./migrations";
import { profileQueries } from "./query-profile";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type DatabaseOptions =
  /** dataDir undefined: in memory (tests). queryProfileFile: see query-profile.ts. */
  { kind: "pglite"; dataDir?: string; queryProfileFile?: string } | { kind: "postgres"; url: string };

export interface Database {
  kind: DatabaseOptions["kind"];
  db: Db;
  /** Runs raw SQL with no parameters (may hold several statements). */
  exec(sqlText: string): Promise<void>;
  close(): Promise<void>;
}

/** What a migration run needs from one connection that it holds throughout. */
interface MigrationSession {
  exec(sqlText: string): Promise<void>;
  appliedIds(): Promise<Set<string>>;
  release(): Promise<void>;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const database =
    options.kind === "pglite"
      ? await openPglite(options.dataDir, options.queryProfileFile)
      : openPostgres(options.url);
  try {
    await migrate(database.session);
  } catch (error) {
    await database.handle.close().catch(() => {});
    throw error;
  }
  return database.handle;
}

async function openPglite(dataDir: string | undefined, queryProfileFile: string | undefined) {
  if (dataDir) {
    const { mkdir } = await import("node:fs/promises");
    await mkdir(dataDir, { recursive: true });
  }
  const client = dataDir ? new PGlite(dataDir) : new PGlite();
  await client.waitReady;
  if (queryProfileFile) profileQueries(client, queryProfileFile);
  const exec = async (sqlText: string) => {
    await client.exec(sqlText);
  };
  const handle: Database = {
    kind: "pglite",
    db: drizzlePglite({ client, schema }) as unknown as Db,
    exec,
    close: () => client.close(),
  };
  // PGlite has one connection and one process: no lock is needed around migrations.
  const session: () => Promise<MigrationSession> = async () => ({
    exec,
    appliedIds: async () =>
      new Set((await client.query<{ id: string }>("SELECT id FROM schema_migrations")).rows.map((r) => r.id)),
    release: async () => {},
  });
  return { handle, session };
}

function openPostgres(url: string) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client that loses its server must not crash the console; the next query reports it.
  pool.on("error", (error) => console.error("[db] idle PostgreSQL connection failed:", error.message));
  const handle: Database = {
    kind: "postgres",
    db: drizzleNodePg({ client: pool, schema }) as unknown as Db,
    exec: async (sqlText) => {
      await pool.query(sqlText);
    },
    close: () => pool.end(),
  };
  // Several console instances may start together: the advisory lock lets one migrate at a time.
  const session: () => Promise<MigrationSession> = async () => {
    const client = await pool.connect();
    try {
      await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
    } catch (error) {
      client.release();
      throw error;
    }
    return {
      exec: async (sqlText) => {
        await client.query(sqlText);
      },
      appliedIds: async () =>
        new Set(
          (await client.query<{ id: string }>("SELECT id FROM schema_migrations")).rows.map((r) => r.id),
        ),
      release: async () => {
        try {
          await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_ID]);
        } finally {
          client.release();
        }
      },
    };
  };
  return { handle, session };
}

/** Applies every migration not yet recorded, each in its own transaction with its record. */
async function migrate(openSession: () => Promise<MigrationSession>): Promise<string[]> {
  const session = await openSession();
  try {
    await session.exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
    );
    const applied = await session.appliedIds();
    const ran: string[] = [];
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.id)) continue;
      if (!/^[0-9a-z_]+$/.test(migration.id)) throw new Error(`Bad migration id ${migration.id}`);
      try {
        await session.exec(
          `BEGIN;\n${migration.sql}\nINSERT INTO schema_migrations (id) VALUES ('${migration.id}');\nCOMMIT;`,
        );
      } catch (error) {
        await session.exec("ROLLBACK").catch(() => {});
        throw new Error(
          `Database migration ${migration.id} failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      ran.push(migration.id);
    }
    return ran;
  } finally {
    await session.release();
  }
}

/** Runs a raw query and returns its rows (PGlite and node-postgres both answer `{ rows }`). */
export async function queryRows<T>(db: Db | Tx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
