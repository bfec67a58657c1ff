/**
 * Runs a suite against every database the console supports: PGlite in memory always, and a real
 * PostgreSQL server when TEST_DATABASE_URL is set (npm test sets it up when it can; CI always does).
 * Each suite gets a fresh, empty database of its own, dropped afterwards.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe } from "vitest";
import { type Database, type DatabaseOptions, openDatabase } from "./database";

export interface TestDatabaseTarget {
  label: string;
  /** A new empty database each call; `drop` removes it. */
  create(): Promise<{ options: DatabaseOptions; drop(): Promise<void> }>;
}

export function testDatabaseTargets(): TestDatabaseTarget[] {
  const targets: TestDatabaseTarget[] = [
    { label: "PGlite", create: async () => ({ options: { kind: "pglite" }, drop: async () => {} }) },
  ];
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    targets.push({
      label: "PostgreSQL",
      async create() {
        const name = `console_test_${randomUUID().replaceAll("-", "")}`;
        const admin = new pg.Client({ connectionString: adminUrl });
        await admin.connect();
        try {
          await admin.query(`CREATE DATABASE ${name}`);
        } finally {
          await admin.end();
        }
        const url = new URL(adminUrl);
        url.pathname = `/${name}`;
        return {
          options: { kind: "postgres", url: url.toString() },
          async drop() {
            const dropper = new pg.Client({ connectionString: adminUrl });
            await dropper.connect();
            try {
              await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
            } finally {
              await dropper.end();
            }
          },
        };
      },
    });
  }
  return targets;
}

/** describe(label) per database, with `use()` giving that suite's open, migrated database. */
export function describeEachDatabase(name: string, suite: (use: () => Database, label: string) => void) {
  for (const target of testDatabaseTargets()) {
    describe(`${name} (${target.label})`, () => {
      let database: Database | undefined;
      let drop: () => Promise<void> = async () => {};
      beforeAll(async () => {
        const created = await target.create();
        drop = created.drop;
        database = await openDatabase(created.options);
      }, 60_000);
      afterAll(async () => {
        await database?.close();
        await drop();
      });
      suite(() => {
        if (!database) throw new Error("database not open yet");
        return database;
      }, target.label);
    });
  }
}
