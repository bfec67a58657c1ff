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
  const { sweepRuns, SWEEP_INTERVAL_MS } = await import("@/lib/runs/maintenance");
  const database = await getDatabase();
  const embedded = database.kind === "pglite";
  const report = await sweepRuns(database.db, { atStartUp: true, embedded });
  console.info(
    `[console] database: ${describeDatabase()}${
      report.interrupted > 0 ? `; ${report.interrupted} interrupted run(s) can be resumed under /runs` : ""
    }`,
  );
  // Later sweeps catch runs of other instances that died, drafts abandoned mid-upload, and old keys.
  setInterval(() => {
    sweepRuns(database.db, { atStartUp: false, embedded }).catch((error) =>
      console.error("[console] run housekeeping failed:", error),
    );
  }, SWEEP_INTERVAL_MS).unref();
}
