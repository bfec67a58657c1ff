/** Runs once when the server starts: a bad configuration stops it here, naming the variable. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getServerConfig, describeApiTarget } = await import("@/lib/env");
  const config = getServerConfig();
  const target = describeApiTarget(config.target);
  console.info(
    `[console] Humanos API target: ${target.label} (${config.target.baseUrl}), version ${target.version}`,
  );
}
