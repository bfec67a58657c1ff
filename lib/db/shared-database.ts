/**
 * The process's one database, opened (and migrated) on first use. Kept on globalThis because Next
 * may evaluate a server module more than once, and PGlite allows one owner per data folder.
 */
import "server-only";
import { getServerConfig } from "@/lib/env";
import { type Database, openDatabase } from "./database";

const GLOBAL_KEY = "__humanosConsoleDatabase";
type Holder = typeof globalThis & { [GLOBAL_KEY]?: Promise<Database> };

export function getDatabase(): Promise<Database> {
  const holder = globalThis as Holder;
  if (!holder[GLOBAL_KEY]) {
    const { database } = getServerConfig();
    const opening = openDatabase(database);
    // A failed open is not cached: the next request tries again (e.g. the server came back).
    opening.catch(() => {
      if (holder[GLOBAL_KEY] === opening) holder[GLOBAL_KEY] = undefined;
    });
    holder[GLOBAL_KEY] = opening;
  }
  return holder[GLOBAL_KEY];
}

/** Where the data lives, for the start-up log: no password. */
export function describeDatabase(): string {
  const { database } = getServerConfig();
  if (database.kind === "pglite") return `PGlite in ${database.dataDir}`;
  const url = new URL(database.url);
  return `PostgreSQL at ${url.host}${url.pathname}`;
}
