/**
 * Runs once when the server starts: a bad configuration stops it here, naming the variable; the
 * database is opened and migrated; runs left mid-flight by a previous process become "interrupted".
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getServerConfig, describeApiTarget } = await import("@/lib/env");
  const config = getServerConfig();
  const target = describeApiTarget(config.target);
  console.info(
    `[console] Humanos API target: ${target.label} (${config.target.baseUrl}), version ${target.version}`,
  );
  if (config.operators.length === 0) {
    console.warn(
      "[console] CONSOLE_OPERATORS is not set: anyone who can reach this server can use it. Set it before exposing the console beyond this machine.",
    );
  }
  const { getDatabase, describeDatabase } = await import("@/lib/db/shared-database");
  const { markInterruptedRuns } = await import("@/lib/runs/run-store");
  const { STALE_HEARTBEAT_MS } = await import("@/lib/runs/engine");
  const database = await getDatabase();
  // PGlite's folder has one owner, this process: every run marked live was left by a dead one. On a
  // shared PostgreSQL, only runs whose sender has stopped beating are.
  const interrupted = await markInterruptedRuns(
    database.db,
    database.kind === "pglite" ? undefined : new Date(Date.now() - STALE_HEARTBEAT_MS),
  );
  console.info(
    `[console] database: ${describeDatabase()}${interrupted > 0 ? `; ${interrupted} interrupted run(s) can be resumed under /runs` : ""}`,
  );
}
